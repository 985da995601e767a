#!/usr/bin/env node
// The `herbie` command. The program is the bundle in dist/; this launcher is committed, so that
// `pnpm install` in a fresh clone links `herbie` before anything is built.
import '../dist/bin.js'
