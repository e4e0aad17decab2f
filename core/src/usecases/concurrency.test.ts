import { describe, expect, it } from 'vitest';
import { mapConcurrently } from './concurrency.ts';

describe('mapConcurrently', () => {
  it('keeps the input order and never has more than the limit in flight', async () => {
    let inFlight = 0;
    let most = 0;
    const result = await mapConcurrently([5, 1, 4, 2, 3, 0], 3, async (n) => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      await new Promise((resolve) => setTimeout(resolve, n));
      inFlight -= 1;
      return n * 10;
    });
    expect(result).toEqual([50, 10, 40, 20, 30, 0]);
    expect(most).toBe(3);
  });

  it('handles nothing to do, and passes a failure on', async () => {
    expect(await mapConcurrently([], 4, () => Promise.resolve(1))).toEqual([]);
    await expect(
      mapConcurrently([1, 2], 2, (n) => (n === 2 ? Promise.reject(new Error('no')) : Promise.resolve(n))),
    ).rejects.toThrow('no');
  });
});
