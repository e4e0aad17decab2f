import { describe, expect, it } from 'vitest';
import { KeyedThrottle, parseRetryAfter } from './pacing.ts';

describe('send throttle', () => {
  /** Starts calls asked for at the times given, in order, each as soon as the throttle allows. */
  const startAll = (throttle: KeyedThrottle, key: string, wantedAt: readonly number[]): number[] => {
    let clock = 0;
    return wantedAt.map((at) => {
      clock = Math.max(clock, at);
      clock += throttle.waitFor(key, clock);
      throttle.record(key, clock);
      return clock;
    });
  };

  const mostInAnyWindow = (starts: readonly number[], windowMs: number): number =>
    Math.max(...starts.map((s) => starts.filter((t) => t >= s && t < s + windowMs).length));

  it('spreads calls evenly over the window, keys independent', () => {
    const throttle = new KeyedThrottle({ max: 4, windowMs: 1000 }, 0);
    expect(startAll(throttle, 'tenant-a', [0, 0, 0, 0, 0])).toEqual([0, 250, 500, 750, 1000]);
    expect(throttle.waitFor('tenant-b', 0)).toBe(0);
  });

  it('never starts more than the limit inside any window, however late the callers ask', () => {
    const throttle = new KeyedThrottle({ max: 50, windowMs: 1000 });
    // Callers arriving every 3 ms, with stalls where a busy event loop delays them in a bunch.
    const wanted = Array.from({ length: 600 }, (_, i) => 1_000 + i * 3 + (i % 97 === 0 ? 80 : 0));
    const starts = startAll(throttle, 't', wanted);
    expect(mostInAnyWindow(starts, 1000)).toBeLessThanOrEqual(50);
  });

  it('keeps headroom below the limit, so jitter on the way to the service stays within it', () => {
    const throttle = new KeyedThrottle({ max: 50, windowMs: 1000 }, 0.05);
    const starts = startAll(
      throttle,
      't',
      Array.from({ length: 500 }, () => 0),
    ).sort((a, b) => a - b);
    // 500 calls 21 ms apart take ten windows of 1,050 ms: 5% fewer than the bare limit would allow.
    expect(starts.at(-1)).toBeCloseTo(499 * 21);
    expect(mostInAnyWindow(starts, 1050)).toBe(50);
  });

  it('a Retry-After pauses the key until it has passed', () => {
    const throttle = new KeyedThrottle({ max: 1, windowMs: 1000 });
    throttle.pause('t', 5_000);
    expect(throttle.waitFor('t', 1_000)).toBe(4_000);
    expect(throttle.waitFor('other', 1_000)).toBe(0);
  });

  it('queues callers per key and lets them through one at a time, first come first served', async () => {
    const throttle = new KeyedThrottle({ max: 2, windowMs: 1000 }, 0);
    let now = 0;
    const slept: number[] = [];
    const sleep = (ms: number): Promise<void> => {
      slept.push(ms);
      now += ms;
      return Promise.resolve();
    };
    const order: number[] = [];
    await Promise.all(
      [0, 1, 2, 3].map(async (i) => {
        await throttle.take('t', () => now, sleep);
        order.push(i);
      }),
    );
    expect(order).toEqual([0, 1, 2, 3]);
    // Only the caller at the head of the queue sleeps, never the whole crowd.
    expect(slept).toEqual([500, 500, 500]);
  });

  it('lets a post through before chats still to be opened, so a send marked as under way leaves soonest', async () => {
    const throttle = new KeyedThrottle({ max: 1, windowMs: 1000 }, 0);
    let now = 0;
    const sleep = (ms: number): Promise<void> => {
      now += ms;
      return Promise.resolve();
    };
    const order: string[] = [];
    await Promise.all([
      throttle.take('t', () => now, sleep).then(() => order.push('open chat 1')),
      throttle.take('t', () => now, sleep).then(() => order.push('open chat 2')),
      throttle.take('t', () => now, sleep, true).then(() => order.push('post')),
    ]);
    expect(order).toEqual(['post', 'open chat 1', 'open chat 2']);
    expect(now).toBe(2000); // still one call a second
  });

  it('forgets idle keys', () => {
    const throttle = new KeyedThrottle({ max: 1, windowMs: 1000 }, 0);
    throttle.record('t', 0);
    throttle.prune(5_000);
    expect(throttle.waitFor('t', 0)).toBe(0);
  });

  it('reads Retry-After as seconds or an HTTP date, defaulting to one second', () => {
    expect(parseRetryAfter('2', 0)).toBe(2_000);
    expect(parseRetryAfter('0.25', 0)).toBe(250);
    expect(parseRetryAfter(new Date(10_000).toUTCString(), 4_000)).toBe(6_000);
    expect(parseRetryAfter(undefined, 0)).toBe(1_000);
    expect(parseRetryAfter('soon', 0)).toBe(1_000);
  });
});
