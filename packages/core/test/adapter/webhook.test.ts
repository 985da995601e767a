import { createHmac } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { basicSecretProblem, hmacSignatureProblem, sameSecret } from '../../src/index.js'

const body = new TextEncoder().encode('{"webhookEvent":"jira:issue_updated"}')
const signed = (secret: string) => `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`
const basic = (userInfo: string) => `Basic ${Buffer.from(userInfo).toString('base64')}`

describe('webhook credentials, checked before a body is read', () => {
  it('hmacSignatureProblem: the sha256=<hex> HMAC of the raw body under the header name given', () => {
    expect(hmacSignatureProblem('X-Hub-Signature', 's3cret', body, signed('s3cret'))).toBeUndefined()
    expect(hmacSignatureProblem('X-Hub-Signature', 's3cret', body, signed('other'))).toBe(
      'signature does not match the body',
    )
    expect(hmacSignatureProblem('X-Hub-Signature', 's3cret', body, undefined)).toBe(
      'missing X-Hub-Signature header',
    )
    expect(hmacSignatureProblem('X-Hub-Signature', 's3cret', body, 'sha1=abc')).toBe(
      'X-Hub-Signature is not sha256=<64 hex digits>',
    )
  })

  it('basicSecretProblem: the password of basic credentials, whatever the user', () => {
    expect(basicSecretProblem('tok', basic('jira:tok'))).toBeUndefined()
    expect(basicSecretProblem('tok', basic(':tok'))).toBeUndefined()
    expect(basicSecretProblem('tok', basic('jira:nope'))).toBe('the secret does not match')
    expect(basicSecretProblem('tok', basic('jira'))).toBe('Authorization holds no user:secret pair')
    expect(basicSecretProblem('tok', 'Bearer tok')).toBe('Authorization is not Basic credentials')
    expect(basicSecretProblem('tok', undefined, ': set basic authentication on the webhook')).toBe(
      'missing Authorization header: set basic authentication on the webhook',
    )
  })

  it('sameSecret compares whole secrets of any length', () => {
    expect([sameSecret('a', 'a'), sameSecret('a', 'ab'), sameSecret('', '')]).toEqual([true, false, true])
  })
})
