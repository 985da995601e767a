import { collectPages, type HttpError, type HttpTransport } from '@herbie/core'
import { Effect, Schema } from 'effect'
import { Project } from './api.js'
import { getOne, type Http } from './projectSync.js'

/**
 * The projects a config names, each once: every project in `projects` (`GET /projects/:id`, by
 * full path URL-encoded or numeric id) and every project of each group in `groups`, its subgroups
 * included (`GET /groups/:id/projects?include_subgroups=true`, keyset pagination, following the
 * `Link` header's `rel="next"`, which GitLab also sends with offset pages).
 *
 * @since 0.1.0
 * @category backfill
 */
export const resolveProjects = (http: Http): Effect.Effect<Project[], HttpError, HttpTransport> =>
  Effect.gen(function* () {
    const named = yield* Effect.forEach(http.config.projects, (project) =>
      getOne(http, `/projects/${encodeURIComponent(project)}`, Project),
    )
    const grouped = yield* Effect.forEach(http.config.groups, (group) =>
      collectPages(
        http.settings,
        `/groups/${encodeURIComponent(group)}/projects`,
        {
          include_subgroups: 'true',
          pagination: 'keyset',
          order_by: 'id',
          sort: 'asc',
          simple: 'true',
          per_page: String(http.config.perPage),
        },
        { kind: 'link' },
        Schema.Array(Project),
      ),
    )
    const unique = new Map<number, Project>()
    for (const project of [...named, ...grouped.flat()]) unique.set(project.id, project)
    return [...unique.values()]
  })
