/**
 * `@herbie/testkit`: prove an adapter right in its own vitest tests.
 *
 * @since 0.1.0
 */
export { type BackfillRun, backfillOnce } from './backfillOnce.js'
export { foreignIds, repeatedIds, undecodable, unpairedExits } from './checks.js'
export { adapterConformance, type ConformanceScenario } from './conformance.js'
export { eventStoreContract } from './eventStoreContract.js'
export { failureOf } from './failureOf.js'
export { failFirst, failFrom, malformed, servePages } from './faults.js'
export { numberedEvent } from './numberedEvent.js'
