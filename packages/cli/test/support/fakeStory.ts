import { readFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { jenkinsStoryAnswer } from './jenkinsStory.js'

const fixture = (adapter: 'argo' | 'jira', name: string): string =>
  readFileSync(new URL(`../../../${adapter}/test/fixtures/${name}`, import.meta.url), 'utf8')

/** The credentials the stand-ins accept, one set a system. */
export const storyCredentials = {
  jira: { JIRA_EMAIL: 'dana-k@acme.example', JIRA_TOKEN: 'ATATT3xFfGF0-story-token' },
  jenkins: { JENKINS_USER: 'dana-k', JENKINS_TOKEN: '11d5c9a7e3b14f2a8c6e0d9b7a5f3e1c42' },
  argocd: { ARGOCD_TOKEN: 'eyJhbGciOiJIUzI1NiJ9.argocd-story-token.c2lnbmF0dXJl' },
} as const

const basic = (user: string, token: string) => `Basic ${Buffer.from(`${user}:${token}`).toString('base64')}`

/**
 * Jira Cloud under `/jira`, Jenkins under `/jenkins` (`jenkinsStoryAnswer`) and Argo CD under `/argocd`, on one
 * loopback port, each serving its adapter's story fixtures unchanged: Jira's two search pages
 * by `nextPageToken`, the `payments/main` job of Jenkins with builds #311 and #310, Argo CD's
 * application list. `requests` records every path and query asked for.
 */
export const startFakeStory = async (): Promise<{
  origin: string
  requests: string[]
  close: () => Promise<void>
}> => {
  const requests: string[] = []
  let origin = ''
  const nextPage = (JSON.parse(fixture('jira', 'search-jql-page1.json')) as { nextPageToken: string })
    .nextPageToken
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', origin)
    requests.push(url.pathname + url.search)
    const send = (status: number, body: string) => {
      response.writeHead(status, { 'content-type': 'application/json;charset=utf-8' })
      response.end(body)
    }
    const auth = request.headers.authorization
    const { jira, jenkins, argocd } = storyCredentials
    if (url.pathname.startsWith('/jira/')) {
      if (auth !== basic(jira.JIRA_EMAIL, jira.JIRA_TOKEN))
        return send(401, fixture('jira', 'errors/401.json'))
      if (url.pathname === '/jira/rest/api/3/status') return send(200, fixture('jira', 'status-cloud.json'))
      if (url.pathname === '/jira/rest/api/3/search/jql') {
        const page = url.searchParams.get('nextPageToken') === nextPage ? 2 : 1
        return send(200, fixture('jira', `search-jql-page${page}.json`))
      }
    }
    if (url.pathname.startsWith('/jenkins/')) {
      if (auth !== basic(jenkins.JENKINS_USER, jenkins.JENKINS_TOKEN))
        return send(403, '<html>Forbidden</html>')
      const answer = jenkinsStoryAnswer(origin, url)
      if (answer !== undefined) return send(200, answer)
    }
    if (url.pathname.startsWith('/argocd/')) {
      if (auth !== `Bearer ${argocd.ARGOCD_TOKEN}`) return send(401, fixture('argo', 'errors/401.json'))
      if (url.pathname === '/argocd/api/v1/applications')
        return send(200, fixture('argo', 'applications-list.json'))
    }
    return send(404, '{"message":"Not Found"}')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return { origin, requests, close: () => new Promise((resolve) => server.close(() => resolve())) }
}
