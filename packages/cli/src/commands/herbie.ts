import { Command } from '@effect/cli'
import { analyzeCommand } from './analyze.js'
import { checkCommand } from './check.js'
import { demoCommand } from './demo.js'
import { eventsCommand } from './events.js'
import { exportCommand } from './export.js'
import { forecastCommand } from './forecast.js'
import { importCommand } from './import.js'
import { itemCommand } from './item.js'
import { simulateCommand } from './simulate.js'
import { syncCommand } from './sync.js'

/**
 * The commands of `herbie`, in the order the help lists them.
 *
 * @since 0.1.0
 * @category commands
 */
export const herbieSubcommands = [
  analyzeCommand,
  checkCommand,
  demoCommand,
  eventsCommand,
  exportCommand,
  forecastCommand,
  importCommand,
  itemCommand,
  simulateCommand,
  syncCommand,
] as const

/**
 * `herbie` itself: its description and its commands.
 *
 * @since 0.1.0
 * @category commands
 */
export const herbieCommand = Command.make('herbie').pipe(
  Command.withDescription('Find the constraint of your software delivery value stream.'),
  Command.withSubcommands(herbieSubcommands),
)
