import { adapterConformance } from '@herbie/testkit'
import { gitlabAdapter } from '../src/index.js'
import { fixtureBytes, storyProject } from './fakeGitlab.js'
import { API, projectHandlers, TOKEN } from './support.js'

const delivery = (event: string, file: string) => ({
  headers: {
    'x-gitlab-event': event,
    'x-gitlab-token': 'herbie-test-token',
    'content-type': 'application/json',
  },
  rawBody: fixtureBytes(`webhooks/${file}`),
})

adapterConformance(gitlabAdapter, {
  config: {
    projects: ['acme/ledger'],
    token: TOKEN,
    baseUrl: 'https://gitlab.example.com',
    webhookToken: 'herbie-test-token',
  },
  handlers: projectHandlers([storyProject()]),
  minEvents: 17,
  enrichment: [
    { url: `${API}/projects/4821/pipelines/:id/jobs`, status: 404 },
    { url: `${API}/projects/4821/merge_requests/:iid/notes`, status: 404 },
  ],
  webhooks: [
    delivery('Merge Request Hook', 'merge_request.merge.json'),
    delivery('Pipeline Hook', 'pipeline.success.json'),
    delivery('Job Hook', 'job.success.json'),
    delivery('Deployment Hook', 'deployment.success.json'),
  ],
  rejected: [
    {
      headers: { 'x-gitlab-event': 'Pipeline Hook' },
      rawBody: fixtureBytes('webhooks/pipeline.success.json'),
    },
    {
      headers: { 'x-gitlab-event': 'Pipeline Hook', 'x-gitlab-token': 'herbie-test-tokeN' },
      rawBody: fixtureBytes('webhooks/pipeline.success.json'),
    },
  ],
})
