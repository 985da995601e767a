import { eventStoreContract } from '@herbie/testkit'
import { Effect, Layer } from 'effect'
import { describe } from 'vitest'
import { postgresEventStore } from '../src/index.js'
import { freshDatabase, server } from './support.js'

// Every test of the contract gets a database of its own, created before the store connects.
describe.skipIf(server === null)('PostgreSQL', () => {
  eventStoreContract('PostgreSQL', () =>
    Layer.unwrapEffect(
      Effect.promise(() => freshDatabase(server?.url ?? '')).pipe(Effect.map(postgresEventStore)),
    ),
  )
})
