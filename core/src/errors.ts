/**
 * The one error type the domain raises. Each edge (HTTP, bot turn, card action)
 * maps `code` to its own response exactly once; `message` is safe to show a user
 * and must never contain note text, tokens or personal data.
 */
export type AppErrorCode =
  | 'validation' // the input is malformed or breaks a rule; details say which field
  | 'unauthenticated' // no usable identity
  | 'forbidden' // identity known, action not allowed
  | 'not-found'
  | 'conflict' // stale ETag or duplicate id
  | 'throttled' // a dependency asked us to slow down and retries ran out
  | 'unavailable' // a dependency is down
  | 'internal';

export interface FieldIssue {
  readonly path: string;
  readonly message: string;
}

export interface AppErrorOptions {
  readonly cause?: unknown;
  readonly details?: readonly FieldIssue[];
  /** Seconds the caller should wait before retrying (throttled/unavailable). */
  readonly retryAfterSeconds?: number;
}

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly details: readonly FieldIssue[];
  readonly retryAfterSeconds: number | undefined;

  constructor(code: AppErrorCode, message: string, options: AppErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.details = options.details ?? [];
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
}

export const isAppError = (value: unknown): value is AppError => value instanceof AppError;
