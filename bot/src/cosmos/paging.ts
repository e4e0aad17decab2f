import { AppError, type PageRequest } from '@pc/core';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 100;
/** Background workers (the send queue) read in larger pages: fewer queries for the same items. */
export const MAX_WORKER_PAGE_SIZE = 1000;

export const pageSizeOf = (page: PageRequest | undefined, max = MAX_PAGE_SIZE): number => {
  const size = page?.pageSize ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 1 || size > max) {
    throw new AppError('validation', `Page size must be a whole number from 1 to ${String(max)}`, {
      details: [{ path: 'pageSize', message: `must be 1–${String(max)}` }],
    });
  }
  return size;
};

/*
 * Continuation tokens travel in URLs, so they are wrapped in base64url; the
 * wrapper also lets a garbled token fail as 'validation' before Cosmos sees it.
 */
export const encodeContinuation = (token: string | undefined): string | undefined =>
  token === undefined ? undefined : Buffer.from(token, 'utf8').toString('base64url');

export const invalidContinuation = (cause?: unknown): AppError =>
  new AppError('validation', 'The page token is not valid; start again from the first page', {
    cause,
    details: [{ path: 'continuationToken', message: 'not a token this service issued' }],
  });

export const decodeContinuation = (token: string | undefined): string | undefined => {
  if (token === undefined) return undefined;
  const text = /^[A-Za-z0-9_-]+$/.test(token) ? Buffer.from(token, 'base64url').toString('utf8') : '';
  // eslint-disable-next-line no-control-regex
  if (text.length === 0 || /[\u0000-\u001f\ufffd]/.test(text)) throw invalidContinuation();
  return text;
};
