import { Schema } from 'effect'

/**
 * A rule that joins the items of different sources into one work item:
 * - `pr`: items that link the same pull or merge request (`pr` link) are one;
 * - `commit`: an item that is no pull request (a CI run, a build, a deployment of a bare commit)
 *   joins the pull request that links its commit;
 * - `issue-key`: the code items (a pull request and what joined it) join the tracker item whose
 *   key their `issue` links name (`jira:PAY-142` for `PAY-142`);
 * - `deploy-range`: a deployment also belongs to every item merged between the previous
 *   successful deployment of the same environment and repository and the revision it deploys.
 *
 * @since 0.1.0
 * @category correlation
 */
export const CorrelationRule = Schema.Literal('pr', 'commit', 'issue-key', 'deploy-range')

/**
 * A correlation rule's name.
 *
 * @since 0.1.0
 * @category correlation
 */
export type CorrelationRule = typeof CorrelationRule.Type

/**
 * The issue-key pattern the adapters use by default: `PAY-142`, `AB2-7`.
 *
 * @since 0.1.0
 * @category correlation
 */
export const DEFAULT_ISSUE_KEY_PATTERN = '\\b[A-Z][A-Z0-9]+-\\d+\\b'

const RegexSource = Schema.String.pipe(
  Schema.filter((source) => {
    try {
      new RegExp(source)
      return true
    } catch (error) {
      return `not a regular expression: ${error instanceof Error ? error.message : String(error)}`
    }
  }),
)

/**
 * Which correlation rules run (all four by default, in the order above whatever the order
 * given) and the pattern an `issue` link must match to be an issue key.
 *
 * @since 0.1.0
 * @category correlation
 */
export const CorrelationOptions = Schema.Struct({
  rules: Schema.optionalWith(Schema.Array(CorrelationRule), {
    default: () => ['pr', 'commit', 'issue-key', 'deploy-range'] as const,
  }),
  issueKeyPattern: Schema.optionalWith(RegexSource, { default: () => DEFAULT_ISSUE_KEY_PATTERN }),
})

/**
 * Decoded correlation options.
 *
 * @since 0.1.0
 * @category correlation
 */
export type CorrelationOptions = typeof CorrelationOptions.Type

/**
 * Every rule, with the default issue-key pattern.
 *
 * @since 0.1.0
 * @category correlation
 */
export const defaultCorrelation: CorrelationOptions = Schema.decodeSync(CorrelationOptions)({})
