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
  minEvents: 27,
  enrichment: [
    { url: 'https://api.github.com/repos/acme/payments/actions/runs/:id/jobs', status: 404 },
    { url: 'https://api.github.com/repos/acme/payments/deployments/:id/statuses', status: 404 },
  ],
  webhooks: [
    signed(
      'pull_request',
      'pull_request.ready_for_review.json',
      'sha256=a8fee8de190262ed3a7d9b917d8e90234bf2826c78d8d5d5b578ca669f6b1ec8',
    ),
    signed(
      'pull_request_review',
      'pull_request_review.submitted-approved.json',
      'sha256=c140538d44f0e83e76fde5b02bb2f8f64138626bb00df9248a4af4167867e1fe',
    ),
    signed(
      'workflow_run',
      'workflow_run.completed.json',
      'sha256=ce95ae3f6e400c82b36617d375e6e4aca2d8920d6ed9aea1f52d966e73ddcb82',
    ),
    signed(
      'deployment_status',
      'deployment_status.created.json',
      'sha256=48b96c43db510cc0dfe08b6541f051b7c8b58ffdadf5eaa281f98483b87bfd59',
    ),
  ],
})
