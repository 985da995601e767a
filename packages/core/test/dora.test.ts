import { describe, expect, it } from 'vitest'
import { doraBands } from '../src/index.js'
import { analyze, stay } from './support/events.js'

const H = 3600
const prod = (outcome: 'success' | 'failure' | 'cancelled') => ({
  outcome,
  attributes: { environment: 'Production' },
})

/**
 * Production deploy exits in time order: X fails at 4 h and succeeds at 6 h; Y fails at 8 h, Z at
 * 9 h, W is cancelled at 10 h, Y succeeds at 12 h and Z at 13 h. Z also deploys to staging.
 */
const events = [
  ...stay('X', 'develop', 0, 2),
  ...stay('X', 'deploy', 3, 4, prod('failure')),
  ...stay('X', 'deploy', 5, 6, prod('success')),
  ...stay('Y', 'develop', 1, 3),
  ...stay('Y', 'deploy', 7, 8, prod('failure')),
  ...stay('Y', 'deploy', 11, 12, prod('success')),
  ...stay('Z', 'develop', 2, 4),
  ...stay('Z', 'deploy', 4.5, 4.75, { outcome: 'success', attributes: { environment: 'staging' } }),
  ...stay('Z', 'deploy', 8.5, 9, prod('failure')),
  ...stay('Z', 'deploy', 12.5, 13, prod('success')),
  ...stay('W', 'develop', 0.5, 1),
  ...stay('W', 'deploy', 9.5, 10, prod('cancelled')),
]

describe('DORA keys (hand-computed)', () => {
  const dora = analyze(events).dora!

  it('counts production deployments, leaving out staging and cancelled ones', () => {
    expect(dora.deployments).toBe(6)
    expect(dora.deploymentFrequencyPerDay).toBeCloseTo(3 / (13 / 24), 12)
  })

  it('lead time for changes runs from coding start to the successful deployment: 6 h, 11 h, 11 h', () => {
    expect(dora.leadTimeForChanges.count).toBe(3)
    expect(dora.leadTimeForChanges.p50).toBeCloseTo(11 * H, 6)
    expect(dora.leadTimeForChanges.mean).toBeCloseTo((28 / 3) * H, 6)
  })

  it('change failure rate: 3 of 6', () => {
    expect(dora.changeFailureRate).toBe(0.5)
  })

  it('recovery runs from the first failure of a run to the next success: 2 h and 4 h', () => {
    expect(dora.failedDeploymentRecoveryTime.count).toBe(2)
    expect(dora.failedDeploymentRecoveryTime.p50).toBeCloseTo(3 * H, 6)
  })

  it('rework: deployments of an item already deployed to production', () => {
    expect(dora.reworkRate).toBe(0.5)
  })

  it('bands', () => {
    expect(dora.bands).toEqual({
      deploymentFrequency: 'elite',
      leadTimeForChanges: 'elite',
      changeFailureRate: 'low',
      failedDeploymentRecoveryTime: 'high',
    })
  })

  it('no production deployment, no DORA section', () => {
    expect(analyze(stay('V', 'develop', 0, 1)).dora).toBeUndefined()
  })
})

describe('doraBands thresholds', () => {
  it.each([
    [
      {
        deploymentFrequencyPerDay: 1,
        leadTimeForChangesP50: 86_400,
        changeFailureRate: 0.05,
        recoveryP50: 3600,
      },
      'elite',
    ],
    [
      {
        deploymentFrequencyPerDay: 1 / 7,
        leadTimeForChangesP50: 7 * 86_400,
        changeFailureRate: 0.1,
        recoveryP50: 86_400,
      },
      'high',
    ],
    [
      {
        deploymentFrequencyPerDay: 1 / 30,
        leadTimeForChangesP50: 30 * 86_400,
        changeFailureRate: 0.15,
        recoveryP50: 7 * 86_400,
      },
      'medium',
    ],
    [
      {
        deploymentFrequencyPerDay: 1 / 31,
        leadTimeForChangesP50: 31 * 86_400,
        changeFailureRate: 0.16,
        recoveryP50: 8 * 86_400,
      },
      'low',
    ],
  ])('%j is %s on every key', (keys, band) => {
    expect(Object.values(doraBands(keys))).toEqual([band, band, band, band])
  })
})
