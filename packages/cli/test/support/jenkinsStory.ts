import { readFileSync } from 'node:fs'

const fixture = (name: string): string =>
  readFileSync(new URL(`../../../jenkins/test/fixtures/${name}`, import.meta.url), 'utf8')
const builds = JSON.parse(fixture('job-main-builds.json')) as { allBuilds: unknown[] }

/**
 * The answer of the story's Jenkins behind `/jenkins` (the multibranch project `payments`, its
 * `main` job with builds #311 and #310) to an authenticated GET of `url`, or undefined for a
 * path it does not serve. `origin` is where the stand-in listens, for the `url` fields Jenkins
 * writes.
 */
export const jenkinsStoryAnswer = (origin: string, url: URL): string | undefined => {
  const folder = {
    _class: 'org.jenkinsci.plugins.workflow.multibranch.WorkflowMultiBranchProject',
    name: 'payments',
    fullName: 'payments',
    url: `${origin}/jenkins/job/payments/`,
    jobs: [
      {
        _class: 'org.jenkinsci.plugins.workflow.job.WorkflowJob',
        name: 'main',
        fullName: 'payments/main',
        url: `${origin}/jenkins/job/payments/job/main/`,
        lastBuild: { number: 311 },
      },
    ],
  }
  if (url.pathname === '/jenkins/api/json')
    return JSON.stringify({ _class: 'hudson.model.Hudson', jobs: [folder] })
  if (url.pathname === '/jenkins/job/payments/api/json') return JSON.stringify(folder)
  const range = /\{(\d+),(\d+)\}$/.exec(url.searchParams.get('tree') ?? '')
  if (url.pathname === '/jenkins/job/payments/job/main/api/json' && range !== null) {
    return JSON.stringify({ allBuilds: builds.allBuilds.slice(Number(range[1]), Number(range[2])) })
  }
  const build = /^\/jenkins\/job\/payments\/job\/main\/(31[01])\/wfapi\/describe$/.exec(url.pathname)
  return build === null ? undefined : fixture(`build-${build[1]}-wfapi-describe.json`)
}
