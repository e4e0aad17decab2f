import type { ConnectorCall } from '@pc/core';
import type { SendPermit } from './leases.ts';
/**
 * Keeps calls for each key within a limit of `max` calls in any `windowMs`, the way the Bot
 * Connector counts them, however late calls reach it. The service times a call when it arrives,
 * somewhere between our start and the answer we read; a busy event loop or a slow network can
 * bunch arrivals up, so counting starts alone is not enough. A call therefore counts from its
 * start until a whole window after its answer: if no more than `max` calls are counted whenever
 * one starts, no window at the service can ever hold more than `max` arrivals. Calls are also
 * spread evenly over the window rather than sent in bursts. When answers come quickly this
 * reaches the limit; when they are slow the rate drops by just as much as needed.
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

/** Clocks count whole milliseconds: one more keeps a call answered exactly a window ago out of the service's count. */
const CLOCK_MARGIN_MS = 1;

/** How often a key whose every slot is held by calls still on their way looks again. */
const ANSWER_POLL_MS = 5;

/** Tells the throttle the call it let through has been answered (or failed); later calls are idempotent. */
export type CallDone = () => void;

interface Call {
  readonly startedAt: number;
  /** When the caller read the answer; Infinity while the call is on its way. */
  answeredAt: number;
}

interface Line {
  readonly urgent: ((done: CallDone) => void)[];
  readonly normal: ((done: CallDone) => void)[];
}

export class KeyedThrottle {
  readonly #max: number;
  readonly #spanMs: number;
  readonly #gapMs: number;
  /** Per key, the calls that still count: on their way, or answered less than a window ago. */
  readonly #calls = new Map<string, Call[]>();
  /** Each key's last slot on the even schedule, which may be a little before the call really started. */
  readonly #slot = new Map<string, number>();
  readonly #pausedUntil = new Map<string, number>();
  /** Per key, the callers waiting for room, urgent ones first. */
  readonly #lines = new Map<string, Line>();

  /** `headroom` lengthens the window by that fraction, for a service that counts more strictly than it says. */
  constructor(spec: LimitSpec, headroom = 0) {
    this.#max = spec.max;
    this.#spanMs = spec.windowMs * (1 + headroom) + CLOCK_MARGIN_MS;
    this.#gapMs = (spec.windowMs * (1 + headroom)) / this.#max;
  }

  /** Milliseconds until a call for `key` may start; 0 when it may start now. */
  waitFor(key: string, nowMs: number): number {
    const paused = this.#pausedUntil.get(key) ?? 0;
    const calls = this.#recent(key, nowMs);
    const spaced = (this.#slot.get(key) ?? Number.NEGATIVE_INFINITY) + this.#gapMs;
    let full = 0;
    if (calls.length >= this.#max) {
      // Room comes when enough answered calls fall out of the window; calls on their way hold
      // theirs until answered, so with too many of those, look again shortly.
      const answered = calls
        .map((c) => c.answeredAt)
        .filter(Number.isFinite)
        .sort((a, b) => a - b);
      const freed = answered[calls.length - this.#max];
      full = freed === undefined ? nowMs + Math.min(this.#gapMs, ANSWER_POLL_MS) : freed + this.#spanMs;
    }
    return Math.max(0, paused - nowMs, full - nowMs, spaced - nowMs);
  }

  /**
   * Counts a call for `key` started at `nowMs`; the call keeps counting until it is told when
   * it was answered (the returned function) and a window has passed since. A caller woken late takes the slot it waited for,
   * so lateness does not add up into a slower rate (up to one slot of catching up, never a burst).
   */
  record(key: string, nowMs: number): (answeredAtMs: number) => void {
    const calls = this.#recent(key, nowMs);
    const call: Call = { startedAt: nowMs, answeredAt: Number.POSITIVE_INFINITY };
    calls.push(call);
    this.#calls.set(key, calls);
    const previous = this.#slot.get(key);
    const slot = previous === undefined ? nowMs : Math.max(previous + this.#gapMs, nowMs - this.#gapMs);
    this.#slot.set(key, Math.min(nowMs, slot));
    return (answeredAtMs) => {
      if (!Number.isFinite(call.answeredAt)) call.answeredAt = Math.max(call.startedAt, answeredAtMs);
    };
  }

  /**
   * Waits for room for one call on `key`, then counts it; resolves with the call's `done`.
   * Callers queue per key, first come first served except that `urgent` callers go before the
   * others, and only the head of the queue is waiting on a timer.
   */
  take(key: string, nowMs: () => number, sleep: (ms: number) => Promise<void>, urgent = false): Promise<CallDone> {
    return new Promise<CallDone>((resolve) => {
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
        // Timers run before pending I/O: after a stalled event loop, a 429 (or an answer that
        // frees room) may already be waiting to be read. Let it be read before this call goes.
        await new Promise<void>((resolve) => setImmediate(resolve));
        if (this.waitFor(key, nowMs()) === 0) break;
      }
      // The head may have changed while waiting: an urgent caller arrived.
      const head = line.urgent.shift() ?? line.normal.shift();
      const answered = this.record(key, nowMs());
      head?.(() => {
        answered(nowMs());
      });
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

  /** Forgets keys with no call counting any more, so one-off conversations do not pile up. */
  prune(nowMs: number): void {
    for (const key of this.#calls.keys()) {
      if (this.#recent(key, nowMs).length > 0) continue;
      this.#calls.delete(key);
      this.#slot.delete(key);
    }
    for (const [key, until] of this.#pausedUntil) if (until <= nowMs) this.#pausedUntil.delete(key);
  }

  #recent(key: string, nowMs: number): Call[] {
    const calls = this.#calls.get(key) ?? [];
    const cutoff = nowMs - this.#spanMs;
    if (!calls.some((c) => c.answeredAt <= cutoff)) return calls;
    const kept = calls.filter((c) => c.answeredAt > cutoff);
    this.#calls.set(key, kept);
    return kept;
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

const noop: CallDone = () => undefined;

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
   * Holds a connector call until the tenant's limit, and for a post the conversation's, has room;
   * resolves with the `done` to call once the call has been answered.
   * Posts go first: a send marked as under way waits as little as possible before it leaves. Under
   * a lease, the tenant's shared pause is honoured, and a lease that may have passed to another
   * instance lets no call start (LeaseLost).
   */
  async take(tenantId: string, personId: string, call: ConnectorCall, permit?: SendPermit): Promise<CallDone> {
    const { nowMs, sleep } = this.#o;
    if (permit !== undefined) this.#tenants.pause(tenantId, permit.pausedUntilMs());
    const conversation =
      call === 'post' ? await this.#conversations.take(`${tenantId}|${personId}`, nowMs, sleep) : noop;
    // The tenant's slot last, so the call goes the moment it is counted.
    const tenant = await this.#tenants.take(tenantId, nowMs, sleep, call === 'post');
    const done = (): void => {
      tenant();
      conversation();
    };
    if (permit !== undefined && !permit.valid()) {
      done();
      throw new LeaseLost(tenantId);
    }
    return done;
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
