import { isAppError } from '@pc/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { employee, openStore, TENANT_A, type StoreHarness } from './fixtures.test-support.ts';

let h: StoreHarness;
beforeAll(async () => {
  h = await openStore();
});
afterAll(async () => {
  await h.close();
});

const people = (prefix: string, n: number) =>
  Array.from({ length: n }, (_, i) => employee({ id: `${prefix}-${String(i)}`, displayName: `Person ${String(i)}` }));

describe('people written at the same moment share bulk requests', () => {
  it('creates and then updates a page of people in a request per hundred, each with its own version', async () => {
    const page = people('bulk', 250);
    let before = h.store.requestCount();
    const created = await Promise.all(page.map((e) => h.store.employees.create(e)));
    expect(h.store.requestCount() - before).toBe(3);
    before = h.store.requestCount();
    const updated = await Promise.all(
      created.map((s) => h.store.employees.update({ ...s.item, displayName: `${s.item.displayName} (moved)` }, s.etag)),
    );
    expect(h.store.requestCount() - before).toBe(3);
    expect(new Set(updated.map((s) => s.etag)).size).toBe(250);
    expect((await h.store.employees.get(TENANT_A, 'bulk-249'))?.item.displayName).toBe('Person 249 (moved)');
  });

  it('turns away a stale version alone among others, and a missing person as not found', async () => {
    const [a, b] = await Promise.all(people('stale', 2).map((e) => h.store.employees.create(e)));
    await h.store.employees.update({ ...a!.item, displayName: 'Changed first' }, a!.etag);
    const results = await Promise.allSettled([
      h.store.employees.update({ ...a!.item, displayName: 'Stale write' }, a!.etag),
      h.store.employees.update({ ...b!.item, displayName: 'Fresh write' }, b!.etag),
      h.store.employees.update(employee({ id: 'nobody' }), a!.etag),
    ]);
    const codes = results.map((r) => (r.status === 'fulfilled' ? 'updated' : isAppError(r.reason) && r.reason.code));
    expect(codes).toEqual(['conflict', 'updated', 'not-found']);
    expect((await h.store.employees.get(TENANT_A, a!.item.id))?.item.displayName).toBe('Changed first');
    expect((await h.store.employees.get(TENANT_A, b!.item.id))?.item.displayName).toBe('Fresh write');
  });
});
