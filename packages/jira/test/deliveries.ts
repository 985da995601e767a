import { createHmac } from 'node:crypto'
import type { WebhookDelivery } from '@herbie/core'
import { fixtureBytes } from './fakeJira.js'

/** The secret of the story's signed webhook, and the token of its unsigned one. */
export const SECRET = 'herbie-test-secret'
export const SHARED_TOKEN = 'herbie-test-token'

/** The `X-Hub-Signature` Jira sends for a body and a secret. */
export const hubSignature = (body: Uint8Array, secret = SECRET): string =>
  `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`

/** A webhook fixture as Jira delivers it, signed with `secret` (null: unsigned), with more headers. */
export const delivery = (
  name: string,
  secret: string | null = SECRET,
  headers: Record<string, string> = {},
): WebhookDelivery => {
  const rawBody = fixtureBytes(name)
  return {
    headers: {
      'content-type': 'application/json; charset=UTF-8',
      'x-atlassian-webhook-identifier': '6f8a2d41-1c3b-4e5f-9a7b-8c6d5e4f3a2b',
      ...(secret === null ? {} : { 'x-hub-signature': hubSignature(rawBody, secret) }),
      ...headers,
    },
    rawBody,
  }
}
