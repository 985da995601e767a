import { adapterConformance } from '@herbie/testkit'
import { bitbucketAdapter } from '../src/index.js'
import { approvedDelivery, handlers, SECRET } from './fixtures.js'

adapterConformance(bitbucketAdapter, {
  config: { repositories: ['acme/mobile'], token: 'bb-test-token', webhookSecret: SECRET },
  handlers,
  minEvents: 8,
  webhooks: [approvedDelivery()],
})
