/**
 * The `herbie` command line, usable from code: `runCli(process.argv)` resolves to the exit code.
 *
 * @since 0.1.0
 */
export { analyzeCommand } from './commands/analyze.js'
export { type DemoManifest, demoCommand } from './commands/demo.js'
export { type AnalysisInput, runAnalysis } from './commands/runAnalysis.js'
export { syncCommand, syncGithubCommand } from './commands/syncGithub.js'
export { UsageError } from './errors.js'
export { runCli } from './main.js'
export { type AppendCounts, eventAppender } from './output/appendEvents.js'
export { renderComparison } from './render/comparison.js'
export { constraintSentence, renderReport } from './render/report.js'
export { renderTable } from './render/table.js'
export { VERSION } from './version.js'
