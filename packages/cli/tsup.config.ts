import { defineConfig } from 'tsup'

export default defineConfig([
  {
    // The library entry: dependencies stay external, as users install them.
    entry: ['src/index.ts'],
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    target: 'node20',
    shims: true,
  },
  {
    // The executable: one self-contained file, so start-up does not resolve hundreds of modules.
    entry: ['src/bin.ts'],
    format: ['esm'],
    target: 'node20',
    noExternal: [/.*/],
    platform: 'node',
    banner: {
      js: "import { createRequire as __herbieRequire } from 'node:module'; const require = __herbieRequire(import.meta.url);",
    },
  },
])
