import { defineConfig } from 'tsup'

/** How every library package of this repository builds: ESM + CJS + types for Node 20. */
export const libraryConfig = defineConfig({
  entry: ['src/index.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'node20',
})
