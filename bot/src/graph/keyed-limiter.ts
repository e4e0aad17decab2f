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
