import { AppError } from '@pc/core';
import { recordThrottled } from '../telemetry/index.ts';

/**
 * Cosmos failures become AppErrors once, here. The SDK has already retried
 * 429/503 by the time we see them, so they reach the caller as 'throttled' or
 * 'unavailable' with a wait hint. Messages are safe to show: no ids, no text.
 */

export const STALE_ETAG_MESSAGE = 'This item was changed by someone else; reload and try again';
export const DUPLICATE_MESSAGE = 'An item with this id already exists';
export const MISSING_MESSAGE = 'The item does not exist';

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE']);
const DEFAULT_UNAVAILABLE_RETRY_SECONDS = 5;

interface CosmosLikeError {
  readonly code?: unknown;
  readonly statusCode?: unknown;
  readonly retryAfterInMs?: unknown;
}

const asCosmosLike = (error: unknown): CosmosLikeError => (typeof error === 'object' && error !== null ? error : {});

/** The HTTP status of a Cosmos SDK error, when it has one. */
export const cosmosStatus = (error: unknown): number | undefined => {
  const { code, statusCode } = asCosmosLike(error);
  if (typeof code === 'number') return code;
  if (typeof statusCode === 'number') return statusCode;
  return undefined;
};

const retryAfterSeconds = (error: unknown, fallback: number): number => {
  const ms = asCosmosLike(error).retryAfterInMs;
  return typeof ms === 'number' && ms > 0 ? Math.ceil(ms / 1000) : fallback;
};

export const cosmosErrorToAppError = (error: unknown): AppError => {
  if (error instanceof AppError) return error;
  const status = cosmosStatus(error);
  switch (status) {
    case 404:
      return new AppError('not-found', MISSING_MESSAGE, { cause: error });
    case 409:
      return new AppError('conflict', DUPLICATE_MESSAGE, { cause: error });
    case 412:
      return new AppError('conflict', STALE_ETAG_MESSAGE, { cause: error });
    case 429:
      recordThrottled('cosmos');
      return new AppError('throttled', 'The service is busy; try again shortly', {
        cause: error,
        retryAfterSeconds: retryAfterSeconds(error, 1),
      });
    case 408:
    case 410:
    case 449:
    case 500:
    case 503:
      return new AppError('unavailable', 'Storage is unavailable; try again shortly', {
        cause: error,
        retryAfterSeconds: retryAfterSeconds(error, DEFAULT_UNAVAILABLE_RETRY_SECONDS),
      });
    default:
      break;
  }
  const { code } = asCosmosLike(error);
  if (typeof code === 'string' && NETWORK_CODES.has(code)) {
    return new AppError('unavailable', 'Storage is unavailable; try again shortly', {
      cause: error,
      retryAfterSeconds: DEFAULT_UNAVAILABLE_RETRY_SECONDS,
    });
  }
  return new AppError('internal', 'Something went wrong while saving or loading data', { cause: error });
};
