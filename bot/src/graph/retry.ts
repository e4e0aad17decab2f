import { AppError, isAppError } from '@pc/core';
import { GraphError } from '@microsoft/microsoft-graph-client';
import { setTimeout as delay } from 'node:timers/promises';
import { recordThrottled } from '../telemetry/index.ts';

export interface RetryPolicy {
  /** Retries after the first attempt; then AppError 'throttled'. */
  readonly maxRetries: number;
  /** A Retry-After longer than this is not waited for in-request: the caller is told to come back. */
  readonly maxDelaySeconds: number;
  readonly sleep?: (seconds: number) => Promise<void>;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxRetries: 3, maxDelaySeconds: 30 };

const RETRYABLE = new Set([429, 503, 504]);

/** Retry-After is delta-seconds (fractions tolerated) or an HTTP date. */
export const parseRetryAfter = (value: string | null | undefined, nowMs = Date.now()): number | undefined => {
  if (value === null || value === undefined || value.trim() === '') return undefined;
  const seconds = Number(value.trim());
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, (at - nowMs) / 1000);
};

const statusOf = (error: unknown): number | undefined => (error instanceof GraphError ? error.statusCode : undefined);

/** Maps a Graph failure to the product's error vocabulary, once, at this edge. */
export const toAppError = (error: unknown): AppError => {
  if (isAppError(error)) return error;
  const status = statusOf(error);
  if (status === 403)
    return new AppError('forbidden', 'Microsoft 365 refused access to this information', { cause: error });
  if (status === 404) return new AppError('not-found', 'Microsoft 365 has no such person or event', { cause: error });
  if (status === 409 || status === 412)
    return new AppError('conflict', 'The calendar item changed meanwhile', { cause: error });
  if (status === undefined || status < 0 || status >= 500) {
    return new AppError('unavailable', 'Microsoft 365 is not answering; please try again', { cause: error });
  }
  return new AppError('internal', 'A request to Microsoft 365 failed', { cause: error });
};

/** Runs `attempt`, honouring 429/503/504 Retry-After up to the policy's limits. */
export const withRetry = async <T>(
  attempt: () => Promise<T>,
  policy: RetryPolicy = DEFAULT_RETRY_POLICY,
): Promise<T> => {
  const sleep = policy.sleep ?? ((seconds: number) => delay(seconds * 1000));
  for (let retry = 0; ; retry += 1) {
    try {
      return await attempt();
    } catch (error) {
      const status = statusOf(error);
      if (status === undefined || !RETRYABLE.has(status)) throw toAppError(error);
      if (status === 429) recordThrottled('graph');
      const headers = error instanceof GraphError ? error.headers : undefined;
      // Without a hint, back off exponentially from half a second.
      const wait = parseRetryAfter(headers?.get('retry-after')) ?? 0.5 * 2 ** retry;
      if (retry >= policy.maxRetries || wait > policy.maxDelaySeconds) {
        throw new AppError('throttled', 'Microsoft 365 is busy; please try again shortly', {
          cause: error,
          retryAfterSeconds: Math.max(1, Math.ceil(wait)),
        });
      }
      await sleep(wait);
    }
  }
};
