import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import { mapConcurrently, retryOnConflict } from './concurrency.ts';

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

describe('retryOnConflict', () => {
  const conflict = () => new AppError('conflict', 'Changed meanwhile.');

  it('runs the work again after a conflict and returns its result', async () => {
    let tries = 0;
    const result = await retryOnConflict(() => {
      tries += 1;
      return tries < 3 ? Promise.reject(conflict()) : Promise.resolve('written');
    });
    expect(result).toBe('written');
    expect(tries).toBe(3);
  });

  it('passes the conflict on after the last try, with the message the person should read', async () => {
    let tries = 0;
    const always = () => {
      tries += 1;
      return Promise.reject(conflict());
    };
    await expect(retryOnConflict(always, { attempts: 2, message: 'Please send it again.' })).rejects.toMatchObject({
      code: 'conflict',
      message: 'Please send it again.',
    });
    expect(tries).toBe(2);
  });

  it('never retries any other failure', async () => {
    let tries = 0;
    await expect(
      retryOnConflict(() => {
        tries += 1;
        return Promise.reject(new AppError('not-found', 'Gone.'));
      }),
    ).rejects.toMatchObject({ code: 'not-found' });
    expect(tries).toBe(1);
  });
});
