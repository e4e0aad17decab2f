/**
 * Counts the store operations use cases ask for: every call of a store's method is one, as each
 * point read, write or query page is one request in the Cosmos store. Calls a store makes of
 * itself (a fake's `getMany` reading one by one) are not counted, as a query is one request.
 */
interface OperationCounter {
  readonly count: () => number;
  /** The store with each method call counted. */
  readonly counted: <T extends object>(store: T) => T;
}

export const operationCounter = (): OperationCounter => {
  let calls = 0;
  const counted = <T extends object>(store: T): T =>
    new Proxy(store, {
      get(target, key) {
        const value: unknown = Reflect.get(target, key, target);
        if (typeof value !== 'function') return value;
        return (...args: unknown[]): unknown => {
          calls += 1;
          return Reflect.apply(value, target, args);
        };
      },
    });
  return { count: () => calls, counted };
};

/** Each store of `repos` counted by `counter` (absent stores stay absent). */
export const countedRepositories = <T extends object>(repos: T, counter: OperationCounter): T =>
  Object.fromEntries(
    Object.entries(repos).map(([name, store]) => [
      name,
      typeof store === 'object' && store !== null ? counter.counted(store) : store,
    ]),
  ) as T;
