import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { herbieIn, line, twoItems } from './support/run.js'

const herbie = (...args: string[]) => herbieIn({}, ...args)

const byTimeThenId = (a: string, b: string) => {
  const x = JSON.parse(a) as { at: string; id: string }
  const y = JSON.parse(b) as { at: string; id: string }
  return Date.parse(x.at) - Date.parse(y.at) || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0)
}

/** The two items, a third from another source, in the store's order (time, then id). */
const history = [
  ...twoItems,
  line('jira:OPS-1', 'develop', 'enter', 2, { source: 'jira' }),
  line('jira:OPS-1', 'develop', 'exit', 7, { source: 'jira', attributes: { author: 'kim' } }),
].sort(byTimeThenId)

const folder = () => mkdtempSync(join(tmpdir(), 'herbie-store-cli-'))
const write = (dir: string, name: string, lines: ReadonlyArray<string>) => {
  const path = join(dir, name)
  writeFileSync(path, lines.length === 0 ? '' : `${lines.join('\n')}\n`)
  return path
}

describe('herbie import and herbie events', () => {
  it('events(import(file)) gives the file back exactly, and a second store the same again', async () => {
    const dir = folder()
    const input = write(dir, 'in.ndjson', history)
    const store = join(dir, 'a', 'events.sqlite')
    const imported = await herbie('import', input, '--store', store)
    expect([imported.code, imported.stderr]).toEqual([
      0,
      `imported ${input} into ${store}: 16 events new, 0 already there\n`,
    ])
    const out = await herbie('events', '--store', store)
    expect([out.code, out.stderr]).toEqual([0, ''])
    expect(out.stdout).toBe(`${history.join('\n')}\n`)
    const exported = write(dir, 'out.ndjson', out.stdout.trim().split('\n'))
    const second = join(dir, 'b.sqlite')
    expect((await herbie('import', exported, '--store', second)).code).toBe(0)
    expect((await herbie('events', '--store', second)).stdout).toBe(out.stdout)
  })

  it('a second import of the same file stores nothing new', async () => {
    const dir = folder()
    const input = write(dir, 'in.ndjson', history)
    const store = join(dir, 'events.sqlite')
    await herbie('import', input, '--store', store)
    const again = await herbie('import', input, '--store', store)
    expect(again.stderr).toBe(`imported ${input} into ${store}: 0 events new, 16 already there\n`)
  })

  it('invalid lines are named by number and nothing is stored; --skip-invalid stores the valid ones', async () => {
    const dir = folder()
    const input = write(dir, 'bad.ndjson', [
      history[0]!,
      '{not json',
      JSON.stringify({ ...JSON.parse(history[1]!), stage: '' }),
      history[2]!,
    ])
    const store = join(dir, 'events.sqlite')
    const refused = await herbie('import', input, '--store', store)
    expect(refused.code).toBe(2)
    expect(refused.stderr).toContain(
      `error: ${input}: 2 invalid lines (use --skip-invalid to analyse the valid lines)`,
    )
    expect(refused.stderr).toContain('  line 2: not JSON')
    expect(refused.stderr).toContain('  line 3: stage: ')
    expect(existsSync(store)).toBe(false)
    const skipped = await herbie('import', input, '--skip-invalid', '--store', store)
    expect(skipped.stderr).toBe(
      `imported ${input} into ${store}: 2 events new, 0 already there, 2 invalid lines skipped\n`,
    )
    expect((await herbie('events', '--store', store)).stdout).toBe(`${history[0]}\n${history[2]}\n`)
  })

  it('events filters by item, stage, source and window [from, to)', async () => {
    const dir = folder()
    const store = join(dir, 'events.sqlite')
    await herbie('import', write(dir, 'in.ndjson', history), '--store', store)
    const ids = async (...args: string[]) =>
      (await herbie('events', '--store', store, ...args)).stdout
        .trim()
        .split('\n')
        .filter((text) => text !== '')
        .map((text) => (JSON.parse(text) as { id: string }).id)
    expect(await ids('--item', 'A')).toEqual([
      'A/develop/enter/0',
      'A/develop/exit/4',
      'A/review-queue/enter/4',
      'A/review-queue/exit/5',
      'A/review/enter/5',
      'A/done/enter/6',
      'A/review/exit/6',
    ])
    expect(
      await ids('--stage', 'review', '--from', '2026-03-02T05:00:00Z', '--to', '2026-03-02T08:00:00Z'),
    ).toEqual(['A/review/enter/5', 'A/review/exit/6', 'B/review/enter/6'])
    expect(await ids('--source', 'jira')).toEqual(['jira:OPS-1/develop/enter/2', 'jira:OPS-1/develop/exit/7'])
    expect(await ids('--item', 'nobody')).toEqual([])
  })

  it("the store is the config file's `store`, relative to the file, when --store is absent", async () => {
    const dir = folder()
    writeFileSync(
      join(dir, 'herbie.config.json'),
      JSON.stringify({
        store: 'data/team.sqlite',
        sources: { gh: { adapter: 'github', options: { repo: 'a/b' } } },
      }),
    )
    const input = write(dir, 'in.ndjson', history)
    const imported = await herbieIn({ cwd: dir }, 'import', input)
    expect(imported.stderr).toBe(
      `imported ${input} into ${join(dir, 'data', 'team.sqlite')}: 16 events new, 0 already there\n`,
    )
    const listed = await herbieIn({ cwd: dir }, 'events', '--source', 'jira')
    expect(listed.stdout.trim().split('\n')).toHaveLength(2)
  })

  it('without a config or --store the store is .herbie/events.sqlite here', async () => {
    const dir = folder()
    const input = write(dir, 'in.ndjson', history.slice(0, 3))
    const imported = await herbieIn({ cwd: dir }, 'import', input)
    expect(imported.code).toBe(0)
    expect(existsSync(join(dir, '.herbie', 'events.sqlite'))).toBe(true)
  })
})

describe('herbie item', () => {
  it('prints the item, its stays and every stored event behind them; --json the same as data', async () => {
    const dir = folder()
    const store = join(dir, 'events.sqlite')
    await herbie('import', write(dir, 'in.ndjson', history), '--store', store)
    const text = await herbie('item', 'B', '--store', store)
    expect([text.code, text.stderr]).toEqual([0, ''])
    expect(text.stdout).toContain('Item B: lead time from')
    expect(text.stdout).toContain('B/review-queue/exit/6')
    expect(text.stdout.split('\n').filter((row) => row.includes('B/')).length).toBe(7)
    const json = JSON.parse((await herbie('item', 'B', '--store', store, '--json')).stdout) as {
      itemId: string
      events: ReadonlyArray<{ id: string }>
      timeline: ReadonlyArray<{ stage: string }>
    }
    expect(json.itemId).toBe('B')
    expect(json.events.map((event) => event.id)).toEqual(
      history
        .filter((entry) => entry.includes('"itemId":"B"'))
        .map((entry) => (JSON.parse(entry) as { id: string }).id),
    )
    expect(json.timeline.map((stay) => stay.stage)).toEqual(['develop', 'review-queue', 'review', 'done'])
  })

  it('an id no item has is a usage error naming the store', async () => {
    const dir = folder()
    const store = join(dir, 'events.sqlite')
    await herbie('import', write(dir, 'in.ndjson', history), '--store', store)
    const missing = await herbie('item', 'Z', '--store', store)
    expect([missing.code, missing.stderr]).toEqual([
      2,
      `error: no work item "Z" in the event store ${store}\n`,
    ])
  })
})

describe('the store file', () => {
  it('is a SQLite database', async () => {
    const dir = folder()
    const store = join(dir, 'events.sqlite')
    await herbie('import', write(dir, 'in.ndjson', history), '--store', store)
    expect(readFileSync(store).subarray(0, 15).toString()).toBe('SQLite format 3')
  })
})

describe('forecast and simulate read the store without --events', () => {
  /** Thirty items, one a day, through develop and review to done. */
  const month = Array.from({ length: 30 }, (_, i) => {
    const day = Date.parse('2026-03-02T00:00:00Z') + i * 86_400_000
    const event = (stage: string, type: 'enter' | 'exit', hours: number) =>
      JSON.stringify({
        id: `i${i}/${stage}/${type}`,
        itemId: `i${i}`,
        stage,
        type,
        at: new Date(day + hours * 3_600_000).toISOString(),
        source: 'test',
      })
    return [
      event('develop', 'enter', 0),
      event('develop', 'exit', 4),
      event('review', 'enter', 6),
      event('review', 'exit', 8),
      event('done', 'enter', 8),
    ]
  }).flat()

  it('gives the same forecast and the same what-if as the file the store was filled from', async () => {
    const dir = folder()
    const input = write(dir, 'month.ndjson', month)
    const store = join(dir, 'events.sqlite')
    expect((await herbie('import', input, '--store', store)).code).toBe(0)
    const forecast = ['forecast', '--items', '5', '--json']
    const fromStore = await herbie(...forecast, '--store', store)
    expect([fromStore.code, fromStore.stderr]).toEqual([0, ''])
    expect(JSON.parse(fromStore.stdout)).toEqual(
      JSON.parse((await herbie(...forecast, '--events', input)).stdout),
    )
    expect(JSON.parse(fromStore.stdout).history.completed).toBe(30)
    const simulate = [
      'simulate',
      '--replications',
      '2',
      '--seed',
      '3',
      '--scenario',
      'speedup review=2',
      '--json',
    ]
    const simulated = await herbie(...simulate, '--store', store)
    expect(simulated.code).toBe(0)
    expect(simulated.stdout).toBe((await herbie(...simulate, '--events', input)).stdout)
  })
})
