/**
 * What the tab and the add-in know about a failed API call, in words a person can act on.
 * `code` follows the server's AppError codes, plus the two only a client meets.
 */
import type { AppErrorCode } from '../errors.ts';
import { errorBody } from './primitives.ts';

export type ApiErrorCode = AppErrorCode | 'network' | 'bad-response';

export interface FieldProblem {
  readonly path: string;
  readonly message: string;
}

export interface ApiErrorExtra {
  readonly details?: readonly FieldProblem[];
  readonly correlationId?: string | undefined;
  readonly cause?: unknown;
}

export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly details: readonly FieldProblem[];
  readonly correlationId: string | undefined;

  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
    extra: ApiErrorExtra = {},
  ) {
    super(message, extra.cause === undefined ? undefined : { cause: extra.cause });
    this.details = extra.details ?? [];
    this.correlationId = extra.correlationId;
  }

  get isConflict(): boolean {
    return this.code === 'conflict';
  }

  /** Problems for one form field, e.g. `title` or `milestones.0.title`. */
  detailFor(path: string): string | undefined {
    return this.details.find((d) => d.path === path)?.message;
  }
}

export const isApiError = (value: unknown): value is ApiError => value instanceof ApiError;

export const CONFLICT_MESSAGE =
  'Someone else changed this record while you were working on it. Reload to see their changes, then make yours again.';
export const NETWORK_MESSAGE = 'We could not reach the service. Check your connection and try again.';
export const SIGNED_OUT_MESSAGE = 'Your sign-in has expired. Sign in again to carry on.';
export const BAD_RESPONSE_MESSAGE = 'The service sent a reply we could not read.';

const GENERIC: Readonly<Record<number, string>> = {
  400: 'Some of the details need changing.',
  403: 'You do not have access to this.',
  404: 'We could not find this. It may have been removed.',
  429: 'The service is busy. Wait a moment and try again.',
  503: 'The service is unavailable for a moment. Try again in a few minutes.',
};

const CODES: Readonly<Record<number, ApiErrorCode>> = {
  400: 'validation',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not-found',
  // A stale version is 409 everywhere in this API (one contract).
  409: 'conflict',
  422: 'validation',
  429: 'throttled',
  503: 'unavailable',
};

/** The code a status means, whatever the body says: the client's own decisions rest on it. */
export const codeForStatus = (status: number): ApiErrorCode =>
  CODES[status] ?? (status >= 500 ? 'unavailable' : 'internal');

/** Maps an HTTP error response (body already read, maybe not JSON) to an ApiError. */
export const toApiError = (status: number, body: unknown, headerCorrelationId?: string | null): ApiError => {
  const parsed = errorBody.safeParse(body);
  const err = parsed.success ? parsed.data.error : undefined;
  const correlationId = err?.correlationId ?? headerCorrelationId ?? undefined;
  const code = codeForStatus(status);
  if (code === 'conflict') return new ApiError(status, code, CONFLICT_MESSAGE, { correlationId });
  if (code === 'unauthenticated') return new ApiError(status, code, SIGNED_OUT_MESSAGE, { correlationId });
  const message =
    err !== undefined && err.message.length > 0
      ? err.message
      : (GENERIC[status] ?? 'Something went wrong on our side. Try again in a few minutes.');
  return new ApiError(status, code, message, { details: err?.details ?? [], correlationId });
};

const MAX_WAIT_MS = 30_000;
const DEFAULT_WAIT_MS = 1000;

/** Retry-After is either whole (or fractional) seconds or an HTTP date; long waits are capped. */
export const retryAfterMs = (header: string | null, now: number): number => {
  if (header === null) return DEFAULT_WAIT_MS;
  const seconds = Number(header);
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(header) - now;
  return Number.isFinite(ms) ? Math.min(Math.max(ms, 0), MAX_WAIT_MS) : DEFAULT_WAIT_MS;
};
