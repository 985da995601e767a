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
 * A stage of the model a scenario changes: its name and how many items it serves at once.
 *
 * @since 0.1.0
 * @category what-if
 */
export interface ModelStage {
  readonly name: string
  readonly servers: number
}

/** What a change is about, for finding two changes to one thing: `speedup develop`, `arrivals`. */
const targetOf = (change: ScenarioChange): string =>
  change.kind === 'arrivals' ? 'arrivals' : `${change.kind} ${change.stage}`

/** Why a change is a no-op or impossible on the model, or undefined when it is neither. */
const problemOf = (change: ScenarioChange, servers: number | undefined): string | undefined => {
  if (change.kind === 'speedup' || change.kind === 'arrivals') {
    if (change.factor <= 0) return 'the factor must be above 0'
    if (change.factor === 1) return 'a factor of 1 changes nothing'
    return undefined
  }
  if (change.kind === 'wip-limit') return change.limit < 1 ? 'a WIP limit is at least 1' : undefined
  if (change.relative && change.servers === 0) return 'adding 0 changes nothing'
  if (!change.relative && change.servers < 1) return `${change.stage} needs at least 1 server`
  if (servers === undefined) return undefined
  if (!Number.isFinite(servers))
    return `${change.stage} has no limit on how many it works on at once: this changes nothing`
  const after = change.relative ? servers + change.servers : change.servers
  if (after < 1) return `${change.stage} has ${servers} at once; it needs at least 1 server`
  if (after === servers) return `${change.stage} already has ${servers} at once: this changes nothing`
  return undefined
}

/**
 * Parses a scenario: changes separated by `;`, each `speedup STAGE=FACTOR`, `capacity STAGE=+N`
 * or `capacity STAGE=N`, `wip-limit STAGE=N` or `arrivals FACTOR`. The error names the change
 * when it is malformed, names a stage the model lacks, changes nothing (a factor of 1, `+0`, the
 * servers the stage already has), is impossible (no server left, a WIP limit of 0), or changes
 * what another change of the scenario already changes (two speed-ups of one stage, which may
 * cancel out).
 *
 * @since 0.1.0
 * @category what-if
 */
export const parseScenario = (
  text: string,
  stages: ReadonlyArray<ModelStage>,
): Either.Either<ReadonlyArray<ScenarioChange>, string> => {
  const changes: ScenarioChange[] = []
  const texts = new Map<string, string>()
  const names = stages.map((stage) => stage.name)
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
    if (stage !== undefined && !names.includes(stage)) {
      return Either.left(`${JSON.stringify(part)}: no work stage ${stage} in the model (${names.join(', ')})`)
    }
    const change: ScenarioChange =
      match[1] !== undefined
        ? { kind: 'speedup', stage: stage!, factor: Number(match[3]) }
        : match[4] !== undefined
          ? {
              kind: 'capacity',
              stage: stage!,
              servers: Number(match[7]) * (match[6] === '-' ? -1 : 1),
              relative: match[6] !== '',
            }
          : match[8] !== undefined
            ? { kind: 'wip-limit', stage: stage!, limit: Number(match[10]) }
            : { kind: 'arrivals', factor: Number(match[12]) }
    const problem = problemOf(change, stages.find((entry) => entry.name === stage)?.servers)
    if (problem !== undefined) return Either.left(`${JSON.stringify(part)}: ${problem}`)
    const target = targetOf(change)
    const earlier = texts.get(target)
    if (earlier !== undefined) {
      return Either.left(
        `${JSON.stringify(part)}: the scenario already has ${JSON.stringify(earlier)} (give one change of each kind per stage)`,
      )
    }
    texts.set(target, part)
    changes.push(change)
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
