import { formatDuration } from '@herbie/core'
import { analyzeTeam } from './constraintOf.js'

const report = await analyzeTeam()
// Lead time is null when nothing was done in the window, and the constraint when it cannot be named.
const lead = report.leadTime === null ? 'not known' : formatDuration(report.leadTime.p85)
console.log(`${report.items.completed} items done, lead time p85 ${lead}`)
console.log(
  report.constraint.stage === null
    ? `no constraint named: ${report.constraint.missing}`
    : `constraint: ${report.constraint.stage} (confidence ${report.constraint.confidence.toFixed(2)})`,
)
for (const sentence of report.constraint.evidence) console.log(`  - ${sentence}`)
