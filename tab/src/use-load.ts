import { useCallback, useEffect, useRef, useState } from 'react';

export type Loaded<T> =
  | { readonly state: 'loading' }
  | { readonly state: 'ready'; readonly data: T }
  | { readonly state: 'error'; readonly error: unknown };

/**
 * Runs a load when its inputs change and whenever `reload` is called; a result arriving after the
 * inputs changed is dropped so a slow answer never overwrites a newer one. A reload keeps showing
 * the current data (and any status message beside it) until the fresh answer arrives.
 */
export const useLoad = <T>(
  load: (signal: AbortSignal) => Promise<T>,
  deps: readonly unknown[],
): [Loaded<T>, () => void] => {
  const [result, setResult] = useState<Loaded<T>>({ state: 'loading' });
  const [round, setRound] = useState(0);
  // The caller names the inputs, as with useEffect.
  const run = useCallback(load, deps);
  const lastRun = useRef(run);
  useEffect(() => {
    const controller = new AbortController();
    const inputsChanged = lastRun.current !== run;
    lastRun.current = run;
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
