import { describe, expect, it } from 'vitest'
import { defaultValueStream, foldTimelines, type ItemEvent, indexStream } from '../src/index.js'
import { HOUR, T0 } from './support/events.js'

const index = indexStream(defaultValueStream)
const at = (hours: number) => T0 + hours * HOUR
const e = (stage: string, exit: boolean, hours: number): ItemEvent => ({
  id: `${stage}/${exit}/${hours}`,
  stage: index.positionOf.get(stage)!,
  exit,
  at: at(hours),
  outcome: undefined,
  production: false,
})
const fold = (events: Record<string, ItemEvent[]>) => foldTimelines(new Map(Object.entries(events)), index)

describe('foldTimelines', () => {
  it('pairs enters and exits per stage whatever the order the events arrive in', () => {
    const { timelines, warnings } = fold({
      x: [
        e('review', true, 5),
        e('develop', false, 1),
        e('review', false, 3),
        e('develop', true, 2),
        e('done', false, 6),
      ],
    })
    expect(warnings).toEqual([])
    const [timeline] = timelines
    expect(timeline!.intervals.map((i) => [index.stages[i.stage]!.name, i.enter, i.exit])).toEqual([
      ['develop', at(1), at(2)],
      ['review', at(3), at(5)],
      ['done', at(6), undefined],
    ])
    expect(timeline!.firstEnter).toBe(at(1))
    expect(timeline!.committedAt).toBe(at(1))
    expect(timeline!.doneAt).toBe(at(6))
  })

  it('keeps every visit when an item re-enters a stage, even with no gap', () => {
    const { timelines, warnings } = fold({
      x: [e('review', false, 1), e('review', true, 2), e('review', false, 2), e('review', true, 4)],
    })
    expect(warnings).toEqual([])
    expect(timelines[0]!.intervals.map((i) => [i.enter, i.exit])).toEqual([
      [at(1), at(2)],
      [at(2), at(4)],
    ])
  })

  it('a zero-length stay (enter and exit at one instant) is a stay, not a warning', () => {
    const { timelines, warnings } = fold({ x: [e('ci', true, 3), e('ci', false, 3)] })
    expect(warnings).toEqual([])
    expect(timelines[0]!.intervals).toHaveLength(1)
    expect(timelines[0]!.intervals[0]!.exit).toBe(at(3))
  })

  it('warns about an exit with no enter, naming the item', () => {
    const { warnings } = fold({
      lonely: [e('review', true, 3)],
      fine: [e('review', false, 1), e('review', true, 2)],
    })
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toMatchObject({ kind: 'exit-without-enter', count: 1, itemIds: ['lonely'] })
    expect(warnings[0]!.message).toContain('lonely')
  })

  it('warns about an enter never exited on a finished item', () => {
    const { warnings } = fold({ y: [e('review', false, 1), e('done', false, 4)] })
    expect(warnings).toEqual([
      expect.objectContaining({ kind: 'enter-without-exit', count: 1, itemIds: ['y'] }),
    ])
  })

  it('an open stay of an unfinished item is aging WIP, not a warning', () => {
    const { timelines, warnings } = fold({ z: [e('develop', false, 1)] })
    expect(warnings).toEqual([])
    expect(timelines[0]!.intervals[0]!.exit).toBeUndefined()
  })

  it('warns when an item enters a stage it is already in', () => {
    const { warnings, timelines } = fold({ w: [e('ci', false, 1), e('ci', false, 2), e('ci', true, 3)] })
    expect(warnings[0]).toMatchObject({ kind: 'enter-while-inside', itemIds: ['w'] })
    expect(timelines[0]!.intervals.map((i) => [i.enter, i.exit])).toEqual([[at(1), at(3)]])
  })

  it('lists at most ten item ids but counts them all', () => {
    const events: Record<string, ItemEvent[]> = {}
    for (let i = 0; i < 12; i++) events[`item-${i}`] = [e('ci', true, 1)]
    const { warnings } = fold(events)
    expect(warnings[0]!.count).toBe(12)
    expect(warnings[0]!.itemIds).toHaveLength(10)
    expect(warnings[0]!.message).toMatch(/^12 exits with no matching enter/)
  })
})
