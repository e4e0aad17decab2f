/**
 * Sliding-window rate limits as Teams applies them to a bot: per conversation
 * and per app per tenant. A request over the limit is refused with 429 and a
 * Retry-After; a client that comes back before that time is counted as a
 * violation, which is what a well-behaved sender never produces.
 */
export interface LimitSpec {
  readonly max: number;
  readonly windowMs: number;
}

export class SlidingWindowLimiter {
  readonly #spec: LimitSpec;
  readonly #accepted = new Map<string, number[]>();
  readonly #blockedUntil = new Map<string, number>();
  violations = 0;
  /** Most requests accepted for one key within one window. */
  peak = 0;

  constructor(spec: LimitSpec) {
    this.#spec = spec;
  }

  /** Undefined when accepted; otherwise the milliseconds the caller must wait. */
  check(key: string, now: number): number | undefined {
    const blocked = this.#blockedUntil.get(key);
    if (blocked !== undefined && now < blocked) this.violations += 1;
    const recent = (this.#accepted.get(key) ?? []).filter((t) => t > now - this.#spec.windowMs);
    if (recent.length >= this.#spec.max) {
      const oldest = recent[0] ?? now;
      const wait = Math.max(1, oldest + this.#spec.windowMs - now);
      this.#blockedUntil.set(key, now + wait);
      this.#accepted.set(key, recent);
      return wait;
    }
    recent.push(now);
    this.#accepted.set(key, recent);
    this.peak = Math.max(this.peak, recent.length);
    return undefined;
  }
}
