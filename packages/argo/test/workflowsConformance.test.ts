import { adapterConformance } from '@herbie/testkit'
import { argoWorkflowsAdapter } from '../src/index.js'
import { fakeArgoWorkflows, storyWorkflows, WF_BASE, WF_TOKEN } from './fakeArgoWorkflows.js'

const [live, old] = storyWorkflows()

adapterConformance(argoWorkflowsAdapter, {
  config: { baseUrl: WF_BASE, token: WF_TOKEN, namespace: 'payments-ci', pageSize: 1 },
  // payments-itest-x7k2p live, the older payments-itest-q4m8d only in the archive
  handlers: fakeArgoWorkflows([live!], [old!]).handlers,
  minEvents: 6,
  enrichment: [{ url: `${WF_BASE}/api/v1/archived-workflows/:uid`, status: 404 }],
})
