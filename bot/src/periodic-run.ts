/** A background round run on a timer and on demand, one at a time. */
export interface PeriodicRun<R> {
  /** One round now (or the one already running); its result. */
  readonly runOnce: () => Promise<R>;
  /** Starts the timer; 0 minutes leaves it off. */
  readonly every: (minutes: number) => void;
  /** Stops the timer and waits for a round in progress. */
  readonly stop: () => Promise<void>;
}

export const periodicRun = <R>(round: () => Promise<R>): PeriodicRun<R> => {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<R> | undefined;
  const runOnce = (): Promise<R> => {
    running ??= round().finally(() => {
      running = undefined;
    });
    return running;
  };
  return {
    runOnce,
    every: (minutes) => {
      if (minutes === 0) return;
      timer = setInterval(() => {
        void runOnce();
      }, minutes * 60_000);
      timer.unref();
    },
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
};
