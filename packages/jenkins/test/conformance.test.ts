import { adapterConformance } from '@herbie/testkit'
import { jenkinsAdapter } from '../src/index.js'
import { BASE, fakeJenkins, fixtureBytes, storyJobs, TOKEN, USER } from './fakeJenkins.js'

const signed = (phase: string) => ({
  headers: {
    'content-type': 'application/json;charset=UTF-8',
    authorization: `Basic ${Buffer.from('herbie:herbie-test-secret').toString('base64')}`,
  },
  rawBody: fixtureBytes(`notifications/build-311-${phase}.json`),
})

adapterConformance(jenkinsAdapter, {
  config: { baseUrl: BASE, user: USER, token: TOKEN, webhookSecret: 'herbie-test-secret' },
  handlers: fakeJenkins(storyJobs()).handlers,
  minEvents: 13,
  enrichment: [{ url: `${BASE}/job/payments/job/main/:number/wfapi/describe`, status: 404 }],
  webhookAuth: 'secret',
  webhooks: [signed('started'), signed('completed'), signed('finalized')],
})
