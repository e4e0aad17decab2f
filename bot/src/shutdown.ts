import type { Server as NodeHttpServer } from 'node:http';
import type { Logger } from './logging.ts';

export type Closer = () => Promise<void>;

export interface Shutdown {
  /** Closers run in reverse order of registration: the last thing opened closes first. */
  register(name: string, closer: Closer): void;
  /** Runs every closer once; later calls return the same promise. Resolves false if any closer failed. */
  run(reason: string): Promise<boolean>;
}

export interface ShutdownOptions {
  readonly logger: Logger;
  /** Longest any one closer may take before shutdown moves on. */
  readonly closerTimeoutMs?: number;
}

const settleWithin = async (work: Promise<void>, ms: number, name: string): Promise<void> => {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      work,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          reject(new Error(`${name} did not close within ${ms} ms`));
        }, ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
};

export const createShutdown = (options: ShutdownOptions): Shutdown => {
  const closers: { name: string; closer: Closer }[] = [];
  let running: Promise<boolean> | undefined;
  const timeoutMs = options.closerTimeoutMs ?? 15_000;

  const closeAll = async (reason: string): Promise<boolean> => {
    options.logger.info({ reason }, 'shutting down');
    let clean = true;
    for (const { name, closer } of [...closers].reverse()) {
      try {
        await settleWithin(closer(), timeoutMs, name);
        options.logger.info({ closer: name }, 'closed');
      } catch (error) {
        clean = false;
        options.logger.error({ err: error, closer: name }, 'close failed; continuing shutdown');
      }
    }
    options.logger.info({ clean }, 'shutdown complete');
    return clean;
  };

  return {
    register: (name, closer) => {
      closers.push({ name, closer });
    },
    run: (reason) => (running ??= closeAll(reason)),
  };
};

/**
 * Stops accepting connections, lets in-flight requests finish, and after
 * `graceMs` cuts whatever is still open so shutdown cannot hang on a slow client.
 */
export const closeHttpServer = (server: NodeHttpServer, graceMs: number): Promise<void> =>
  new Promise((resolve, reject) => {
    if (!server.listening) {
      resolve();
      return;
    }
    const force = setTimeout(() => {
      server.closeAllConnections();
    }, graceMs);
    // A keep-alive connection turns idle only when its last response ends, so keep sweeping.
    const sweep = setInterval(() => {
      server.closeIdleConnections();
    }, 25);
    server.close((error) => {
      clearTimeout(force);
      clearInterval(sweep);
      if (error) reject(error);
      else resolve();
    });
    server.closeIdleConnections();
  });

export interface SignalTarget {
  once(signal: NodeJS.Signals, listener: () => void): unknown;
  off(signal: NodeJS.Signals, listener: () => void): unknown;
}

/** On SIGTERM/SIGINT runs the shutdown and then `exit(0 | 1)`. Returns a function that uninstalls. */
export const installSignalHandlers = (
  shutdown: Shutdown,
  exit: (code: number) => void,
  target: SignalTarget = process,
  signals: readonly NodeJS.Signals[] = ['SIGTERM', 'SIGINT'],
): (() => void) => {
  const listeners = signals.map((signal) => {
    const listener = (): void => {
      void shutdown.run(signal).then((clean) => {
        exit(clean ? 0 : 1);
      });
    };
    target.once(signal, listener);
    return [signal, listener] as const;
  });
  return () => {
    for (const [signal, listener] of listeners) target.off(signal, listener);
  };
};
