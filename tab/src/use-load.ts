import { useCallback, useEffect, useRef, useState } from 'react';

export type Loaded<T> =
  | { readonly state: 'loading' }
  | { readonly state: 'ready'; readonly data: T }
  | { readonly state: 'error'; readonly error: unknown };

/**
 * Runs a load when its inputs change and whenever `reload` is called; a result arriving after the
 * inputs changed is dropped so a slow answer never overwrites a newer one. A reload keeps showing
 * the current data (and any status message beside it) until the fresh answer arrives. Data already
 * at hand (`initial`, e.g. what the tab's first load brought) shows on the first render, and the
 * first load is then skipped: no spinner, no second render for the same data.
 */
export const useLoad = <T>(
  load: (signal: AbortSignal) => Promise<T>,
  deps: readonly unknown[],
  initial?: T,
): [Loaded<T>, () => void] => {
  const [result, setResult] = useState<Loaded<T>>(() =>
    initial === undefined ? { state: 'loading' } : { state: 'ready', data: initial },
  );
  const skipFirst = useRef(initial !== undefined);
  const [round, setRound] = useState(0);
  // The caller names the inputs, as with useEffect.
  const run = useCallback(load, deps);
  const lastRun = useRef(run);
  useEffect(() => {
    const inputsChanged = lastRun.current !== run;
    lastRun.current = run;
    if (skipFirst.current) {
      skipFirst.current = false;
      return undefined;
    }
    const controller = new AbortController();
    if (inputsChanged) setResult((prev) => (prev.state === 'loading' ? prev : { state: 'loading' }));
    run(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setResult({ state: 'ready', data });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setResult({ state: 'error', error });
      },
    );
    return () => {
      controller.abort();
    };
  }, [run, round]);
  const reload = useCallback(() => {
    setRound((r) => r + 1);
  }, []);
  return [result, reload];
};
