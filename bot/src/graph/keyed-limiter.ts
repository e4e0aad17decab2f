/** Outlook's limit: 4 concurrent requests per mailbox per app, counted across every instance of the app. */
export const GRAPH_MAILBOX_CONCURRENCY = 4;

/**
 * One instance's share of a limit counted across all instances: a limiter lives in one process's
 * memory, so N instances each allowing the whole limit would allow N times it together. Each
 * takes limit ÷ N, rounded down, but never less than 1 (at more instances than the limit, the
 * total can exceed it; Graph's 429 with Retry-After is then honoured by the retry policy).
 * Erring by configuring more instances than run only makes the cap stricter.
 */
export const perInstanceLimit = (limit: number, instances: number): number =>
  Math.max(1, Math.floor(limit / Math.max(1, instances)));

/** Runs at most `limit` tasks at once per key; later ones wait in arrival order. */
export interface KeyedLimiter {
  run<T>(key: string, task: () => Promise<T>): Promise<T>;
}

export const createKeyedLimiter = (limit: number): KeyedLimiter => {
  const active = new Map<string, number>();
  const waiting = new Map<string, (() => void)[]>();

  const release = (key: string): void => {
    const next = waiting.get(key)?.shift();
    if (next !== undefined) {
      next(); // the slot passes straight to the next waiter
      return;
    }
    const count = (active.get(key) ?? 1) - 1;
    if (count === 0) active.delete(key);
    else active.set(key, count);
    if (waiting.get(key)?.length === 0) waiting.delete(key);
  };

  const acquire = async (key: string): Promise<void> => {
    const count = active.get(key) ?? 0;
    if (count < limit) {
      active.set(key, count + 1);
      return;
    }
    await new Promise<void>((resolve) => {
      const queue = waiting.get(key) ?? [];
      queue.push(resolve);
      waiting.set(key, queue);
    });
  };

  return {
    run: async (key, task) => {
      await acquire(key);
      try {
        return await task();
      } finally {
        release(key);
      }
    },
  };
};
