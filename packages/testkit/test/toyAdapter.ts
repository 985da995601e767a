import { type BackfillItem, defineAdapter, MalformedPayload, paginate } from '@herbie/core'
import { Effect, Option, Schema, Stream } from 'effect'

export const TOY_API = 'https://toy.example.test'

const Tickets = Schema.Array(
  Schema.Struct({ key: Schema.String, started: Schema.String, finished: Schema.NullOr(Schema.String) }),
)
type Checkpoint = { readonly page: number }

/** A small adapter with a checkpoint after every page, so a resumed sync really starts mid-way. */
export const toyAdapter = defineAdapter({
  name: 'toy',
  config: Schema.Struct({ token: Schema.Redacted(Schema.String) }),
  checkpoint: Schema.Struct({ page: Schema.Number }),
  checkpointKey: () => 'all',
  stages: { 'ticket.work': 'develop' },
  backfill: (config, checkpoint, stages) => {
    const from = Option.match(checkpoint, { onNone: () => 1, onSome: (c) => c.page + 1 })
    const settings = { source: 'toy', baseUrl: TOY_API, auth: { token: config.token }, retries: 0 }
    return paginate(settings, '/tickets', { page: String(from) }, { kind: 'link' }).pipe(
      Stream.zipWithIndex,
      Stream.mapEffect(([response, index]) =>
        Schema.decodeUnknown(Tickets)(response.body).pipe(
          Effect.mapError(
            (error) => new MalformedPayload({ source: 'toy', path: '$', reason: error.message }),
          ),
          Effect.map((tickets): BackfillItem<Checkpoint>[] => [
            ...tickets.flatMap((ticket) => {
              const base = { itemId: `toy:${ticket.key}`, stage: stages['ticket.work']!, source: 'toy' }
              const enter = {
                ...base,
                id: `toy:${ticket.key}:enter`,
                type: 'enter' as const,
                at: ticket.started,
              }
              const exit =
                ticket.finished === null
                  ? []
                  : [{ ...base, id: `toy:${ticket.key}:exit`, type: 'exit' as const, at: ticket.finished }]
              return [enter, ...exit].map((event) => ({ _tag: 'Event' as const, event }))
            }),
            { _tag: 'Checkpoint', checkpoint: { page: from + index } },
          ]),
        ),
      ),
      Stream.flatMap((items) => Stream.fromIterable(items)),
    )
  },
})
