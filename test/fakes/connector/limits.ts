/**
 * Sliding-window rate limits as Teams applies them to a bot: per conversation and per app per
 * tenant, counted on the service's own clock as requests arrive. A request over the limit is
 * refused with 429 and a Retry-After. The limiter keeps the two figures a well-behaved sender
 * never produces: the seconds in which it saw more requests for a key than the limit (refused
 * ones included), and requests that came back before their Retry-After was over.
 */
export interface LimitSpec {
  readonly max: number;
  readonly windowMs: number;
  /** Handed the limiter built for this spec, so whoever set the limit can read its figures or script a refusal. */
  readonly observe?: (limiter: SlidingWindowLimiter) => void;
  /**
   * A request arriving this soon after a 429 was already on its way when the sender could have
   * read the 429, so it is not counted as ignoring the Retry-After. 0 by default.
   */
  readonly onTheWireMs?: number;
}

/** A 429 the limiter answered: for which key, when, and until when the key is paused. */
export interface Refusal {
  readonly key: string;
  readonly at: number;
  readonly untilMs: number;
  /** Asked for by a test (`refuseOnce`) rather than earned by going over the limit. */
  readonly injected: boolean;
}

export interface InjectedRefusal {
  readonly key: string;
  /** The nth request (from 1) seen for the key is refused. */
  readonly nth: number;
  readonly retryAfterMs: number;
}

export class SlidingWindowLimiter {
  readonly #spec: LimitSpec;
  readonly #accepted = new Map<string, number[]>();
  /** Every request seen per key within the last window, refused ones included. */
  readonly #seen = new Map<string, number[]>();
  readonly #counts = new Map<string, number>();
  /** When each key was last found over its limit, so one bad second is counted once. */
  readonly #overAt = new Map<string, number>();
  readonly #blockedUntil = new Map<string, number>();
  /** When each key was last refused. */
  readonly #refusedAt = new Map<string, number>();
  /** Every request's arrival per key, for a test to look at afterwards. */
  readonly #arrivals = new Map<string, number[]>();
  readonly #injected: InjectedRefusal[] = [];
  readonly refusals: Refusal[] = [];
  /** Requests that arrived while their key was paused by a Retry-After. */
  violations = 0;
  /** Seconds (windows) in which a key saw more requests than its limit. */
  overLimitSeconds = 0;
  /** Most requests accepted for one key within one window. */
  peak = 0;

  constructor(spec: LimitSpec) {
    this.#spec = spec;
    spec.observe?.(this);
  }

  /** Refuses one chosen request later on, as the service does when it is busy. */
  refuseOnce(refusal: InjectedRefusal): void {
    this.#injected.push(refusal);
  }

  /** When each request for `key` arrived, on this limiter's clock, in order. */
  arrivals(key: string): readonly number[] {
    return this.#arrivals.get(key) ?? [];
  }

  /** Undefined when accepted; otherwise the milliseconds the caller must wait. */
  check(key: string, now: number): number | undefined {
    const count = (this.#counts.get(key) ?? 0) + 1;
    this.#counts.set(key, count);
    this.#countSeen(key, now);
    const arrivals = this.#arrivals.get(key) ?? [];
    arrivals.push(now);
    this.#arrivals.set(key, arrivals);
    const blocked = this.#blockedUntil.get(key) ?? 0;
    const refused = this.#refusedAt.get(key) ?? 0;
    if (now < blocked && now > refused + (this.#spec.onTheWireMs ?? 0)) this.violations += 1;
    const chosen = this.#injected.findIndex((r) => r.key === key && r.nth === count);
    const injected = this.#injected[chosen];
    if (injected !== undefined) {
      this.#injected.splice(chosen, 1);
      return this.#refuse(key, now, injected.retryAfterMs, true);
    }
    const recent = (this.#accepted.get(key) ?? []).filter((t) => t > now - this.#spec.windowMs);
    this.#accepted.set(key, recent);
    if (recent.length >= this.#spec.max) {
      const oldest = recent[0] ?? now;
      return this.#refuse(key, now, Math.max(1, oldest + this.#spec.windowMs - now), false);
    }
    recent.push(now);
    this.peak = Math.max(this.peak, recent.length);
    return undefined;
  }

  #refuse(key: string, now: number, wait: number, injected: boolean): number {
    this.#blockedUntil.set(key, Math.max(now + wait, this.#blockedUntil.get(key) ?? 0));
    this.#refusedAt.set(key, now);
    this.refusals.push({ key, at: now, untilMs: now + wait, injected });
    return wait;
  }

  /** Counts a window in which the key saw more than its limit, at most once per window. */
  #countSeen(key: string, now: number): void {
    const seen = (this.#seen.get(key) ?? []).filter((t) => t > now - this.#spec.windowMs);
    seen.push(now);
    this.#seen.set(key, seen);
    if (seen.length <= this.#spec.max) return;
    const last = this.#overAt.get(key);
    if (last !== undefined && now - last < this.#spec.windowMs) return;
    this.#overAt.set(key, now);
    this.overLimitSeconds += 1;
  }
}
