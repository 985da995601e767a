import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { eventStoreContract } from '@herbie/testkit'
import { layerEmbeddedStore } from '../src/index.js'

const dir = mkdtempSync(join(tmpdir(), 'herbie-store-contract-'))
let stores = 0

eventStoreContract('embedded SQLite', () =>
  layerEmbeddedStore(join(dir, `store-${++stores}`, 'events.sqlite')),
)
