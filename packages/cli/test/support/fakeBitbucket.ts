import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { ACTIVITY, PULLS } from '../../../../examples/plugin-bitbucket/test/fixtures.js'

/**
 * A Bitbucket Cloud stand-in on a loopback port for the example plugin: the pull request list
 * one per page with `next` URLs in the body, and each activity log. Asks for the bearer token.
 */
export const startFakeBitbucket = async (
  token: string,
): Promise<{ baseUrl: string; requests: string[]; close: () => Promise<void> }> => {
  const requests: string[] = []
  let base = ''
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', base)
    requests.push(url.pathname + url.search)
    const send = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' })
      response.end(JSON.stringify(body))
    }
    if (request.headers.authorization !== `Bearer ${token}`)
      return send(401, { type: 'error', error: { message: 'Access token expired.' } })
    if (url.pathname === '/2.0/repositories/acme/mobile/pullrequests') {
      const page = Number(url.searchParams.get('page') ?? '1')
      const next = new URL(url)
      next.searchParams.set('page', String(page + 1))
      return send(200, {
        pagelen: 1,
        page,
        values: [PULLS[page - 1]],
        ...(page < PULLS.length ? { next: next.toString() } : {}),
      })
    }
    const activity = /^\/2\.0\/repositories\/acme\/mobile\/pullrequests\/(\d+)\/activity$/.exec(url.pathname)
    if (activity) return send(200, { pagelen: 50, values: ACTIVITY[Number(activity[1])] ?? [] })
    return send(404, { type: 'error', error: { message: 'Resource not found' } })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    baseUrl: `${base}/2.0`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}
