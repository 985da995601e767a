import {
  type EventContext,
  getJson,
  type HttpError,
  type HttpSettings,
  type HttpTransport,
  unlessGone,
} from '@herbie/core'
import { Effect, Either, Schema } from 'effect'
import { decodeBody, Pull } from './api.js'
import type { Correlation } from './config.js'
import { pullContext } from './pullEvents.js'

/**
 * The context of a commit no pull request claims: its own item, `github:OWNER/NAME@SHA`.
 *
 * @since 0.1.0
 * @category mapping
 */
export const bareCommitContext = (repository: string, sha: string): EventContext => ({
  itemId: `github:${repository}@${sha}`,
  links: [{ kind: 'commit', id: sha }],
  attributes: { repository },
})

/**
 * The item a commit belongs to: the first pull request GitHub associates with it
 * (`GET /repos/{owner}/{repo}/commits/{sha}/pulls`), or the commit itself when there is none.
 * The backfill and the webhooks both use it, so a run or a deployment gets the same item, and
 * the same event ids, whichever way it arrives. A commit GitHub no longer has (422 `No commit
 * found for SHA`, after a force-push; or 404) also stays its own item, and `unjoined` says why.
 *
 * @since 0.1.0
 * @category mapping
 */
export const commitContext = (
  settings: HttpSettings,
  repository: string,
  sha: string,
  correlation: Correlation,
): Effect.Effect<
  { readonly context: EventContext; readonly unjoined?: string },
  HttpError,
  HttpTransport
> => {
  const path = `/repos/${repository}/commits/${sha}/pulls`
  return unlessGone(
    getJson(settings, path).pipe(
      Effect.flatMap((response) => decodeBody(Schema.Array(Pull), `GET ${path}`, response.body)),
    ),
    'commit gone',
  ).pipe(
    Effect.map(
      Either.match({
        onLeft: (unjoined) => ({ context: bareCommitContext(repository, sha), unjoined }),
        onRight: (found) => ({
          context:
            found[0] === undefined
              ? bareCommitContext(repository, sha)
              : pullContext(repository, found[0], [], correlation),
        }),
      }),
    ),
  )
}
