import { Schema } from 'effect'
import { setupServer } from 'msw/node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Build, JobTree, RunDescription } from '../src/index.js'
import { fakeJenkins, fixture } from './fakeJenkins.js'
import { storyConfig, sync } from './support.js'

type Json = Record<string, unknown>
const decode = <A, I>(schema: Schema.Schema<A, I>, name: string) =>
  Schema.decodeUnknownSync(schema)(fixture(`recorded/${name}`))

describe('responses recorded from real Jenkins servers', () => {
  it('decode: freestyle builds (changeSet with kind null, actions without _class), Pipeline builds (changeSets), wfapi old and new, the root', () => {
    const freestyle = decode(Build, 'jenkins-rest-build-info.json')
    expect([freestyle.number, freestyle.result, freestyle.timestamp, freestyle.changeSet?.kind]).toEqual([
      10,
      'SUCCESS',
      1461091892486,
      null,
    ])
    const git = decode(Build, 'jenkins-rest-build-info-git-commit.json')
    expect(git.changeSets?.[0]?.items[0]).toEqual({
      commitId: 'd27afa0805201322d846d7defc29b82c88d9b5ce',
      msg: 'Commit comment',
    })
    const run = decode(RunDescription, 'es-logger-helloworld-78-wfapi-describe.json')
    expect(run.stages.map((stage) => stage.name)).toEqual(['Stage 1', 'Stage 2', 'Declarative: Post Actions'])
    const [old] = Schema.decodeUnknownSync(Schema.Array(RunDescription))(
      fixture('recorded/stage-view-readme-runs.json'),
    )
    // the 2014 format has no pauseDurationMillis: 0
    expect(old?.stages.map((stage) => `${stage.status} ${stage.pauseDurationMillis}`)).toEqual([
      'SUCCESS 0',
      'SUCCESS 0',
      'PAUSED_PENDING_INPUT 0',
    ])
    expect(decode(JobTree, 'jenkins-rest-job-list.json').jobs?.map((job) => job.name)).toEqual(['DevTest'])
  })

  describe('a backfill over them', () => {
    const hello = fixture<Json>('recorded/es-logger-helloworld-78-wfapi-describe.json')
    const fake = fakeJenkins({
      fish: { builds: [fixture('recorded/jenkins-rest-build-info-git-commit.json')], describes: {} },
      'test/HelloWorld': {
        // reconstructed api/json of the recorded run: created 1 ms before it started (queueDurationMillis)
        builds: [
          {
            _class: 'org.jenkinsci.plugins.workflow.job.WorkflowRun',
            actions: [{}],
            building: false,
            duration: 8623,
            number: 78,
            result: 'SUCCESS',
            timestamp: 1549926641426,
            url: 'http://localhost:8080/job/test/job/HelloWorld/78/',
            changeSets: [],
          },
        ],
        describes: { 78: hello },
      },
    })
    const server = setupServer(...fake.handlers)
    beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
    afterAll(() => server.close())

    it('maps each build to a CI stay of its own item; the Post Actions stage is left out', async () => {
      const { events, summary } = await sync(storyConfig())
      expect(events.map((event) => `${event.id} ${event.at} ${event.outcome ?? ''}`)).toEqual([
        'jenkins:fish#10:build:fish#10:1:enter 2016-04-19T18:51:32.486Z ',
        'jenkins:fish#10:build:fish#10:1:exit 2016-04-19T18:52:33.236Z success',
        'jenkins:test/HelloWorld#78:build:test/HelloWorld#78:1:enter 2019-02-11T23:10:41.426Z ',
        'jenkins:test/HelloWorld#78:build:test/HelloWorld#78:1:exit 2019-02-11T23:10:42.637Z success',
      ])
      expect(summary?.unjoined).toEqual([])
    })
  })
})
