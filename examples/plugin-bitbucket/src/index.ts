/**
 * herbie-plugin-bitbucket: Bitbucket Cloud pull requests as Herbie stage events.
 *
 * @since 0.1.0
 */
export { bitbucketAdapter } from './adapter.js'
export { Activity, Page, PullRequest } from './api.js'
export { BitbucketCheckpoint, BitbucketConfig } from './config.js'
export { defaultStages, pullRequestEvents } from './events.js'
