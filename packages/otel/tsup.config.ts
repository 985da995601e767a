import { defineConfig } from 'tsup'
import { libraryConfig } from '../../tsup.library.js'

// The metric and attribute names come from @opentelemetry/semantic-conventions' incubating entry,
// which may change in minor releases: they are inlined at build time from the pinned version, so
// the published package depends on @opentelemetry/api only.
export default defineConfig({
  ...(libraryConfig as object),
  noExternal: ['@opentelemetry/semantic-conventions'],
})
