import { adapterConformance } from '@herbie/testkit'
import { jenkinsAdapter } from '../src/index.js'
import { BASE, fakeJenkins, fixtureBytes, storyJobs, TOKEN, USER } from './fakeJenkins.js'

const delivery = (phase: string, secret?: string) => ({
  headers: {
    'content-type': 'application/json;charset=UTF-8',
    ...(secret === undefined
      ? {}
      : { authorization: `Basic ${Buffer.from(`herbie:${secret}`).toString('base64')}` }),
  },
  rawBody: fixtureBytes(`notifications/build-311-${phase}.json`),
})
const signed = (phase: string) => delivery(phase, 'herbie-test-secret')

adapterConformance(jenkinsAdapter, {
  config: { baseUrl: BASE, user: USER, token: TOKEN, webhookSecret: 'herbie-test-secret' },
  handlers: fakeJenkins(storyJobs()).handlers,
  minEvents: 13,
  enrichment: [{ url: `${BASE}/job/payments/job/main/:number/wfapi/describe`, status: 404 }],
  // The Notification plugin signs nothing: a delivery without the secret, or with a wrong one, is refused.
  rejected: [delivery('completed'), delivery('completed', 'not-the-secret')],
  webhooks: [signed('started'), signed('completed'), signed('finalized')],
})
