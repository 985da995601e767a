import { type SimScenario, type SimStage, seededRandom, type ValueStream } from '../../src/index.js'

/** The families the accuracy suite draws from. */
export const FAMILIES = [
  'stable-explicit',
  'stable-implicit',
  'overloaded',
  'longest-not-constraint',
  'short-no-queue',
] as const
export type Family = (typeof FAMILIES)[number]

const PER_DAY = 24
const NAMES = ['analyse', 'develop', 'review', 'test', 'deploy']

/**
 * A seeded random tandem stream whose constraint is known: one stage is loaded at 0.85–0.95
 * (stable) or 1.05–1.3 (overloaded); the others at least 0.25 below it. Families add a long stage
 * with unlimited concurrency (longer than every other) or a short single-server stage.
 */
export const randomScenario = (
  seed: number,
): { scenario: SimScenario; stream: ValueStream; family: Family } => {
  const random = seededRandom(seed * 7919 + 17)
  const family = FAMILIES[seed % FAMILIES.length]!
  const count = 3 + Math.floor(random() * 3)
  const names = NAMES.slice(0, count)
  const bottleneck = Math.floor(random() * count)
  const perHour = PER_DAY / 24
  const overloaded = family === 'overloaded'
  const topLoad = overloaded ? 1.05 + random() * 0.25 : 0.85 + random() * 0.1
  const explicit = family !== 'stable-implicit'
  let special = Math.floor(random() * (count - 1))
  if (special >= bottleneck) special++
  const stages: SimStage[] = names.map((name, i) => {
    const servers = 1 + Math.floor(random() * (i === bottleneck ? 4 : 6))
    const load = i === bottleneck ? topLoad : 0.1 + random() * (topLoad - 0.35)
    const base = {
      name,
      servers,
      service: { kind: 'exponential' as const, mean: (load * servers) / perHour },
    }
    return explicit ? { ...base, queue: `${name}-queue` } : base
  })
  if (family === 'longest-not-constraint') {
    const longest = Math.max(
      ...stages.map((stage) => (stage.service.kind === 'exponential' ? stage.service.mean : 0)),
    )
    stages[special] = {
      ...stages[special]!,
      servers: Number.POSITIVE_INFINITY,
      service: { kind: 'lognormal', mean: longest * 2, cv: 0.5 },
    }
  }
  if (family === 'short-no-queue') {
    stages[special] = { ...stages[special]!, servers: 1, service: { kind: 'constant', mean: 0.05 } }
  }
  const scenario: SimScenario = {
    seed,
    start: '2026-01-01T00:00:00Z',
    days: 60,
    arrivals: { kind: 'poisson', perDay: PER_DAY },
    stages,
    itemPrefix: `s${seed}`,
  }
  const stream: ValueStream = {
    stages: [
      ...stages.flatMap((stage) => [
        ...(stage.queue === undefined ? [] : [{ name: stage.queue, activity: 'wait' as const }]),
        { name: stage.name, activity: 'work' as const },
      ]),
      { name: 'done', activity: 'wait' },
    ] as unknown as ValueStream['stages'],
    commitment: stages[0]!.queue ?? stages[0]!.name,
    done: 'done',
  }
  return { scenario, stream, family }
}
