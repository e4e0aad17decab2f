import type { ConnectorCall } from '@pc/core';
import type { SendPermit } from './leases.ts';
/**
 * Keeps calls for each key within a limit of `max` calls in any `windowMs`, the way the Bot
 * Connector counts them: a log of the calls actually started, so calls delayed by a busy event
 * loop cannot bunch up past the limit. Calls are spread evenly over the window rather than sent
 * in bursts, and our window is a little longer than the service's (`headroom`): both keep the
 * jitter between starting a call and the service seeing it from tipping a window over the limit.
 * A 429's Retry-After pauses the key. Time comes from the caller so tests can reason about it.
 */
export interface LimitSpec {
  readonly max: number;
  readonly windowMs: number;
}

/** Teams: 50 requests per second per app per tenant. */
export const TEAMS_TENANT_LIMIT: LimitSpec = { max: 50, windowMs: 1000 };
/** Teams: about one message per second into one conversation. */
export const TEAMS_CONVERSATION_LIMIT: LimitSpec = { max: 1, windowMs: 1000 };

interface Line {
  readonly urgent: (() => void)[];
  readonly normal: (() => void)[];
}

export class KeyedThrottle {
  readonly #max: number;
  readonly #spanMs: number;
  readonly #gapMs: number;
  readonly #started = new Map<string, number[]>();
  /** Each key's last slot on the even schedule, which may be a little before the call really started. */
  readonly #slot = new Map<string, number>();
  readonly #pausedUntil = new Map<string, number>();
  /** Per key, the callers waiting for room, urgent ones first. */
  readonly #lines = new Map<string, Line>();

  constructor(spec: LimitSpec, headroom = 0.05) {
    this.#max = spec.max;
    this.#spanMs = spec.windowMs * (1 + headroom);
    this.#gapMs = this.#spanMs / this.#max;
  }

  /** Milliseconds until a call for `key` may start; 0 when it may start now. */
  waitFor(key: string, nowMs: number): number {
    const paused = this.#pausedUntil.get(key) ?? 0;
    const started = this.#recent(key, nowMs);
    const full = started.length >= this.#max ? (started[started.length - this.#max] ?? 0) + this.#spanMs : 0;
    const spaced = (this.#slot.get(key) ?? Number.NEGATIVE_INFINITY) + this.#gapMs;
    return Math.max(0, paused - nowMs, full - nowMs, spaced - nowMs);
  }

  /**
   * Counts a call for `key` started at `nowMs`. A caller woken late takes the slot it waited for,
   * so lateness does not add up into a slower rate (up to one slot of catching up, never a burst).
   */
  record(key: string, nowMs: number): void {
    const started = this.#recent(key, nowMs);
    started.push(nowMs);
    this.#started.set(key, started);
    const previous = this.#slot.get(key);
    const slot = previous === undefined ? nowMs : Math.max(previous + this.#gapMs, nowMs - this.#gapMs);
    this.#slot.set(key, Math.min(nowMs, slot));
  }

  /**
   * Waits for room for one call on `key`, then counts it. Callers queue per key, first come first
   * served except that `urgent` callers go before the others, and only the head of the queue is
   * waiting on a timer.
   */
  take(key: string, nowMs: () => number, sleep: (ms: number) => Promise<void>, urgent = false): Promise<void> {
    return new Promise<void>((resolve) => {
      const line = this.#lines.get(key) ?? { urgent: [], normal: [] };
      this.#lines.set(key, line);
      (urgent ? line.urgent : line.normal).push(resolve);
      if (line.urgent.length + line.normal.length === 1) void this.#letThrough(key, line, nowMs, sleep);
    });
  }

  /** Lets a key's callers through one by one, each when the limit has room, until none wait. */
  async #letThrough(key: string, line: Line, nowMs: () => number, sleep: (ms: number) => Promise<void>) {
    for (let next = line.urgent[0] ?? line.normal[0]; next !== undefined; next = line.urgent[0] ?? line.normal[0]) {
      for (;;) {
        const wait = this.waitFor(key, nowMs());
        if (wait > 0) {
          await sleep(wait);
          continue;
        }
        // Timers run before pending I/O: after a stalled event loop, a 429 may already be waiting
        // to be read. Let it be read (and pause the key) before this call is let through.
        await new Promise<void>((resolve) => setImmediate(resolve));
        if (this.waitFor(key, nowMs()) === 0) break;
      }
      // The head may have changed while waiting: an urgent caller arrived.
      const head = line.urgent.shift() ?? line.normal.shift();
      this.record(key, nowMs());
      head?.();
    }
    this.#lines.delete(key);
  }

  /** Until when `key` is paused; 0 when it is not. */
  pausedUntil(key: string): number {
    return this.#pausedUntil.get(key) ?? 0;
  }

  /** Nothing may use `key` before `untilMs` (a Retry-After from the service). */
  pause(key: string, untilMs: number): void {
    this.#pausedUntil.set(key, Math.max(untilMs, this.#pausedUntil.get(key) ?? 0));
  }

  /** Forgets keys idle for a whole window, so one-off conversations do not pile up. */
  prune(nowMs: number): void {
    for (const key of this.#started.keys()) {
      if (this.#recent(key, nowMs).length > 0) continue;
      this.#started.delete(key);
      this.#slot.delete(key);
    }
    for (const [key, until] of this.#pausedUntil) if (until <= nowMs) this.#pausedUntil.delete(key);
  }

  #recent(key: string, nowMs: number): number[] {
    const started = this.#started.get(key) ?? [];
    let expired = 0;
    while (expired < started.length && (started[expired] ?? 0) <= nowMs - this.#spanMs) expired += 1;
    if (expired > 0) started.splice(0, expired);
    return started;
  }
}

/** This instance may no longer hold the tenant's send lease: the send stops before its next call. */
export class LeaseLost extends Error {
  constructor(tenantId: string) {
    super(`The send lease for tenant ${tenantId} lapsed`);
    this.name = 'LeaseLost';
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

export interface PacerOptions {
  /** Connector calls per tenant; Teams allows 50 a second per app per tenant. */
  readonly tenantLimit: LimitSpec;
  /** Messages into one conversation; Teams allows about one a second. */
  readonly conversationLimit: LimitSpec;
  readonly nowMs: () => number;
  readonly sleep: (ms: number) => Promise<void>;
}

/** Keeps one worker's connector calls within Teams' limits: per tenant, and per conversation for posts. */
export class Pacer {
  readonly #o: PacerOptions;
  readonly #tenants: KeyedThrottle;
  readonly #conversations: KeyedThrottle;

  constructor(options: PacerOptions) {
    this.#o = options;
    this.#tenants = new KeyedThrottle(options.tenantLimit);
    this.#conversations = new KeyedThrottle(options.conversationLimit);
  }

  /**
   * Holds a connector call until the tenant's limit, and for a post the conversation's, has room.
   * Posts go first: a send marked as under way waits as little as possible before it leaves. Under
   * a lease, the tenant's shared pause is honoured, and a lease that may have passed to another
   * instance lets no call start (LeaseLost).
   */
  async take(tenantId: string, personId: string, call: ConnectorCall, permit?: SendPermit): Promise<void> {
    const { nowMs, sleep } = this.#o;
    if (permit !== undefined) this.#tenants.pause(tenantId, permit.pausedUntilMs());
    if (call === 'post') await this.#conversations.take(`${tenantId}|${personId}`, nowMs, sleep);
    // The tenant's slot last, so the call goes the moment it is counted.
    await this.#tenants.take(tenantId, nowMs, sleep, call === 'post');
    if (permit !== undefined && !permit.valid()) throw new LeaseLost(tenantId);
  }

  /** How long the tenant is still paused by a 429. */
  pausedForMs(tenantId: string): number {
    return Math.max(0, this.#tenants.pausedUntil(tenantId) - this.#o.nowMs());
  }

  /** A 429 from the connector: nothing goes to this tenant for a while. */
  pauseTenant(tenantId: string, forMs: number): void {
    this.#tenants.pause(tenantId, this.#o.nowMs() + forMs);
  }

  prune(): void {
    this.#tenants.prune(this.#o.nowMs());
    this.#conversations.prune(this.#o.nowMs());
  }
}
