import { readFileSync } from 'node:fs'
import { HttpResponse, http, type RequestHandler } from 'msw'

export const BASE = 'https://ci.acme.example/jenkins'
export const USER = 'dana-k'
export const TOKEN = '11d5c9a7e3b14f2a8c6e0d9b7a5f3e1c42'
export const AUTHORIZATION = `Basic ${Buffer.from(`${USER}:${TOKEN}`).toString('base64')}`

export const fixtureText = (name: string): string =>
  readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8')
export const fixture = <T = Record<string, unknown>>(name: string): T => JSON.parse(fixtureText(name)) as T
export const fixtureBytes = (name: string): Uint8Array =>
  new Uint8Array(readFileSync(new URL(`./fixtures/${name}`, import.meta.url)))

type Json = Record<string, unknown>

export interface FakeJob {
  /** Builds as `api/json` gives them under the adapter's tree, newest first. */
  builds: Json[]
  /** `wfapi/describe` by build number. */
  describes: Record<number, Json>
}

export interface FakeJenkins {
  readonly handlers: RequestHandler[]
  /** The paths and `tree` of every request, in order. */
  readonly requests: string[]
  readonly jobs: Record<string, FakeJob>
}

const HEADERS = {
  'x-jenkins': '2.492.3',
  'x-jenkins-session': '3f9a1c2b',
  'x-content-type-options': 'nosniff',
}

const json = (body: unknown, status = 200) =>
  HttpResponse.json(body as Json, {
    status,
    headers: { ...HEADERS, 'content-type': 'application/json;charset=utf-8' },
  })

const notFound = () =>
  new HttpResponse('<html><body><h2>HTTP ERROR 404 Not Found</h2></body></html>', {
    status: 404,
    headers: { ...HEADERS, 'content-type': 'text/html;charset=iso-8859-1' },
  })

const FOLDER = 'org.jenkinsci.plugins.workflow.multibranch.WorkflowMultiBranchProject'

/**
 * A Jenkins behind `/jenkins` serving jobs (by full name) from memory the way the JSON API
 * does: the job tree, `allBuilds{M,N}` pages, builds by number and `wfapi/describe`. With
 * `auth`, a request without the right basic credentials gets Jenkins' 401 page.
 */
export const fakeJenkins = (jobs: Record<string, FakeJob>, options: { auth?: boolean } = {}): FakeJenkins => {
  const requests: string[] = []
  const lastOf = (job: FakeJob) => {
    const newest = job.builds[0]
    return newest === undefined
      ? null
      : { _class: 'org.jenkinsci.plugins.workflow.job.WorkflowRun', number: newest.number }
  }
  const nodeOf = (fullName: string): Json => {
    const name = fullName.split('/').at(-1)!
    const url = `${BASE}/${fullName
      .split('/')
      .map((segment) => `job/${encodeURIComponent(segment)}`)
      .join('/')}/`
    const job = jobs[fullName]
    if (job !== undefined)
      return {
        _class: 'org.jenkinsci.plugins.workflow.job.WorkflowJob',
        name,
        fullName,
        url,
        lastBuild: lastOf(job),
      }
    const children = new Set<string>()
    for (const other of Object.keys(jobs)) {
      if (other.startsWith(`${fullName}/`))
        children.add(`${fullName}/${other.slice(fullName.length + 1).split('/')[0]}`)
    }
    return { _class: FOLDER, name, fullName, url, jobs: [...children].sort().map(nodeOf) }
  }
  const handler = http.get(`${BASE}/*`, ({ request }) => {
    const url = new URL(request.url)
    const tree = url.searchParams.get('tree') ?? ''
    const rest = url.pathname.slice('/jenkins/'.length).split('/')
    requests.push(`${url.pathname}${tree === '' ? '' : `?tree=${tree}`}`)
    if (options.auth === true && request.headers.get('authorization') !== AUTHORIZATION) {
      return new HttpResponse(fixtureText('errors/401.html'), {
        status: 401,
        headers: {
          ...HEADERS,
          'content-type': 'text/html;charset=iso-8859-1',
          'www-authenticate': 'Basic realm="Jenkins"',
        },
      })
    }
    const names: string[] = []
    while (rest[0] === 'job' && rest.length >= 2) {
      names.push(decodeURIComponent(rest[1]!))
      rest.splice(0, 2)
    }
    const fullName = names.join('/')
    if (names.length === 0 && rest.join('/') === 'api/json') {
      const tops = new Set(Object.keys(jobs).map((name) => name.split('/')[0]!))
      return json({ _class: 'hudson.model.Hudson', jobs: [...tops].sort().map(nodeOf) })
    }
    const job = jobs[fullName]
    if (rest.join('/') === 'api/json') {
      if (job === undefined) {
        const isFolder = Object.keys(jobs).some((name) => name.startsWith(`${fullName}/`))
        return isFolder ? json(nodeOf(fullName)) : notFound()
      }
      const range = /^allBuilds\[.*\]\{(\d+),(\d+)\}$/.exec(tree)
      if (range === null) return json(nodeOf(fullName))
      return json({
        _class: 'org.jenkinsci.plugins.workflow.job.WorkflowJob',
        allBuilds: job.builds.slice(Number(range[1]), Number(range[2])),
      })
    }
    if (job === undefined) return notFound()
    const number = Number(rest[0])
    const build = job.builds.find((candidate) => candidate.number === number)
    if (rest.slice(1).join('/') === 'api/json') return build === undefined ? notFound() : json(build)
    if (rest.slice(1).join('/') === 'wfapi/describe') {
      const description = job.describes[number]
      return build === undefined || description === undefined ? notFound() : json(description)
    }
    return notFound()
  })
  return { handlers: [handler], requests, jobs }
}

/** The story's Jenkins: the multibranch project `payments` with `main`, `PR-88` and a feature branch. */
export const storyJobs = (): Record<string, FakeJob> => {
  const main = fixture<{ allBuilds: Json[] }>('job-main-builds.json')
  const pr = fixture<{ allBuilds: Json[] }>('job-pr-88-builds.json')
  const feature = fixture<{ allBuilds: Json[] }>('job-feature-pay-151-builds.json')
  return {
    'payments/main': {
      builds: main.allBuilds,
      describes: {
        311: fixture('build-311-wfapi-describe.json'),
        310: fixture('build-310-wfapi-describe.json'),
      },
    },
    'payments/PR-88': {
      builds: pr.allBuilds,
      describes: {
        1: fixture('build-pr-88-1-wfapi-describe.json'),
        2: fixture('build-pr-88-2-wfapi-describe.json'),
      },
    },
    'payments/feature%2FPAY-151-refund-fix': {
      builds: feature.allBuilds,
      describes: { 4: fixture('build-feature-pay-151-4-wfapi-describe.json') },
    },
  }
}
