/**
 * What `herbie sync github` says before it goes on without a token: `GITHUB_TOKEN` unset (or
 * empty) means anonymous requests, which GitHub limits to 60 an hour and which see public
 * repositories only. `undefined` when a token is set.
 *
 * @since 0.1.0
 * @category sync
 */
export const githubTokenNotice = (env: Readonly<Record<string, string | undefined>>): string | undefined =>
  env.GITHUB_TOKEN === undefined || env.GITHUB_TOKEN === ''
    ? 'warning: GITHUB_TOKEN is not set: syncing anonymously, which GitHub limits to 60 requests an hour and to public repositories'
    : undefined
