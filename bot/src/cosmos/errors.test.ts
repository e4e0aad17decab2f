import { ErrorResponse } from '@azure/cosmos';
import { AppError } from '@pc/core';
import { describe, expect, it } from 'vitest';
import { createCosmosClient } from './client.ts';
import { cosmosErrorToAppError } from './errors.ts';

const cosmosError = (code: number | string, retryAfterInMs?: number): ErrorResponse => {
  const error = new ErrorResponse('from Cosmos');
  error.code = code;
  if (retryAfterInMs !== undefined) error.retryAfterInMs = retryAfterInMs;
  return error;
};

describe('cosmosErrorToAppError', () => {
  it.each([
    [404, 'not-found'],
    [409, 'conflict'],
    [412, 'conflict'],
    [429, 'throttled'],
    [503, 'unavailable'],
    [408, 'unavailable'],
    ['ECONNREFUSED', 'unavailable'],
    [400, 'internal'],
    [401, 'internal'],
  ] as const)('maps Cosmos %s to %s, keeping the original as the cause', (code, expected) => {
    const original = cosmosError(code);
    const mapped = cosmosErrorToAppError(original);
    expect(mapped.code).toBe(expected);
    expect(mapped.cause).toBe(original);
    expect(mapped.message).not.toContain('from Cosmos');
  });

  it('tells the caller how long to wait after throttling, rounded up to whole seconds', () => {
    expect(cosmosErrorToAppError(cosmosError(429, 1500)).retryAfterSeconds).toBe(2);
    expect(cosmosErrorToAppError(cosmosError(429)).retryAfterSeconds).toBe(1);
    expect(cosmosErrorToAppError(cosmosError(503, 250)).retryAfterSeconds).toBe(1);
    expect(cosmosErrorToAppError(cosmosError(503)).retryAfterSeconds).toBe(5);
  });

  it('says a stale etag means someone else changed the item', () => {
    expect(cosmosErrorToAppError(cosmosError(412)).message).toBe(
      'This item was changed by someone else; reload and try again',
    );
  });

  it('passes an AppError through unchanged', () => {
    const error = new AppError('validation', 'bad');
    expect(cosmosErrorToAppError(error)).toBe(error);
  });
});

describe('createCosmosClient', () => {
  it('accepts a self-signed certificate only for an emulator on this machine', () => {
    const remote = () =>
      createCosmosClient({ endpoint: 'https://prod.documents.azure.com', key: 'k', allowSelfSigned: true });
    expect(remote).toThrow(/only on localhost/);
    createCosmosClient({ endpoint: 'https://localhost:8081', key: 'k', allowSelfSigned: true }).dispose();
  });

  it('needs exactly one of a key or a credential', () => {
    expect(() => createCosmosClient({ endpoint: 'https://localhost:8081' })).toThrow(AppError);
    const credential = { getToken: () => Promise.resolve(null) };
    expect(() => createCosmosClient({ endpoint: 'https://localhost:8081', key: 'k', credential })).toThrow(AppError);
    createCosmosClient({ endpoint: 'https://example.documents.azure.com', credential }).dispose();
  });
});
