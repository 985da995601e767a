import { describe, expect, it } from 'vitest'
import { environmentOf, isProductionEvent } from '../src/index.js'

describe('the environment an event concerns', () => {
  it('comes from the environment attribute, else an environment link, else production: true', () => {
    expect(
      environmentOf({ attributes: { environment: 'staging' }, links: [{ kind: 'environment', id: 'prod' }] }),
    ).toBe('staging')
    expect(
      environmentOf({
        links: [
          { kind: 'pr', id: 'a#1' },
          { kind: 'environment', id: 'eu-prod' },
        ],
      }),
    ).toBe('eu-prod')
    expect(environmentOf({ attributes: { production: true } })).toBe('production')
    expect(environmentOf({ attributes: { repository: 'acme/api' } })).toBeUndefined()
  })

  it('is production when named production or prod (any case), or flagged', () => {
    expect(isProductionEvent({ attributes: { environment: 'Production' } })).toBe(true)
    expect(isProductionEvent({ links: [{ kind: 'environment', id: 'prod' }] })).toBe(true)
    expect(isProductionEvent({ attributes: { production: true } })).toBe(true)
    expect(isProductionEvent({ attributes: { environment: 'production-eu' } })).toBe(false)
    expect(isProductionEvent({ attributes: { environment: 'staging' } })).toBe(false)
    expect(isProductionEvent({})).toBe(false)
  })
})
