import type { Employee, PersonLookup } from '@pc/core';
import { describe, expect, it } from 'vitest';
import { employee } from './fixtures.test-support.ts';
import { CachedDirectory } from './cached-directory.ts';

const TENANT = 'tenant-a';

/** A directory that counts its reads and can change under the cache. */
const counting = (people: Employee[]) => {
  const calls: string[] = [];
  let failNext = false;
  const source: PersonLookup = {
    person: (tenantId, id) => {
      calls.push(`${tenantId}/${id}`);
      if (failNext) {
        failNext = false;
        return Promise.reject(new Error('store unavailable'));
      }
      return Promise.resolve(people.find((p) => p.tenantId === tenantId && p.id === id));
    },
  };
  return {
    source,
    calls,
    failOnce: () => {
      failNext = true;
    },
  };
};

describe('employee records reused within a turn-time window', () => {
  it('reads each person once within the window and again after it', async () => {
    const ada = employee({ tenantId: TENANT, id: 'ada', displayName: 'Ada' });
    const { source, calls } = counting([ada]);
    let now = 0;
    const cache = new CachedDirectory(source, { ttlMs: 60_000, now: () => now });
    expect((await cache.person(TENANT, 'ada'))?.displayName).toBe('Ada');
    now = 59_999;
    await cache.person(TENANT, 'ada');
    expect(calls).toEqual(['tenant-a/ada']);
    now = 60_000;
    await cache.person(TENANT, 'ada');
    expect(calls).toHaveLength(2);
  });

  it('shares one store read between lookups of the same person at the same moment', async () => {
    const { source, calls } = counting([employee({ tenantId: TENANT, id: 'ada' })]);
    const cache = new CachedDirectory(source, { ttlMs: 60_000 });
    const [a, b] = await Promise.all([cache.person(TENANT, 'ada'), cache.person(TENANT, 'ada')]);
    expect(a).toBe(b);
    expect(calls).toHaveLength(1);
  });

  it('never remembers someone it did not find, nor a failed read', async () => {
    const people: Employee[] = [];
    const { source, calls, failOnce } = counting(people);
    const cache = new CachedDirectory(source, { ttlMs: 60_000 });
    expect(await cache.person(TENANT, 'new-starter')).toBeUndefined();
    people.push(employee({ tenantId: TENANT, id: 'new-starter', displayName: 'New Starter' }));
    expect((await cache.person(TENANT, 'new-starter'))?.displayName).toBe('New Starter');

    failOnce();
    await expect(cache.person(TENANT, 'someone')).rejects.toThrow('store unavailable');
    await cache.person(TENANT, 'someone');
    expect(calls.filter((c) => c.endsWith('/someone'))).toHaveLength(2);
  });

  it('keeps tenants apart', async () => {
    const { source } = counting([
      employee({ tenantId: TENANT, id: 'p1', displayName: 'In A' }),
      employee({ tenantId: 'tenant-b', id: 'p1', displayName: 'In B' }),
    ]);
    const cache = new CachedDirectory(source, { ttlMs: 60_000 });
    expect((await cache.person(TENANT, 'p1'))?.displayName).toBe('In A');
    expect((await cache.person('tenant-b', 'p1'))?.displayName).toBe('In B');
  });

  it('holds at most maxEntries, dropping the least recently read', async () => {
    const people = ['a', 'b', 'c'].map((id) => employee({ tenantId: TENANT, id }));
    const { source, calls } = counting(people);
    const cache = new CachedDirectory(source, { ttlMs: 60_000, maxEntries: 2 });
    await cache.person(TENANT, 'a');
    await cache.person(TENANT, 'b');
    await cache.person(TENANT, 'a'); // a is now the most recent
    await cache.person(TENANT, 'c'); // drops b
    expect(cache.size).toBe(2);
    calls.length = 0;
    await cache.person(TENANT, 'a');
    await cache.person(TENANT, 'b');
    expect(calls).toEqual(['tenant-a/b']);
  });

  it('with a zero window reads the store every time', async () => {
    const { source, calls } = counting([employee({ tenantId: TENANT, id: 'ada' })]);
    const cache = new CachedDirectory(source, { ttlMs: 0 });
    await cache.person(TENANT, 'ada');
    await cache.person(TENANT, 'ada');
    expect(calls).toHaveLength(2);
    expect(cache.size).toBe(0);
  });
});
