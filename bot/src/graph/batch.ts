import { GraphError } from '@microsoft/microsoft-graph-client';
import type { DirectoryUser } from './gateway.ts';
import { toAppError, withRetry, type RetryPolicy } from './retry.ts';
import { USER_FIELDS, toUser, type GraphUser } from './wire.ts';

/** Graph's JSON batching limit. */
export const MAX_BATCH = 20;

export interface BatchRequestItem {
  readonly id: string;
  readonly method: string;
  readonly url: string;
}

export interface BatchResponse {
  readonly responses: readonly {
    readonly id: string;
    readonly status: number;
    readonly headers?: Record<string, string>;
    readonly body?: unknown;
  }[];
}

const chunks = <T>(items: readonly T[], size: number): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
};

/** A throttled item inside a batch, surfaced as the error a throttled request would raise. */
const throttled = (status: number, headers: Record<string, string> | undefined): GraphError => {
  const error = new GraphError(status, 'A request in the batch was throttled');
  const retryAfter = Object.entries(headers ?? {}).find(([name]) => name.toLowerCase() === 'retry-after')?.[1];
  error.headers = new Headers(retryAfter === undefined ? {} : { 'Retry-After': retryAfter });
  return error;
};

/**
 * Reads people 20 at a time through `$batch`. Items that are throttled are retried on their own,
 * honouring the batch item's Retry-After; absent people are left out of the result.
 */
export const fetchUsers = async (
  userIds: readonly string[],
  post: (requests: readonly BatchRequestItem[]) => Promise<BatchResponse>,
  limit: <T>(run: () => Promise<T>) => Promise<T>,
  policy: RetryPolicy,
): Promise<ReadonlyMap<string, DirectoryUser>> => {
  const found = new Map<string, DirectoryUser>();
  const unique = [...new Set(userIds)];
  for (const group of chunks(unique, MAX_BATCH)) {
    let pending = group;
    await limit(() =>
      withRetry(async () => {
        const requests = pending.map((id, index) => ({
          id: String(index),
          method: 'GET',
          url: `/users/${encodeURIComponent(id)}?$select=${USER_FIELDS}`,
        }));
        const result = await post(requests);
        const retry: string[] = [];
        let lastThrottle: GraphError | undefined;
        for (const response of result.responses) {
          const id = pending[Number(response.id)];
          if (id === undefined) continue;
          if (response.status === 200) found.set(id, toUser(response.body as GraphUser));
          else if (response.status === 429 || response.status === 503) {
            retry.push(id);
            lastThrottle = throttled(response.status, response.headers);
          } else if (response.status !== 404)
            throw toAppError(new GraphError(response.status, 'A request in the batch failed'));
        }
        pending = retry;
        if (lastThrottle !== undefined) throw lastThrottle;
      }, policy),
    );
  }
  return found;
};
