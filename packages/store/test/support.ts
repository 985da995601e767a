import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** A fresh folder for one test's store. */
export const tempStore = (name = 'events.sqlite'): string =>
  join(mkdtempSync(join(tmpdir(), 'herbie-store-')), name)
