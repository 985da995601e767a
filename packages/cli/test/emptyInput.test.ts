import { describe, expect, it } from 'vitest'
import { files, herbie } from './support/run.js'

const input = files({
  'empty.ndjson': '',
  'blank.ndjson': '\n\n',
  'invalid.ndjson': '{"id": "x"}\nnot json\n',
})

// export stops before any connection: port 9 on loopback is never contacted.
const commands = [
  ['analyze', []],
  ['analyze', ['--json']],
  ['simulate', ['--scenario', 'capacity review=+1']],
  ['forecast', ['--items', '5']],
  ['export', ['--otlp', 'http://127.0.0.1:9']],
] as const

describe('a file without a valid event is bad input for every command that reads events', () => {
  it.each(commands)('herbie %s %j on an empty file', (command, extra) => {
    for (const name of ['empty.ndjson', 'blank.ndjson'] as const) {
      const { code, stdout, stderr } = herbie(command, '--events', input[name]!, ...extra)
      expect([code, stdout, stderr]).toEqual([2, '', `error: no events in ${input[name]}\n`])
    }
  })

  it.each(commands)('herbie %s %j on invalid lines only, with --skip-invalid', (command, extra) => {
    const file = input['invalid.ndjson']!
    const { code, stdout, stderr } = herbie(command, '--events', file, '--skip-invalid', ...extra)
    expect([code, stdout, stderr]).toEqual([2, '', `error: no events in ${file}\n`])
  })
})
