import type { FieldIssue } from './issue.js'
import { validateEvent } from './validate.js'

/**
 * A line of NDJSON that was not a valid stage event: its 1-based line number, the field and why.
 *
 * @since 0.1.0
 * @category events
 */
export interface InvalidLine extends FieldIssue {
  readonly line: number
}

/**
 * Where NDJSON comes from: any sync or async iterable of bytes or text (a file read stream, an
 * HTTP body, an array of strings).
 *
 * @since 0.1.0
 * @category events
 */
export type ChunkSource = AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>

/**
 * Receives each valid event of an NDJSON scan, with its time and its 1-based line number; may
 * still reject it (an unknown stage, say) by returning an issue.
 *
 * @since 0.1.0
 * @category events
 */
export type EventSink = (
  event: Readonly<Record<string, unknown>>,
  at: number,
  line: number,
) => FieldIssue | undefined

/**
 * Counts from one NDJSON scan.
 *
 * @since 0.1.0
 * @category events
 */
export interface ScanSummary {
  readonly lines: number
  readonly valid: number
  readonly invalid: number
}

const parseLine = (text: string, line: number, sink: EventSink): InvalidLine | undefined => {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    return { line, field: '', reason: `not JSON: ${(error as Error).message}` }
  }
  const checked = validateEvent(value)
  if (typeof checked !== 'number') return { line, ...checked }
  const rejected = sink(value as Record<string, unknown>, checked, line)
  return rejected === undefined ? undefined : { line, ...rejected }
}

/**
 * Reads NDJSON chunk by chunk (never the whole input at once), checks every line against the
 * stage-event contract and hands valid events to `sink`. Blank lines are skipped; every invalid
 * line goes to `onInvalid` with its line number. Works on any async iterable of bytes or text:
 * a file read stream, an HTTP body, a test's array.
 *
 * @since 0.1.0
 * @category events
 */
export const scanNdjson = async (
  chunks: ChunkSource,
  sink: EventSink,
  onInvalid: (invalid: InvalidLine) => void,
): Promise<ScanSummary> => {
  const decoder = new TextDecoder('utf-8')
  let rest = ''
  let line = 0
  let valid = 0
  let invalid = 0
  const take = (text: string, start: number, end: number) => {
    line++
    if (end > start && text.charCodeAt(end - 1) === 13) end--
    if (end === start) return
    const raw = text.slice(start, end)
    // Only a line that starts with whitespace can be blank; skip the trim for the rest.
    if (raw.charCodeAt(0) <= 32 && raw.trim() === '') return
    const problem = parseLine(raw, line, sink)
    if (problem === undefined) valid++
    else {
      invalid++
      onInvalid(problem)
    }
  }
  for await (const chunk of chunks) {
    const text = rest + (typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }))
    let start = 0
    for (let newline = text.indexOf('\n'); newline !== -1; newline = text.indexOf('\n', start)) {
      take(text, start, newline)
      start = newline + 1
    }
    rest = text.slice(start)
  }
  rest += decoder.decode()
  if (rest !== '') take(rest, 0, rest.length)
  return { lines: line, valid, invalid }
}
