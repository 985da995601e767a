import { adapterConformance } from '@herbie/testkit'
import { argocdAdapter } from '../src/index.js'
import { BASE, failedSyncApps, fakeArgocd, TOKEN, WEBHOOK_TOKEN } from './fakeArgocd.js'
import { fixtureBytes } from './fixtures.js'

const delivery = (token?: string) => ({
  headers: {
    'content-type': 'application/json',
    ...(token === undefined ? {} : { 'x-herbie-token': token }),
  },
  rawBody: fixtureBytes('notifications-webhook-on-deployed.json'),
})

adapterConformance(argocdAdapter, {
  config: { baseUrl: BASE, token: TOKEN, webhookToken: WEBHOOK_TOKEN },
  // the afternoon of the failed sync: payments-prod out of sync (its sync windows are read)
  handlers: fakeArgocd(failedSyncApps()).handlers,
  minEvents: 13,
  enrichment: [{ url: `${BASE}/api/v1/applications/:name/syncwindows`, status: 404 }],
  // Argo CD's notifications sign nothing: a delivery without the shared token, or with a wrong one, is refused.
  rejected: [delivery(), delivery('not-the-token'), delivery(`${WEBHOOK_TOKEN}x`)],
  webhooks: [delivery(WEBHOOK_TOKEN)],
})
