/** Writes docs/stage-event.schema.json from the StageEvent schema: `pnpm --filter @herbie/core schema`. */
import { writeFileSync } from 'node:fs'
import { stageEventJsonSchema } from '../src/event/jsonSchema.js'

writeFileSync(new URL('../../../docs/stage-event.schema.json', import.meta.url), stageEventJsonSchema())
