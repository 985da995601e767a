import { Either } from 'effect'
import type { SimScenario, SimStage } from '../simulate/scenario.js'

/**
 * One change of a what-if scenario.
 *
 * @since 0.1.0
 * @category what-if
 */
export type ScenarioChange =
  | { readonly kind: 'speedup'; readonly stage: string; readonly factor: number }
  | {
      readonly kind: 'capacity'
      readonly stage: string
      readonly servers: number
      readonly relative: boolean
    }
  | { readonly kind: 'wip-limit'; readonly stage: string; readonly limit: number }
  | { readonly kind: 'arrivals'; readonly factor: number }

const CHANGE =
  /^(?:(speedup)\s+([\w.-]+)\s*=\s*(\d+(?:\.\d+)?)|(capacity)\s+([\w.-]+)\s*=\s*([+-]?)(\d+)|(wip-limit)\s+([\w.-]+)\s*=\s*(\d+)|(arrivals)\s+(\d+(?:\.\d+)?))$/

/**
 * Parses a scenario: changes separated by `;`, each `speedup STAGE=FACTOR`, `capacity STAGE=+N`
 * or `capacity STAGE=N`, `wip-limit STAGE=N` or `arrivals FACTOR`. A malformed change or an
 * unknown stage is named in the error.
 *
 * @since 0.1.0
 * @category what-if
 */
export const parseScenario = (
  text: string,
  stages: ReadonlyArray<string>,
): Either.Either<ReadonlyArray<ScenarioChange>, string> => {
  const changes: ScenarioChange[] = []
  const parts = text.split(';').map((part) => part.trim())
  if (parts.every((part) => part === '')) return Either.left(`scenario ${JSON.stringify(text)} has no change`)
  for (const part of parts) {
    if (part === '') continue
    const match = CHANGE.exec(part)
    if (match === null) {
      return Either.left(
        `${JSON.stringify(part)} is not a change: use speedup STAGE=FACTOR, capacity STAGE=+N or STAGE=N, wip-limit STAGE=N, or arrivals FACTOR`,
      )
    }
    const stage = match[2] ?? match[5] ?? match[9]
    if (stage !== undefined && !stages.includes(stage)) {
      return Either.left(
        `${JSON.stringify(part)}: no work stage ${stage} in the model (${stages.join(', ')})`,
      )
    }
    if (match[1] !== undefined) {
      const factor = Number(match[3])
      if (factor <= 0) return Either.left(`${JSON.stringify(part)}: the factor must be above 0`)
      changes.push({ kind: 'speedup', stage: stage!, factor })
    } else if (match[4] !== undefined) {
      const sign = match[6]
      const value = Number(match[7]) * (sign === '-' ? -1 : 1)
      changes.push({ kind: 'capacity', stage: stage!, servers: value, relative: sign !== '' })
    } else if (match[8] !== undefined) {
      const limit = Number(match[10])
      if (limit < 1) return Either.left(`${JSON.stringify(part)}: a WIP limit is at least 1`)
      changes.push({ kind: 'wip-limit', stage: stage!, limit })
    } else {
      const factor = Number(match[12])
      if (factor <= 0) return Either.left(`${JSON.stringify(part)}: the factor must be above 0`)
      changes.push({ kind: 'arrivals', factor })
    }
  }
  return Either.right(changes)
}

/**
 * Applies changes to a scenario: service times divided by a speed-up, servers set or added to
 * (never below one), a pull limit on a stage, arrivals multiplied (times between them divided).
 *
 * @since 0.1.0
 * @category what-if
 */
export const applyChanges = (scenario: SimScenario, changes: ReadonlyArray<ScenarioChange>): SimScenario => {
  let stages: ReadonlyArray<SimStage> = scenario.stages
  let arrivals = scenario.arrivals
  const speedups = [...(scenario.speedups ?? [])]
  const update = (name: string, change: (stage: SimStage) => SimStage) => {
    stages = stages.map((stage) => (stage.name === name ? change(stage) : stage))
  }
  for (const change of changes) {
    if (change.kind === 'speedup') speedups.push({ stage: change.stage, fromDay: 0, factor: change.factor })
    else if (change.kind === 'capacity') {
      update(change.stage, (stage) => ({
        ...stage,
        servers: Math.max(1, change.relative ? stage.servers + change.servers : change.servers),
      }))
    } else if (change.kind === 'wip-limit')
      update(change.stage, (stage) => ({ ...stage, wipLimit: change.limit }))
    else if (arrivals.kind === 'renewal' && arrivals.interval.kind === 'empirical') {
      const factor = change.factor
      arrivals = {
        kind: 'renewal',
        interval: { kind: 'empirical', samples: arrivals.interval.samples.map((gap) => gap / factor) },
      }
    } else if (arrivals.kind === 'poisson')
      arrivals = { kind: 'poisson', perDay: arrivals.perDay * change.factor }
  }
  return { ...scenario, stages, arrivals, speedups }
}
