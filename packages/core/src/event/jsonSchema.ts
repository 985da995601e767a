import { JSONSchema } from 'effect'
import { StageEvent } from './StageEvent.js'

/**
 * The JSON Schema (draft-07) of the stage event as written on disk, generated from the Effect
 * Schema; `docs/stage-event.schema.json` holds a copy that a test keeps in step.
 *
 * @since 0.1.0
 * @category events
 */
export const stageEventJsonSchema = (): string => `${JSON.stringify(JSONSchema.make(StageEvent), null, 2)}\n`
