/**
 * The `herbie` command line, usable from code: `runCli(process.argv)` resolves to the exit code.
 *
 * @since 0.1.0
 */
export { analyzeCommand } from './commands/analyze.js'
export { type DemoManifest, demoCommand } from './commands/demo.js'
export { exportCommand } from './commands/export.js'
export { forecastCommand, renderForecast } from './commands/forecast.js'
export { herbieCommand, herbieSubcommands } from './commands/herbie.js'
export {
  config,
  correlate,
  defaultTo,
  events,
  from,
  skipInvalid,
  stream,
  text,
  to,
} from './commands/options.js'
export { type AnalysisInput, runAnalysis } from './commands/runAnalysis.js'
export { simulateCommand } from './commands/simulate.js'
export { syncCommand } from './commands/sync.js'
export { syncGithubCommand } from './commands/syncGithub.js'
export { analysisSettings, type SettingsInput } from './config/analysisSettings.js'
export { ConfigFileInvalid } from './config/ConfigFileInvalid.js'
export { HerbieConfig, SourceConfig } from './config/HerbieConfig.js'
export { type LoadedAdapter, loadAdapter } from './config/loadAdapter.js'
export {
  CONFIG_NAMES,
  configHere,
  findConfig,
  type LoadedConfig,
  loadConfig,
  readConfig,
} from './config/loadConfig.js'
export { UsageError } from './errors.js'
export {
  ExportFailed,
  metricsUrl,
  type OtlpProtocol,
  type OtlpRetries,
  otlpSender,
} from './export/otlpExport.js'
export { prometheusEndpoint } from './export/prometheusServe.js'
export { recordEvents } from './export/recordEvents.js'
export { BUILT_IN_OPTIONS, type CommandInfo, describeCommand, type OptionInfo } from './help/CommandInfo.js'
export { useColor } from './help/color.js'
export { docText, spanText } from './help/docText.js'
export { EXAMPLES, type Example } from './help/examples.js'
export { type Invocation, readInvocation } from './help/readInvocation.js'
export { type HelpStyle, renderHelp } from './help/renderHelp.js'
export { closest, didYouMean } from './help/suggest.js'
export { parseRules } from './input/parseRules.js'
export { runCli } from './main.js'
export { type AppendCounts, type EventAppender, eventAppender } from './output/appendEvents.js'
export { renderComparison } from './render/comparison.js'
export { constraintSentence, constraintTimelineLines, renderReport } from './render/report.js'
export { renderTable } from './render/table.js'
export { renderWhatIf } from './render/whatIf.js'
export { parallelReplicate } from './simulate/parallelReplicate.js'
export { githubTokenNotice } from './sync/githubToken.js'
export { runSource, type Source, type SourceSummary } from './sync/runSource.js'
export { SourcesFailed } from './sync/SourcesFailed.js'
export { systemErrorText } from './systemError.js'
export { VERSION } from './version.js'
