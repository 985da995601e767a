/**
 * A job by its full name (`payments/main`: the folder or multibranch project, then the job), as
 * Jenkins names it in `fullName`. A multibranch branch job whose branch has a `/` keeps it
 * encoded in its name (`payments/feature%2FPAY-151-refund-fix`).
 *
 * @since 0.1.0
 * @category mapping
 */
export type JobName = string

/**
 * The path of a job below Jenkins' base URL: `job/payments/job/main/`, each name encoded once
 * more (`feature%252FPAY-151-refund-fix`, as Jenkins' own URLs have it).
 *
 * @since 0.1.0
 * @category mapping
 */
export const jobPath = (job: JobName): string =>
  `${job
    .split('/')
    .map((segment) => `job/${encodeURIComponent(segment)}`)
    .join('/')}/`

/**
 * The full name of the job a relative URL points into (`job/payments/job/main/311/`, as the
 * Notification plugin sends it), or undefined when it names no job.
 *
 * @since 0.1.0
 * @category mapping
 */
export const jobOfUrl = (url: string): JobName | undefined => {
  const segments = url.replace(/^\/+/, '').split('/')
  const names: string[] = []
  for (let at = 0; at + 1 < segments.length && segments[at] === 'job'; at += 2) {
    try {
      names.push(decodeURIComponent(segments[at + 1]!))
    } catch {
      return undefined
    }
  }
  return names.length === 0 || names.some((name) => name === '') ? undefined : names.join('/')
}

/**
 * The branch a multibranch job builds, from its name: the last segment, decoded
 * (`feature%2FPAY-151-refund-fix` is `feature/PAY-151-refund-fix`).
 *
 * @since 0.1.0
 * @category mapping
 */
export const branchOf = (job: JobName): string => {
  const last = job.split('/').at(-1) ?? job
  try {
    return decodeURIComponent(last)
  } catch {
    return last
  }
}

/**
 * The number of the pull or merge request a multibranch job builds: a job inside a folder named
 * `PR-123` (GitHub, Bitbucket) or `MR-12`, `MR-12-head`, `MR-12-merge` (GitLab); else undefined.
 *
 * @since 0.1.0
 * @category mapping
 */
export const pullNumberOf = (job: JobName): number | undefined => {
  if (!job.includes('/')) return undefined
  const match = /^(?:PR|MR)-(\d+)(?:-(?:head|merge))?$/.exec(job.split('/').at(-1)!)
  return match === null ? undefined : Number(match[1])
}
