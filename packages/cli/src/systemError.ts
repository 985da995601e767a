import { Either, Schema } from 'effect'

/** The part of a Node.js system error (`fs`, `net`) a message needs. */
const SystemError = Schema.Struct({ code: Schema.String, message: Schema.String })

const WORDS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file',
  EISDIR: 'is a directory',
  ENOTDIR: 'a part of the path is not a directory',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EEXIST: 'already exists',
  ENOSPC: 'no space left on the device',
  EROFS: 'read-only file system',
  EMFILE: 'too many open files',
  EADDRINUSE: 'the address is already in use',
  EADDRNOTAVAIL: 'the address is not available on this machine',
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
}

/**
 * What went wrong with a file or a socket, in words instead of Node.js's error code: `ENOENT` is
 * "no such file", `EISDIR` "is a directory", `EACCES` "permission denied". The caller names the
 * path. An error without a known code keeps its own message.
 *
 * @since 0.1.0
 * @category errors
 */
export const systemErrorText = (cause: unknown): string => {
  const decoded = Schema.decodeUnknownEither(SystemError)(cause)
  if (Either.isRight(decoded)) return WORDS[decoded.right.code] ?? decoded.right.message
  return cause instanceof Error ? cause.message : String(cause)
}
