import { describe, expect, it } from 'vitest';
import { KeyedThrottle, parseRetryAfter } from './pacing.ts';

describe('send throttle', () => {
  /**
   * Starts calls asked for at the times given, in order, each as soon as the throttle allows, and
   * reads each one's answer `latency(i)` ms after it started.
   */
  const startAll = (
    throttle: KeyedThrottle,
    key: string,
    wantedAt: readonly number[],
    latency: (i: number) => number = () => 0,
  ): { start: number; end: number }[] => {
    let clock = 0;
    const pending: { end: number; answered: (at: number) => void }[] = [];
    return wantedAt.map((at, i) => {
      clock = Math.max(clock, at);
      for (;;) {
        // Answers read by now are told to the throttle before it is asked again.
        for (const p of pending.filter((c) => c.end <= clock)) p.answered(p.end);
        pending.splice(0, pending.length, ...pending.filter((c) => c.end > clock));
        const wait = throttle.waitFor(key, clock);
        if (wait === 0) break;
        clock += wait;
      }
      const end = clock + latency(i);
      pending.push({ end, answered: throttle.record(key, clock) });
      return { start: clock, end };
    });
  };

  /**
   * The most requests the service could count in any window: a request arrives some time between
   * its start and its answer, so this counts every call whose span meets the window.
   */
  const mostArrivalsInAnyWindow = (calls: readonly { start: number; end: number }[], windowMs: number): number =>
    // The service counts the requests that arrived in (w - window, w] when one arrives at w.
    Math.max(...calls.map(({ start: w }) => calls.filter((c) => c.start <= w && c.end > w - windowMs).length));

  it('spreads calls evenly over the window, keys independent', () => {
    const throttle = new KeyedThrottle({ max: 4, windowMs: 1000 }, 0);
    const starts = startAll(throttle, 'tenant-a', [0, 0, 0, 0, 0]).map((c) => c.start);
    // The fifth waits for the first to have been answered a whole window (and a millisecond) ago.
    expect(starts).toEqual([0, 250, 500, 750, 1001]);
    expect(throttle.waitFor('tenant-b', 0)).toBe(0);
  });

  it('the service never counts more than the limit in any window, however late requests reach it', () => {
    const throttle = new KeyedThrottle({ max: 50, windowMs: 1000 });
    // Callers arriving every 3 ms, with stalls where a busy event loop delays them in a bunch,
    // and answers that take from 2 ms to over 300 ms (a loaded machine).
    const wanted = Array.from({ length: 600 }, (_, i) => 1_000 + i * 3 + (i % 97 === 0 ? 80 : 0));
    const calls = startAll(throttle, 't', wanted, (i) => 2 + ((i * 37) % 11) * ((i * 53) % 29));
    expect(mostArrivalsInAnyWindow(calls, 1000)).toBeLessThanOrEqual(50);
  });

  it('with quick answers, reaches the limit; with slow ones, slows by no more than their time', () => {
    const quick = startAll(
      new KeyedThrottle({ max: 50, windowMs: 1000 }),
      't',
      Array.from({ length: 501 }, () => 0),
      () => 1,
    );
    // 500 calls take ten windows, each a window plus the answer and the clock's millisecond.
    expect(quick.at(-1)?.start).toBeLessThanOrEqual(10 * 1002);
    const slow = startAll(
      new KeyedThrottle({ max: 50, windowMs: 1000 }),
      't',
      Array.from({ length: 501 }, () => 0),
      () => 100,
    );
    expect(slow.at(-1)?.start).toBeLessThanOrEqual(10 * 1101);
    expect(mostArrivalsInAnyWindow(slow, 1000)).toBe(50);
  });

  it('a call still on its way keeps its place in the window until it is answered', () => {
    const throttle = new KeyedThrottle({ max: 2, windowMs: 1000 }, 0);
    throttle.record('t', 0);
    const second = throttle.record('t', 500);
    expect(throttle.waitFor('t', 5_000)).toBeGreaterThan(0); // neither answered yet
    second(5_000);
    expect(throttle.waitFor('t', 5_000)).toBe(1_001);
    expect(throttle.waitFor('t', 6_001)).toBe(0);
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
    // Time moves after the callers that were let through have read their answers.
    const sleep = (ms: number): Promise<void> =>
      new Promise((resolve) =>
        setImmediate(() => {
          slept.push(ms);
          now += ms;
          resolve();
        }),
      );
    const order: number[] = [];
    await Promise.all(
      [0, 1, 2, 3].map(async (i) => {
        const answered = await throttle.take('t', () => now, sleep);
        answered();
        order.push(i);
      }),
    );
    expect(order).toEqual([0, 1, 2, 3]);
    // Only the caller at the head of the queue sleeps, never the whole crowd.
    expect(slept).toEqual([500, 501, 500]);
  });

  it('lets a post through before chats still to be opened, so a send marked as under way leaves soonest', async () => {
    const throttle = new KeyedThrottle({ max: 1, windowMs: 1000 }, 0);
    let now = 0;
    const sleep = (ms: number): Promise<void> =>
      new Promise((resolve) =>
        setImmediate(() => {
          now += ms;
          resolve();
        }),
      );
    const order: string[] = [];
    const call = (name: string, urgent = false) =>
      throttle
        .take('t', () => now, sleep, urgent)
        .then((answered) => {
          answered();
          order.push(name);
        });
    await Promise.all([call('open chat 1'), call('open chat 2'), call('post', true)]);
    expect(order).toEqual(['post', 'open chat 1', 'open chat 2']);
    expect(now).toBe(2002); // still one call a second, counted from each answer
  });

  it('forgets idle keys', () => {
    const throttle = new KeyedThrottle({ max: 1, windowMs: 1000 }, 0);
    throttle.record('t', 0)(10);
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
