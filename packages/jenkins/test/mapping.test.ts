import type { StageEventEncoded } from '@herbie/core'
import { describe, expect, it } from 'vitest'
import {
  type Build,
  buildContext,
  classifyStage,
  defaultStagePatterns,
  defaultStages,
  jobOfUrl,
  jobPath,
  mapBuilds,
  parseRemote,
  pullNumberOf,
  type RunDescription,
} from '../src/index.js'
import { fixture } from './fakeJenkins.js'
import { storyConfig } from './support.js'

const build311 = () => fixture<Build>('build-311.json')
const describe311 = () => fixture<RunDescription>('build-311-wfapi-describe.json')
const lines = (events: ReadonlyArray<StageEventEncoded>) =>
  events.map(
    (event) =>
      `${event.id.split(':build:')[1]} ${event.stage} ${event.at}${event.outcome === undefined ? '' : ` ${event.outcome}`}`,
  )

describe('stage patterns', () => {
  it('production deploys, deploys naming their environment, other deploys and releases; the rest is CI', () => {
    const classify = (name: string) => classifyStage(name, defaultStagePatterns, 'ci')
    expect(classify('Deploy to production')).toEqual({ stage: 'deploy', environment: 'production' })
    expect(classify('prod-eu deploy')).toEqual({ stage: 'deploy', environment: 'production' })
    expect(classify('Deploy to staging')).toEqual({ stage: 'deploy', environment: 'staging' })
    expect(classify('Release QA')).toEqual({ stage: 'deploy', environment: 'qa' })
    expect(classify('Deployment')).toEqual({ stage: 'deploy' })
    expect(classify('Approve production')).toEqual({ stage: 'ci' })
    expect(classify('Publish image')).toEqual({ stage: 'ci' })
  })

  it('are configurable: the first match wins, an environment by option or by a named group', () => {
    const patterns = [
      { pattern: 'smoke', stage: 'verify' },
      { pattern: 'roll out (?<environment>\\w+)', stage: 'deploy' },
    ]
    expect(classifyStage('Smoke tests', patterns, 'ci')).toEqual({ stage: 'verify' })
    expect(classifyStage('Roll out EU', patterns, 'ci')).toEqual({ stage: 'deploy', environment: 'eu' })
    expect(classifyStage('Deploy to production', patterns, 'ci')).toEqual({ stage: 'ci' })
  })
})

describe('done candidates', () => {
  it('a production deploy stage that succeeds is a production-deploy done candidate at its end, with its environment', () => {
    const description = describe311()
    const stages = description.stages.map((stage) =>
      stage.name === 'Deploy to staging' ? { ...stage, name: 'Deploy to production' } : stage,
    )
    const { events } = mapBuilds(storyConfig(), defaultStages, [
      { job: 'payments/main', build: build311(), description: { ...description, stages } },
    ])
    expect(lines(events).slice(-3)).toEqual([
      'payments/main#311:57:enter deploy 2026-03-05T14:49:07.642Z',
      'payments/main#311:57:exit deploy 2026-03-05T14:51:08.130Z success',
      'payments/main#311:57:done:enter done 2026-03-05T14:51:08.130Z',
    ])
    expect(events.at(-1)?.attributes).toEqual({
      repository: 'acme/payments',
      job: 'payments/main',
      build: 311,
      environment: 'production',
      doneRule: 'production-deploy',
    })
  })

  it('a production deploy that asks for approval first (an input directive) waits from its start, then deploys', () => {
    const description = describe311()
    const stages = description.stages
      .filter((stage) => stage.name !== 'Approve production')
      .map((stage) =>
        stage.name === 'Deploy to staging'
          ? { ...stage, name: 'Deploy to production', pauseDurationMillis: 60000 }
          : stage,
      )
    const { events } = mapBuilds(storyConfig(), defaultStages, [
      { job: 'payments/main', build: build311(), description: { ...description, stages } },
    ])
    expect(lines(events)).toEqual([
      'payments/main#311:1:enter ci 2026-03-05T14:31:02Z',
      'payments/main#311:1:exit ci 2026-03-05T14:49:07.642Z success',
      'payments/main#311:57:input:enter deploy-queue 2026-03-05T14:49:07.642Z',
      'payments/main#311:57:input:exit deploy-queue 2026-03-05T14:50:07.642Z',
      'payments/main#311:57:enter deploy 2026-03-05T14:50:07.642Z',
      'payments/main#311:57:exit deploy 2026-03-05T14:51:08.130Z success',
      'payments/main#311:57:done:enter done 2026-03-05T14:51:08.130Z',
    ])
  })
})

describe('items and jobs', () => {
  it('a PR job of a GitHub repository joins the pull request, links it and carries its number', () => {
    const { context, attributes } = buildContext(
      storyConfig(),
      'payments/PR-88',
      fixture('build-pr-88-2-finished.json'),
    )
    expect(context).toEqual({
      itemId: 'github:acme/payments#88',
      links: [
        { kind: 'pr', id: 'acme/payments#88' },
        { kind: 'commit', id: 'd5e3f7a9b1c2d4e6f8a0b3c5d7e9f1a2b4c6d8e0' },
      ],
      attributes: { repository: 'acme/payments', pr: 88 },
    })
    expect(attributes).toEqual({ job: 'payments/PR-88', build: 2 })
  })

  it('a merge request job of a GitLab host is its merge request; an unknown host keeps the build its own item', () => {
    const build = build311()
    const gitlab = {
      ...build,
      actions: build.actions.map((action) =>
        action?.remoteUrls === undefined
          ? action
          : { ...action, remoteUrls: ['git@gitlab.example.com:acme/ledger.git'] },
      ),
    }
    const config = storyConfig({ hosts: { 'gitlab.example.com': 'gitlab' } })
    expect(buildContext(config, 'ledger/MR-23-merge', gitlab).context.itemId).toBe('gitlab:acme/ledger!23')
    expect(buildContext(config, 'ledger/main', gitlab).context.itemId).toBe(
      'gitlab:acme/ledger@9f1c2e7b4a6d8c0e1f3a5b7c9d2e4f6a8b0c1d3e',
    )
    expect(buildContext(storyConfig(), 'ledger/main', gitlab).context.itemId).toBe('jenkins:ledger/main#311')
  })

  it('remote URLs, request job names and job paths', () => {
    expect(parseRemote('https://github.com/acme/payments.git')).toEqual({
      host: 'github.com',
      path: 'acme/payments',
    })
    expect(parseRemote('git@github.com:acme/payments.git')).toEqual({
      host: 'github.com',
      path: 'acme/payments',
    })
    expect(parseRemote('ssh://git@Git.Example:7999/group/sub/app.git')).toEqual({
      host: 'git.example',
      path: 'group/sub/app',
    })
    expect(parseRemote('https://ci-bot:s3cret@gitlab.com/acme/ledger')).toEqual({
      host: 'gitlab.com',
      path: 'acme/ledger',
    })
    expect(parseRemote('/srv/git/payments')).toBeUndefined()
    expect([
      pullNumberOf('payments/PR-88'),
      pullNumberOf('ledger/MR-12-head'),
      pullNumberOf('PR-88'),
      pullNumberOf('payments/main'),
    ]).toEqual([88, 12, undefined, undefined])
    expect(jobPath('payments/feature%2FPAY-151-refund-fix')).toBe(
      'job/payments/job/feature%252FPAY-151-refund-fix/',
    )
    expect(jobOfUrl('job/payments/job/feature%252FPAY-151-refund-fix/4/')).toBe(
      'payments/feature%2FPAY-151-refund-fix',
    )
  })
})
