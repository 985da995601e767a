import { mkdtempSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { escapeControl } from '../src/output/escape.js'
import { files, herbie, herbieIn } from './support/run.js'

const EVIL_STAGE = 'rev\u001b[2Jiew\r\u0007\u0000'
const SHOWN_STAGE = 'rev\\x1b[2Jiew\\r\\x07\\x00'
const EVIL_ITEM = 'C\u001b]0;pwned\u0007'
const SHOWN_ITEM = 'C\\x1b]0;pwned\\x07'
/** Which of ESC, CR, BEL and NUL the text holds as such: none may reach the terminal. */
const raw = (text: string) =>
  [0x00, 0x07, 0x0d, 0x1b].filter((code) => text.includes(String.fromCharCode(code)))

const stream = JSON.stringify({
  stages: [
    { name: 'develop', activity: 'work' },
    { name: EVIL_STAGE, activity: 'work' },
    { name: 'done', activity: 'wait' },
  ],
  commitment: 'develop',
  done: 'done',
})
const at = (day: number, hours: number) =>
  new Date(Date.parse('2026-03-02T00:00:00Z') + day * 86_400_000 + hours * 3_600_000).toISOString()
const event = (itemId: string, stage: string, type: string, day: number, hours: number) =>
  JSON.stringify({
    id: `${itemId}/${stage}/${type}/${day}`,
    itemId,
    stage,
    type,
    at: at(day, hours),
    source: 'test',
    attributes: { note: '\u001b[31m\r\u0000\u0007', repository: 'acme/\u001b[2J' },
  })
const item = (itemId: string, day: number) => [
  event(itemId, 'develop', 'enter', day, 0),
  event(itemId, 'develop', 'exit', day, 3 + (day % 3)),
  event(itemId, EVIL_STAGE, 'enter', day, 5),
  event(itemId, EVIL_STAGE, 'exit', day, 6 + (day % 2)),
  event(itemId, 'done', 'enter', day, 7),
]
const linesOf = (items: number) => [
  ...Array.from({ length: items }, (_, day) => item(day === 0 ? `A\u001b[2J${day}` : `I${day}`, day)).flat(),
  event(EVIL_ITEM, EVIL_STAGE, 'exit', 3, 9),
]
/** The events of `items` items (30 or more name a constraint: its stage is in the evidence). */
const input = (items = 12) =>
  files({ 'stream.json': stream, 'events.ndjson': `${linesOf(items).join('\n')}\n` })

describe('escapeControl', () => {
  it('shows ESC, CR, LF, TAB, BEL, NUL, DEL, C1 and bidi overrides as escapes, and leaves the rest', () => {
    expect(escapeControl('a\u001b[2Jb\r\n\t\u0007\u0000\u007f\u009b\u202e\u2066é🚀')).toBe(
      'a\\x1b[2Jb\\r\\n\\t\\x07\\x00\\x7f\\x9b\\u202e\\u2066é🚀',
    )
    expect(escapeControl('plain text')).toBe('plain text')
  })
})

describe('text from the input reaches the terminal with its control characters escaped', () => {
  it('simulate: the model, the tables and the warnings', () => {
    const { 'stream.json': streamFile, 'events.ndjson': events } = input()
    const { code, stdout, stderr } = herbie(
      'simulate',
      '--events',
      events!,
      '--stream',
      streamFile!,
      '--scenario',
      'speedup develop=2',
      '--replications',
      '2',
      '--horizon',
      '5',
    )
    expect(code).toBe(0)
    expect(raw(stdout)).toEqual([])
    expect(raw(stderr)).toEqual([])
    expect(stdout).toContain(`; ${SHOWN_STAGE} `)
    expect(stdout).toMatch(
      new RegExp(`^scenario +develop WIP +wait before +${SHOWN_STAGE.replace(/[\\[]/g, '\\$&')} WIP`, 'm'),
    )
    expect(stderr).toContain(`warning: 1 exits with no matching enter (ignored): ${SHOWN_ITEM}\n`)
  })

  it('forecast: the warnings', () => {
    const { 'stream.json': streamFile, 'events.ndjson': events } = input()
    const { code, stdout, stderr } = herbie(
      'forecast',
      '--events',
      events!,
      '--stream',
      streamFile!,
      '--items',
      '3',
    )
    expect(code).toBe(0)
    expect(raw(stdout + stderr)).toEqual([])
    expect(stderr).toContain(`: ${SHOWN_ITEM}\n`)
  })

  it("analyze: the stage table's cells, the sentences and the warnings", () => {
    const { 'stream.json': streamFile, 'events.ndjson': events } = input(32)
    const { code, stdout } = herbie('analyze', '--events', events!, '--stream', streamFile!)
    expect(code).toBe(0)
    expect(raw(stdout)).toEqual([])
    expect(stdout).toMatch(new RegExp(`^${SHOWN_STAGE.replace(/[\\[]/g, '\\$&')} +work `, 'm'))
    expect(stdout).toContain(`  ! 1 exits with no matching enter (ignored): ${SHOWN_ITEM}`)
    expect(stdout).toMatch(/^The constraint is /m)
    expect(stdout).toContain(`  - ${SHOWN_STAGE} takes the longest `)
  })

  it('errors: a stage not in the stream, named in the message', () => {
    const { 'events.ndjson': events } = files({
      'events.ndjson': `${event('X', '\u001b[2J', 'enter', 0, 0)}\n`,
    })
    const { code, stderr } = herbie('analyze', '--events', events!)
    expect(code).toBe(2)
    expect(raw(stderr)).toEqual([])
    expect(stderr.split('\n')[0]).toBe(
      `error: ${events}: 1 invalid line; stages not in the value stream: \\x1b[2J (use --skip-invalid to analyse the valid lines)`,
    )
  })

  it("sync: a server's messages in the progress and in the error", async () => {
    let requests = 0
    const server = createServer((_request, response) => {
      requests++
      const [status, message] = requests === 1 ? [503, '\u001b[2Jdown\r'] : [401, '\u001b]0;pwned\u0007']
      response.writeHead(status, { 'content-type': 'application/json' })
      response.end(JSON.stringify({ message }))
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const { port } = server.address() as AddressInfo
    const out = join(mkdtempSync(join(tmpdir(), 'herbie-escape-')), 'events.ndjson')
    const result = await herbieIn(
      { env: { GITHUB_TOKEN: 'ghs_whatever0000' } },
      'sync',
      'github',
      '--repo',
      'acme/api',
      '--base-url',
      `http://127.0.0.1:${port}/api/v3`,
      '--out',
      out,
      '--checkpoints',
      `${out}.checkpoints`,
    )
    server.close()
    expect(result.code).toBe(1)
    expect(raw(result.stderr)).toEqual([])
    expect(result.stderr).toMatch(/^retrying: server error 503: \\x1b\[2Jdown\\r$/m)
    expect(result.stderr).toMatch(/\(\\x1b\]0;pwned\\x07\)$/m)
  })
})
