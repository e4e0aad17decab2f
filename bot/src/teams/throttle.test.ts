import { describe, expect, it } from 'vitest';
import { KeyedThrottle, parseRetryAfter } from './throttle.ts';

describe('send throttle', () => {
  it('spaces calls for one key at the configured rate, keys independent', () => {
    const throttle = new KeyedThrottle({ perSecond: 50 });
    const waits = Array.from({ length: 5 }, () => throttle.reserve('tenant-a', 1_000));
    expect(waits).toEqual([0, 20, 40, 60, 80]);
    expect(throttle.reserve('tenant-b', 1_000)).toBe(0);
  });

  it('never starts more than the limit inside any one-second window', () => {
    const throttle = new KeyedThrottle({ perSecond: 50 });
    const starts = Array.from({ length: 500 }, (_, i) => 1_000 + i * 3).map((now) => now + throttle.reserve('t', now));
    for (const start of starts) {
      expect(starts.filter((s) => s >= start && s < start + 1000).length).toBeLessThanOrEqual(50);
    }
  });

  it('a Retry-After pushes every later call past the pause', () => {
    const throttle = new KeyedThrottle({ perSecond: 1 });
    throttle.pause('t', 5_000);
    expect(throttle.reserve('t', 1_000)).toBe(4_000);
  });

  it('reads Retry-After as seconds or an HTTP date, defaulting to one second', () => {
    expect(parseRetryAfter('2', 0)).toBe(2_000);
    expect(parseRetryAfter('0.25', 0)).toBe(250);
    expect(parseRetryAfter(new Date(10_000).toUTCString(), 4_000)).toBe(6_000);
    expect(parseRetryAfter(undefined, 0)).toBe(1_000);
    expect(parseRetryAfter('soon', 0)).toBe(1_000);
  });
});
