import { copyFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { defineConfig } from 'tsup'

// The embedded store's SQLite is WebAssembly: its .wasm file sits next to the bundled module
// that loads it (node-sqlite3-wasm looks in its own folder, here dist/).
const sqliteWasm = (): string => {
  const store = createRequire(import.meta.url).resolve('@herbie/store')
  const sqlite = createRequire(store).resolve('node-sqlite3-wasm')
  return join(dirname(sqlite), 'node-sqlite3-wasm.wasm')
}

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
    shims: true,
    onSuccess: async () => copyFileSync(sqliteWasm(), 'dist/node-sqlite3-wasm.wasm'),
    banner: {
      js: "import { createRequire as __herbieRequire } from 'node:module'; const require = __herbieRequire(import.meta.url);",
    },
  },
])
