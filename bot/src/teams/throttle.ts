/**
 * Spaces out calls so that no key exceeds its rate. Each key keeps the next
 * free instant; a 429 with Retry-After pushes that instant later for every
 * caller of the key. Time comes from the caller so tests can reason about it.
 */
export interface RateSpec {
  /** Calls per second allowed for this key. */
  readonly perSecond: number;
}

export class KeyedThrottle {
  readonly #next = new Map<string, number>();
  readonly #intervalMs: number;

  constructor(spec: RateSpec) {
    this.#intervalMs = 1000 / spec.perSecond;
  }

  /** Reserves the next slot for `key` and returns how long to wait before using it. */
  reserve(key: string, nowMs: number): number {
    const slot = Math.max(nowMs, this.#next.get(key) ?? 0);
    this.#next.set(key, slot + this.#intervalMs);
    return slot - nowMs;
  }

  /** Nothing may use `key` before `untilMs` (a Retry-After from the service). */
  pause(key: string, untilMs: number): void {
    this.#next.set(key, Math.max(untilMs, this.#next.get(key) ?? 0));
  }

  /** Forgets keys idle since before `nowMs`, so one-off conversations do not pile up. */
  prune(nowMs: number): void {
    for (const [key, next] of this.#next) if (next < nowMs) this.#next.delete(key);
  }
}

export class ConnectorThrottled extends Error {
  readonly retryAfterMs: number;
  constructor(retryAfterMs: number, options?: { cause?: unknown }) {
    super('The Bot Connector asked us to slow down', options);
    this.name = 'ConnectorThrottled';
    this.retryAfterMs = retryAfterMs;
  }
}

/** Retry-After is seconds or an HTTP date; anything unreadable means one second. */
export const parseRetryAfter = (header: string | null | undefined, nowMs: number): number => {
  if (header === null || header === undefined || header.trim() === '') return 1000;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(header);
  return Number.isNaN(at) ? 1000 : Math.max(0, at - nowMs);
};
