import { Schema } from 'effect'
import { describe, expect, it } from 'vitest'
import { classifyStage, parseRemote, RegexString, StagePattern, sameSecret } from '../../src/index.js'

describe('sameSecret', () => {
  it('holds for the same secret only, whatever the lengths', () => {
    expect(sameSecret('herbie-test-token', 'herbie-test-token')).toBe(true)
    expect(sameSecret('herbie-test-token', 'herbie-test-tokeN')).toBe(false)
    expect(sameSecret('herbie-test-token', 'herbie')).toBe(false)
    expect(sameSecret('herbie-test-token', '')).toBe(false)
  })
})

describe('parseRemote', () => {
  it('reads OWNER/NAME and the host from https, scp-like and ssh remotes', () => {
    expect(parseRemote('https://github.com/acme/payments-deploy')).toEqual({
      host: 'github.com',
      path: 'acme/payments-deploy',
    })
    expect(parseRemote('git@gitlab.example.com:group/sub/app.git')).toEqual({
      host: 'gitlab.example.com',
      path: 'group/sub/app',
    })
    expect(parseRemote('https://charts.bitnami.com')).toBeUndefined()
  })
})

describe('stage patterns', () => {
  it('classify a name by the first matching pattern, with a named environment group', () => {
    const patterns = Schema.decodeUnknownSync(Schema.Array(StagePattern))([
      { pattern: 'promote-(?<environment>\\w+)', stage: 'deploy' },
      { pattern: 'deploy|release', stage: 'deploy' },
    ])
    expect(classifyStage('promote-production', patterns, 'ci')).toEqual({
      stage: 'deploy',
      environment: 'production',
    })
    expect(classifyStage('Release', patterns, 'ci')).toEqual({ stage: 'deploy' })
    expect(classifyStage('smoke-test', patterns, 'ci')).toEqual({ stage: 'ci' })
  })

  it('refuse a pattern that is no regular expression, with the reason', () => {
    const result = Schema.decodeUnknownEither(RegexString)('deploy(')
    expect(result._tag).toBe('Left')
    expect(String(result._tag === 'Left' ? result.left.message : '')).toContain(
      'not a regular expression: Invalid regular expression: /deploy(/i: Unterminated group',
    )
  })
})
