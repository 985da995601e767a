import { Schema } from 'effect'

/**
 * An application source (`v1alpha1ApplicationSource`): the repository (`repoURL`, the one field
 * the CRD requires) and where in it; `chart` for a Helm repository.
 *
 * @since 0.1.0
 * @category api
 */
export const ApplicationSource = Schema.Struct({
  repoURL: Schema.String,
  path: Schema.optional(Schema.String),
  targetRevision: Schema.optional(Schema.String),
  chart: Schema.optional(Schema.String),
})

/**
 * A decoded application source.
 *
 * @since 0.1.0
 * @category api
 */
export type ApplicationSource = typeof ApplicationSource.Type

/**
 * One entry of `status.history` (`v1alpha1RevisionHistory`): a sync that succeeded. The CRD
 * requires `id` (increasing per application) and `deployedAt` (the sync's end);
 * `deployStartedAt` came with Argo CD 2.x; multi-source applications give `revisions` and
 * `sources` instead of `revision` and `source`.
 *
 * @since 0.1.0
 * @category api
 */
export const RevisionHistory = Schema.Struct({
  id: Schema.Number,
  deployedAt: Schema.String,
  deployStartedAt: Schema.optional(Schema.String),
  revision: Schema.optional(Schema.String),
  revisions: Schema.optional(Schema.Array(Schema.String)),
  source: Schema.optional(ApplicationSource),
  sources: Schema.optional(Schema.Array(ApplicationSource)),
  initiatedBy: Schema.optional(
    Schema.Struct({ username: Schema.optional(Schema.String), automated: Schema.optional(Schema.Boolean) }),
  ),
})

/**
 * A decoded history entry.
 *
 * @since 0.1.0
 * @category api
 */
export type RevisionHistory = typeof RevisionHistory.Type

/**
 * The last operation (`v1alpha1OperationState`), overwritten by the next one. The CRD requires
 * `operation`, `phase` (`Running`, `Terminating`, `Succeeded`, `Failed`, `Error`) and
 * `startedAt`; `finishedAt` is missing while it runs; `syncResult.revision` is what it synced.
 *
 * @since 0.1.0
 * @category api
 */
export const OperationState = Schema.Struct({
  operation: Schema.Struct({
    sync: Schema.optional(
      Schema.Struct({
        revision: Schema.optional(Schema.String),
        revisions: Schema.optional(Schema.Array(Schema.String)),
      }),
    ),
  }),
  phase: Schema.String,
  startedAt: Schema.String,
  finishedAt: Schema.optional(Schema.String),
  message: Schema.optional(Schema.String),
  syncResult: Schema.optional(
    Schema.Struct({
      revision: Schema.String,
      revisions: Schema.optional(Schema.Array(Schema.String)),
      source: Schema.optional(ApplicationSource),
      sources: Schema.optional(Schema.Array(ApplicationSource)),
    }),
  ),
})

/**
 * A decoded operation state.
 *
 * @since 0.1.0
 * @category api
 */
export type OperationState = typeof OperationState.Type

/**
 * An Argo CD application (`v1alpha1Application`) as far as the adapter reads it. Required where
 * the CRD requires: `metadata`, `spec` with `project` and `destination`, `status.sync.status`;
 * everything under `status` else may be missing (a new application has no history).
 *
 * @since 0.1.0
 * @category api
 */
export const Application = Schema.Struct({
  metadata: Schema.Struct({
    name: Schema.String,
    namespace: Schema.optional(Schema.String),
    labels: Schema.optional(Schema.Record({ key: Schema.String, value: Schema.String })),
  }),
  spec: Schema.Struct({
    project: Schema.String,
    destination: Schema.Struct({
      server: Schema.optional(Schema.String),
      namespace: Schema.optional(Schema.String),
      name: Schema.optional(Schema.String),
    }),
    source: Schema.optional(ApplicationSource),
    sources: Schema.optional(Schema.Array(ApplicationSource)),
    syncPolicy: Schema.optional(
      Schema.Struct({
        automated: Schema.optional(Schema.Struct({ enabled: Schema.optional(Schema.Boolean) })),
      }),
    ),
  }),
  status: Schema.optional(
    Schema.Struct({
      sync: Schema.optional(
        Schema.Struct({ status: Schema.String, revision: Schema.optional(Schema.String) }),
      ),
      health: Schema.optional(
        Schema.Struct({
          status: Schema.optional(Schema.String),
          lastTransitionTime: Schema.optional(Schema.String),
        }),
      ),
      history: Schema.optional(Schema.Array(RevisionHistory)),
      reconciledAt: Schema.optional(Schema.String),
      operationState: Schema.optional(OperationState),
      summary: Schema.optional(Schema.Struct({ images: Schema.optional(Schema.Array(Schema.String)) })),
    }),
  ),
})

/**
 * A decoded application.
 *
 * @since 0.1.0
 * @category api
 */
export type Application = typeof Application.Type

/**
 * `GET /api/v1/applications` (`v1alpha1ApplicationList`). Argo CD answers every match at once
 * (no pages); `items` may be missing or null when none match.
 *
 * @since 0.1.0
 * @category api
 */
export const ApplicationList = Schema.Struct({
  items: Schema.optionalWith(Schema.NullOr(Schema.Array(Application)), { default: () => [] }),
})

/**
 * `GET /api/v1/applications/{name}/syncwindows` (`applicationApplicationSyncWindowsResponse`):
 * whether a sync may run now (`canSync`) and the windows active and assigned.
 *
 * @since 0.1.0
 * @category api
 */
export const SyncWindows = Schema.Struct({
  canSync: Schema.optional(Schema.Boolean),
  activeWindows: Schema.optional(
    Schema.Array(
      Schema.Struct({
        kind: Schema.optional(Schema.String),
        schedule: Schema.optional(Schema.String),
        duration: Schema.optional(Schema.String),
        manualSync: Schema.optional(Schema.Boolean),
      }),
    ),
  ),
})

/**
 * A decoded sync windows answer.
 *
 * @since 0.1.0
 * @category api
 */
export type SyncWindows = typeof SyncWindows.Type
