import { adapterConformance, servePages } from '../src/index.js'
import { TOY_API, toyAdapter } from './toyAdapter.js'

const ticket = (key: string, day: number, finished: boolean) => ({
  key,
  started: `2026-03-0${day}T09:00:00Z`,
  finished: finished ? `2026-03-0${day}T17:00:00Z` : null,
})

// Three pages of tickets, served with Link headers; the toy adapter checkpoints after each page.
adapterConformance(toyAdapter, {
  config: { token: 'toy-secret-token' },
  handlers: [
    servePages(`${TOY_API}/tickets`, [
      [ticket('T-1', 1, true), ticket('T-2', 2, true)],
      [ticket('T-3', 3, true)],
      [ticket('T-4', 4, false)],
    ]),
  ],
  minEvents: 7,
})
