import { formatDuration } from '@herbie/core'
import { analyzeTeam } from './constraintOf.js'

const report = await analyzeTeam()
console.log(`${report.items.completed} items done, lead time p85 ${formatDuration(report.leadTime.p85)}`)
console.log(`constraint: ${report.constraint.stage} (confidence ${report.constraint.confidence.toFixed(2)})`)
for (const sentence of report.constraint.evidence) console.log(`  - ${sentence}`)
