import { readFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`../../../github/test/fixtures/${name}`, import.meta.url), 'utf8'))

/**
 * A GitHub Enterprise Server stand-in on a loopback port, serving the story's fixtures under
 * `/api/v3` with real Link pagination. `requests` records every path asked for.
 */
export const startFakeGithub = async (): Promise<{
  baseUrl: string
  requests: string[]
  close: () => Promise<void>
}> => {
  const requests: string[] = []
  let base = ''
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', base)
    requests.push(url.pathname + url.search)
    const send = (body: unknown, headers: Record<string, string> = {}) => {
      response.writeHead(200, { 'content-type': 'application/json; charset=utf-8', ...headers })
      response.end(JSON.stringify(body))
    }
    const path = url.pathname.replace(/^\/api\/v3/, '')
    if (request.headers.authorization !== 'Bearer ghs_loopbacktoken000') {
      response.writeHead(401, { 'content-type': 'application/json' })
      return response.end(JSON.stringify(fixture('errors/401-bad-credentials.json')))
    }
    if (path === '/repos/acme/payments/pulls') {
      return send(fixture('pulls-list-page1.json'), {
        link: `<${base}/api/v3/repositories/501234567/pulls?page=2>; rel="next"`,
      })
    }
    if (path === '/repositories/501234567/pulls') return send(fixture('pulls-list-page2.json'))
    const timeline = /^\/repos\/acme\/payments\/issues\/(\d+)\/timeline$/.exec(path)
    if (timeline) return send(timeline[1] === '87' ? fixture('pull-87-timeline.json') : [])
    if (path === '/repos/acme/payments/actions/runs') {
      const created = url.searchParams.get('created')
      const since = created === null ? 0 : Date.parse(created.replace('>=', ''))
      const runs = (fixture('actions-runs.json') as { workflow_runs: Array<{ created_at: string }> })
        .workflow_runs
      const kept = runs.filter((run) => Date.parse(run.created_at) >= since)
      return send({ total_count: kept.length, workflow_runs: kept })
    }
    const pullsOfCommit = /^\/repos\/acme\/payments\/commits\/([0-9a-f]{40})\/pulls$/.exec(path)
    if (pullsOfCommit) {
      const pull = fixture('pull-87.json') as { head: { sha: string }; merge_commit_sha: string }
      const shas = ['3b7e1d0c9a8f7e6d5c4b3a29180706f5e4d3c2b1', pull.head.sha, pull.merge_commit_sha]
      return send(shas.includes(pullsOfCommit[1]!) ? [pull] : [])
    }
    const jobs = /^\/repos\/acme\/payments\/actions\/runs\/(\d+)\/jobs$/.exec(path)
    if (jobs)
      return send(jobs[1] === '13712044502' ? fixture('actions-run-jobs.json') : { total_count: 0, jobs: [] })
    if (path === '/repos/acme/payments/deployments') return send(fixture('deployments.json'))
    const statuses = /^\/repos\/acme\/payments\/deployments\/(\d+)\/statuses$/.exec(path)
    if (statuses) {
      return send(
        fixture(
          statuses[1] === '2210489902'
            ? 'deployment-statuses-production.json'
            : 'deployment-statuses-staging.json',
        ),
      )
    }
    response.writeHead(404, { 'content-type': 'application/json' })
    response.end(JSON.stringify({ message: 'Not Found' }))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    baseUrl: `${base}/api/v3`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}
