import { AppError, type Employee } from '@pc/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { employee, openStore, TENANT_A, TENANT_B, type StoreHarness } from './fixtures.test-support.ts';

let h: StoreHarness;
beforeAll(async () => {
  h = await openStore();
});
afterAll(async () => {
  await h.close();
});

const codeOf = (promise: Promise<unknown>): Promise<unknown> =>
  promise.then(
    () => 'resolved',
    (e: unknown) => (e instanceof AppError ? e.code : e),
  );

const job = (id: string, managerIds: string[], isMain = true): Employee['jobs'][number] => ({
  id,
  title: `Role ${id}`,
  managerIds,
  isMain,
  contract: 'substantive',
  startDate: '2025-01-06',
});

describe('CosmosEmployeeRepository', () => {
  it('creates, reads and updates an employee, returning exactly the domain object', async () => {
    const e = employee({ id: 'crud-1' });
    const created = await h.store.employees.create(e);
    expect(created.item).toEqual(e);
    expect(await h.store.employees.get(TENANT_A, 'crud-1')).toEqual(created);
    const moved = { ...e, jobs: [job('job-1', ['mgr-9'])] };
    const updated = await h.store.employees.update(moved, created.etag);
    expect((await h.store.employees.get(TENANT_A, 'crud-1'))?.item.jobs[0]?.managerIds).toEqual(['mgr-9']);
    expect(updated.etag).not.toBe(created.etag);
  });

  it('keeps the first writer’s change when a second writer holds a stale etag', async () => {
    const created = await h.store.employees.create(employee({ id: 'stale-1' }));
    const hrEdit = await h.store.employees.update({ ...created.item, hasOwnPc: false }, created.etag);
    expect(await codeOf(h.store.employees.update({ ...created.item, orgRoles: ['hr'] }, created.etag))).toBe(
      'conflict',
    );
    expect(await h.store.employees.get(TENANT_A, 'stale-1')).toEqual(hrEdit);
  });

  it('reports duplicate ids as conflict, updates of missing people as not-found, and reads of missing people as undefined', async () => {
    const created = await h.store.employees.create(employee({ id: 'dup-1' }));
    expect(await codeOf(h.store.employees.create(employee({ id: 'dup-1', displayName: 'Other' })))).toBe('conflict');
    expect((await h.store.employees.get(TENANT_A, 'dup-1'))?.item.displayName).toBe('Sam Example');
    expect(await codeOf(h.store.employees.update(employee({ id: 'nobody' }), created.etag))).toBe('not-found');
    expect(await h.store.employees.get(TENANT_A, 'nobody')).toBeUndefined();
  });

  it('finds reports whose manager is on any of their jobs, only within the tenant', async () => {
    await h.store.employees.create(employee({ id: 'r-main', jobs: [job('j1', ['boss'])] }));
    await h.store.employees.create(
      employee({ id: 'r-dual', jobs: [job('j1', ['someone-else']), job('j2', ['boss', 'co-boss'], false)] }),
    );
    await h.store.employees.create(employee({ id: 'r-other', jobs: [job('j1', ['someone-else'])] }));
    await h.store.employees.create(employee({ tenantId: TENANT_B, id: 'r-b', jobs: [job('j1', ['boss'])] }));
    const reports = await h.store.employees.listReports(TENANT_A, 'boss');
    expect(reports.map((r) => r.id).sort()).toEqual(['r-dual', 'r-main']);
    expect((await h.store.employees.listReports(TENANT_A, 'co-boss')).map((r) => r.id)).toEqual(['r-dual']);
    expect((await h.store.employees.listReports(TENANT_B, 'boss')).map((r) => r.id)).toEqual(['r-b']);
  });

  it('keeps tenants apart for the same person id: reads, lists and updates', async () => {
    const a = await h.store.employees.create(employee({ id: 'same-person', displayName: 'In A' }));
    const b = await h.store.employees.create(employee({ tenantId: TENANT_B, id: 'same-person', displayName: 'In B' }));
    expect((await h.store.employees.get(TENANT_A, 'same-person'))?.item.displayName).toBe('In A');
    expect((await h.store.employees.get(TENANT_B, 'same-person'))?.item.displayName).toBe('In B');
    expect(await h.store.employees.get('33333333-3333-3333-3333-333333333333', 'same-person')).toBeUndefined();
    const listB = await h.store.employees.list(TENANT_B, { pageSize: 100 });
    expect(listB.items.every((e) => e.tenantId === TENANT_B)).toBe(true);
    expect(await codeOf(h.store.employees.update({ ...b.item, displayName: 'Hijacked' }, a.etag))).toBe('conflict');
    expect(await h.store.employees.get(TENANT_B, 'same-person')).toEqual(b);
  });

  it('lists a tenant’s staff in pages with no one missing or repeated', async () => {
    const tenant = '44444444-4444-4444-4444-444444444444';
    for (let n = 0; n < 25; n += 1) await h.store.employees.create(employee({ tenantId: tenant, id: `staff-${n}` }));
    const seen: string[] = [];
    const sizes: number[] = [];
    let token: string | undefined;
    do {
      const page = await h.store.employees.list(tenant, {
        pageSize: 10,
        ...(token ? { continuationToken: token } : {}),
      });
      sizes.push(page.items.length);
      seen.push(...page.items.map((e) => e.id));
      token = page.continuationToken;
    } while (token !== undefined);
    expect(sizes).toEqual([10, 10, 5]);
    expect([...seen].sort()).toEqual(Array.from({ length: 25 }, (_, n) => `staff-${n}`).sort());
  });
});

describe('people read at the same moment share one request', () => {
  it('answers each of many concurrent reads with its own current record and version, in one request', async () => {
    const people = Array.from({ length: 12 }, (_, i) => employee({ id: `grouped-${String(i)}` }));
    const stored = await Promise.all(people.map((p) => h.store.employees.create(p)));
    const moved = await h.store.employees.update(
      { ...people[3], jobs: [job('job-1', ['mgr-new'])] } as Employee,
      stored[3]?.etag ?? '',
    );
    const before = h.store.requestCount();
    const read = await Promise.all([
      ...people.map((p) => h.store.employees.get(TENANT_A, p.id)),
      h.store.employees.get(TENANT_A, 'grouped-nobody'),
      h.store.employees.get(TENANT_B, 'grouped-1'),
    ]);
    expect(h.store.requestCount() - before).toBe(1);
    expect(read.slice(0, 12).map((r) => r?.item.id)).toEqual(people.map((p) => p.id));
    expect(read[3]).toEqual(moved);
    expect(read[3]?.item.jobs[0]?.managerIds).toEqual(['mgr-new']);
    expect(read[0]).toEqual(stored[0]);
    expect(read.slice(12)).toEqual([undefined, undefined]);
  });
});
