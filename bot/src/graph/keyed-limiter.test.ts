import { describe, expect, it } from 'vitest';
import { createKeyedLimiter, GRAPH_MAILBOX_CONCURRENCY, perInstanceLimit } from './keyed-limiter.ts';

/** Starts `count` tasks on one key and reports the most that ran at once. */
const peakOf = async (instances: number, count: number): Promise<number> => {
  const limiters = Array.from({ length: instances }, () =>
    createKeyedLimiter(perInstanceLimit(GRAPH_MAILBOX_CONCURRENCY, instances)),
  );
  let running = 0;
  let peak = 0;
  const task = async (): Promise<void> => {
    running += 1;
    peak = Math.max(peak, running);
    await new Promise((resolve) => setTimeout(resolve, 5));
    running -= 1;
  };
  const limiterFor = (i: number) => {
    const limiter = limiters[i % instances];
    if (limiter === undefined) throw new Error('no limiter');
    return limiter;
  };
  await Promise.all(Array.from({ length: count }, (_, i) => limiterFor(i).run('alex@example.test', task)));
  return peak;
};

describe('#26 point 6: the per-mailbox Graph cap holds across instances', () => {
  it('one to four instances together never have more than 4 requests in flight to one mailbox', async () => {
    expect(await peakOf(1, 20)).toBe(4);
    expect(await peakOf(2, 20)).toBe(4);
    expect(await peakOf(3, 20)).toBe(3);
    expect(await peakOf(4, 20)).toBe(4);
  });

  it('each instance keeps at least one request, and a miscount only makes it stricter', () => {
    expect(perInstanceLimit(4, 8)).toBe(1);
    expect(perInstanceLimit(4, 3)).toBe(1);
  });

  it('other mailboxes are not held up by a busy one', async () => {
    const limiter = createKeyedLimiter(1);
    const order: string[] = [];
    let release: () => void = () => undefined;
    const busy = limiter.run('a', () => new Promise<void>((resolve) => (release = resolve)));
    await limiter.run('b', () => {
      order.push('b');
      return Promise.resolve();
    });
    order.push('b done while a is busy');
    release();
    await busy;
    expect(order).toEqual(['b', 'b done while a is busy']);
  });
});
