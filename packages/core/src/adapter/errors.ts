import { Data } from 'effect'

/**
 * The source refused the credentials (HTTP 401), or they lack a permission (403 without a rate
 * limit). `reason` says which, in words fit for a user; no secret ever appears in it.
 *
 * @since 0.1.0
 * @category adapter errors
 */
export class AuthFailed extends Data.TaggedError('AuthFailed')<{
  readonly source: string
  readonly url: string
  readonly status: number
  readonly reason: string
}> {
  override get message(): string {
    return `${this.source}: authentication failed (${this.status}) for ${this.url}: ${this.reason}`
  }
}

/**
 * The resource does not exist, or the credentials may not see it (HTTP 404).
 *
 * @since 0.1.0
 * @category adapter errors
 */
export class NotFound extends Data.TaggedError('NotFound')<{
  readonly source: string
  readonly url: string
}> {
  override get message(): string {
    return `${this.source}: not found: ${this.url}`
  }
}

/**
 * The source's rate limit was hit and waiting for it was not allowed (it resets too late, or the
 * waits ran out). `resetAt` is when the source said it would accept requests again.
 *
 * @since 0.1.0
 * @category adapter errors
 */
export class RateLimited extends Data.TaggedError('RateLimited')<{
  readonly source: string
  readonly url: string
  readonly resetAt: Date
}> {
  override get message(): string {
    return `${this.source}: rate limited on ${this.url} until ${this.resetAt.toISOString()}`
  }
}

/**
 * A failure worth retrying: a network error, a timeout, a 5xx. Retried with backoff; surfaces only
 * when the retries ran out. `unreachable` is the host when no connection could be made (the reason
 * then says so by itself).
 *
 * @since 0.1.0
 * @category adapter errors
 */
export class Transient extends Data.TaggedError('Transient')<{
  readonly source: string
  readonly url: string
  readonly reason: string
  readonly unreachable?: string
}> {
  override get message(): string {
    if (this.unreachable !== undefined) return this.reason
    return `${this.source}: ${this.reason} (${this.url})`
  }
}

/**
 * A response that is not what the source's API promises: the field and its JSON path say where.
 *
 * @since 0.1.0
 * @category adapter errors
 */
export class MalformedPayload extends Data.TaggedError('MalformedPayload')<{
  readonly source: string
  readonly path: string
  readonly reason: string
}> {
  override get message(): string {
    return `${this.source}: malformed payload at ${this.path === '' ? '(root)' : this.path}: ${this.reason}`
  }
}

/**
 * The adapter's options do not decode: `field` names the option.
 *
 * @since 0.1.0
 * @category adapter errors
 */
export class ConfigInvalid extends Data.TaggedError('ConfigInvalid')<{
  readonly adapter: string
  readonly field: string
  readonly reason: string
}> {
  override get message(): string {
    return `${this.adapter}: invalid config at ${this.field === '' ? '(root)' : this.field}: ${this.reason}`
  }
}

/**
 * Every error an adapter may fail with.
 *
 * @since 0.1.0
 * @category adapter errors
 */
export type AdapterError = HttpError | ConfigInvalid

/**
 * The source rejected the request itself (a 4xx other than 401, 403, 404 and 429): retrying the
 * same request cannot help.
 *
 * @since 0.1.0
 * @category adapter errors
 */
export class RequestRejected extends Data.TaggedError('RequestRejected')<{
  readonly source: string
  readonly url: string
  readonly status: number
  readonly reason: string
}> {
  override get message(): string {
    return `${this.source}: request rejected (${this.status}) for ${this.url}: ${this.reason}`
  }
}

/**
 * Every error an HTTP request of an adapter may fail with.
 *
 * @since 0.1.0
 * @category adapter errors
 */
export type HttpError = AuthFailed | NotFound | RateLimited | Transient | MalformedPayload | RequestRejected
