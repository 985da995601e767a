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
    // The executable: one self-contained file, so start-up does not resolve hundreds of modules,
    // and the simulation worker beside it (the library entry finds it there too).
    entry: { bin: 'src/bin.ts', replicationWorker: 'src/simulate/replicationWorker.ts' },
    format: ['esm'],
    target: 'node20',
    noExternal: [/.*/],
    platform: 'node',
    banner: {
      js: "import { createRequire as __herbieRequire } from 'node:module'; const require = __herbieRequire(import.meta.url);",
    },
  },
])
