import type { AdapterError, BackfillItem, HttpSettings, HttpTransport, StageMapping } from '@herbie/core'
import { Effect, Either, Option, Stream } from 'effect'
import { applicationEvents } from './applicationEvents.js'
import type { ArgocdCheckpoint } from './checkpoint.js'
import type { ArgocdConfig } from './config.js'
import { appKey } from './environment.js'
import { listApplications, syncWindowsOf } from './requests.js'
import { httpSettings } from './settings.js'

const CONCURRENCY = 4

/**
 * The whole backfill: the applications in one request, the sync windows of those out of sync
 * (with `syncWindows` on; a 404 there is counted as unjoined and the application maps without
 * them), each application mapped with {@link applicationEvents} from its state in the checkpoint;
 * then one checkpoint. A second sync with nothing new makes one request, plus one per
 * application out of sync.
 *
 * @since 0.1.0
 * @category backfill
 */
export const backfill = (
  config: ArgocdConfig,
  checkpoint: Option.Option<ArgocdCheckpoint>,
  stages: StageMapping,
  onNotice?: HttpSettings['onNotice'],
): Stream.Stream<BackfillItem<ArgocdCheckpoint>, AdapterError, HttpTransport> =>
  Stream.unwrap(
    Effect.gen(function* () {
      const settings = httpSettings(config, onNotice)
      const previous: ArgocdCheckpoint['apps'] = Option.match(checkpoint, {
        onNone: () => ({}),
        onSome: (value) => value.apps,
      })
      const apps = yield* listApplications(settings, config)
      const mapped = yield* Effect.forEach(
        apps,
        (app) =>
          Effect.gen(function* () {
            const askWindows =
              config.syncWindows &&
              app.status?.sync?.status === 'OutOfSync' &&
              app.status.reconciledAt !== undefined
            const windows = askWindows ? yield* syncWindowsOf(settings, app) : undefined
            const result = applicationEvents(
              config,
              stages,
              app,
              previous[appKey(app)],
              windows !== undefined && Either.isRight(windows) ? windows.right : undefined,
            )
            return {
              key: appKey(app),
              ...result,
              unjoined: windows !== undefined && Either.isLeft(windows) ? [windows.left] : [],
            }
          }),
        { concurrency: CONCURRENCY },
      )
      const next: ArgocdCheckpoint = {
        apps: { ...previous, ...Object.fromEntries(mapped.map((app) => [app.key, app.state])) },
      }
      const items: BackfillItem<ArgocdCheckpoint>[] = [
        ...mapped.flatMap((app) => app.events.map((event) => ({ _tag: 'Event', event }) as const)),
        ...mapped.flatMap((app) =>
          app.unjoined.map((reason) => ({ _tag: 'Unjoined', reason, count: 1 }) as const),
        ),
        { _tag: 'Checkpoint', checkpoint: next },
      ]
      return Stream.fromIterable(items)
    }),
  )
