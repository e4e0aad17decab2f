import { AppError, isAppError } from '../errors.ts';

/**
 * Runs `work` over `items` with at most `limit` in flight, keeping the input order in the result.
 * For fan-outs over a team: each member is its own partition, so their reads can overlap.
 */
export const mapConcurrently = async <T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> => {
  const results = new Array<R>(items.length);
  let next = 0;
  const runner = async (): Promise<void> => {
    for (let i = next++; i < items.length; i = next++) results[i] = await work(items[i] as T);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, runner));
  return results;
};

export interface RetryOnConflictOptions {
  /** Tries in all, the first included. */
  readonly attempts?: number;
  /** What the person is told when every try met a newer version. */
  readonly message?: string;
}

/**
 * The one read-modify-write loop over ETags: `work` reads the item, changes it and writes it
 * with the ETag it read. When someone else wrote first (AppError 'conflict'), it runs again on
 * the fresh copy; any other failure passes straight through. After the last try the conflict
 * is passed on, so a caller never believes a write happened that did not.
 */
export const retryOnConflict = async <T>(work: () => Promise<T>, options: RetryOnConflictOptions = {}): Promise<T> => {
  const attempts = Math.max(1, options.attempts ?? 3);
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await work();
    } catch (error) {
      const conflict = isAppError(error) && error.code === 'conflict';
      if (!conflict) throw error;
      if (attempt >= attempts) {
        throw options.message === undefined ? error : new AppError('conflict', options.message, { cause: error });
      }
    }
  }
};
