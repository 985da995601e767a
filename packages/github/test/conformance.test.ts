import { adapterConformance } from '@herbie/testkit'
import { githubAdapter } from '../src/index.js'
import { fixtureBytes, storyHandlers } from './support.js'

const signed = (event: string, file: string, signature: string) => ({
  headers: { 'x-github-event': event, 'x-hub-signature-256': signature },
  rawBody: fixtureBytes(`webhooks/${file}`),
})

adapterConformance(githubAdapter, {
  config: {
    repositories: ['acme/payments'],
    token: 'ghp_conformance000',
    issues: true,
    webhookSecret: 'herbie-test-secret',
  },
  handlers: storyHandlers(),
  minEvents: 26,
  webhooks: [
    signed(
      'pull_request',
      'pull_request.ready_for_review.json',
      'sha256=d987fd0a98f9ab2508807e11ed9fab4e4bfa2c0b03bdcdadb09cac3921eda2a9',
    ),
    signed(
      'pull_request_review',
      'pull_request_review.submitted-approved.json',
      'sha256=199b941c950b28fc65acba93e337da8ef197504a977a906556ad3a10b36d9a05',
    ),
    signed(
      'workflow_run',
      'workflow_run.completed.json',
      'sha256=a33cce001f49e60dff3f0f01fd164e80214df9e2fa9c44a4b758ea2803599c6a',
    ),
    signed(
      'deployment_status',
      'deployment_status.created.json',
      'sha256=827f9f6c50ded4b55b530069daf3134e938dd1a589065165ab2c424879e31d44',
    ),
  ],
})
