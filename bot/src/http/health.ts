import type { Server } from 'restify';
import { route } from './route.ts';

/** A dependency probe: resolves when the dependency answers, rejects (or times out) otherwise. */
export interface HealthCheck {
  readonly name: string;
  readonly check: () => Promise<void>;
}

export interface HealthOptions {
  readonly version: string;
  readonly checks: readonly HealthCheck[];
  /** Milliseconds since the epoch when the process became ready. */
  readonly startedAt: number;
  readonly now?: () => number;
  readonly timeoutMs?: number;
}

const withTimeout = async (probe: () => Promise<void>, timeoutMs: number): Promise<void> => {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(new Error(`health check timed out after ${timeoutMs} ms`));
    }, timeoutMs);
  });
  try {
    await Promise.race([probe(), timeout]);
  } finally {
    clearTimeout(timer);
  }
};

/** GET /healthz: 200 when every check passes, 503 naming the failed checks (never why). */
export const registerHealth = (server: Server, options: HealthOptions): void => {
  const now = options.now ?? Date.now;
  route(server, {
    method: 'get',
    path: '/healthz',
    handler: async ({ logger }) => {
      const results = await Promise.all(
        options.checks.map(async ({ name, check }) => {
          try {
            await withTimeout(check, options.timeoutMs ?? 2000);
            return [name, 'ok'] as const;
          } catch (error) {
            logger.warn({ err: error, check: name }, 'health check failed');
            return [name, 'failed'] as const;
          }
        }),
      );
      const healthy = results.every(([, state]) => state === 'ok');
      return {
        status: healthy ? 200 : 503,
        headers: { 'Cache-Control': 'no-store' },
        body: {
          status: healthy ? 'ok' : 'unavailable',
          version: options.version,
          uptimeSeconds: Math.floor((now() - options.startedAt) / 1000),
          checks: Object.fromEntries(results),
        },
      };
    },
  });
};
