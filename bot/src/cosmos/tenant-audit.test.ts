import { AppError, type Tenant } from '@pc/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvent, minute, openStore, TENANT_A, TENANT_B, type StoreHarness } from './fixtures.test-support.ts';

let h: StoreHarness;
beforeAll(async () => {
  h = await openStore();
});
afterAll(async () => {
  await h.close();
});

const tenant = (overrides: Partial<Tenant> = {}): Tenant => ({
  tenantId: TENANT_A,
  name: 'Example Borough Council',
  schemeId: 'bexley-pms',
  nation: 'england-and-wales',
  timeZone: 'Europe/London',
  ...overrides,
});

describe('CosmosTenantRepository', () => {
  it('stores and returns a tenant exactly, and replaces it on a second put', async () => {
    expect(await h.store.tenants.get(TENANT_A)).toBeUndefined();
    const first = await h.store.tenants.put(tenant());
    expect(first.item).toEqual(tenant());
    expect(await h.store.tenants.get(TENANT_A)).toEqual(first);
    await h.store.tenants.put(tenant({ name: 'Renamed Council' }));
    expect((await h.store.tenants.get(TENANT_A))?.item.name).toBe('Renamed Council');
    expect(await h.store.tenants.get(TENANT_B)).toBeUndefined();
  });
});

describe('CosmosAuditLog', () => {
  it('lists a subject’s events newest first and only that tenant’s', async () => {
    for (const n of [3, 1, 4, 2]) await h.store.audit.append(auditEvent({ id: `ev-${n}`, at: minute(n) }));
    await h.store.audit.append(auditEvent({ tenantId: TENANT_B, id: 'ev-b', at: minute(9) }));
    await h.store.audit.append(auditEvent({ id: 'ev-other', subjectId: 'emp-2', at: minute(9) }));
    const page = await h.store.audit.listForSubject(TENANT_A, 'emp-1');
    expect(page.items.map((e) => e.id)).toEqual(['ev-4', 'ev-3', 'ev-2', 'ev-1']);
    expect(page.items[0]).toEqual(auditEvent({ id: 'ev-4', at: minute(4) }));
  });

  it('is append-only: an event cannot be rewritten, and the log offers no update or delete', async () => {
    await h.store.audit.append(auditEvent({ id: 'ev-fixed', subjectId: 'emp-3' }));
    const rewrite = h.store.audit.append(auditEvent({ id: 'ev-fixed', subjectId: 'emp-3', action: 'record.archived' }));
    await expect(rewrite).rejects.toSatisfy((e: unknown) => e instanceof AppError && e.code === 'conflict');
    const [stored] = (await h.store.audit.listForSubject(TENANT_A, 'emp-3')).items;
    expect(stored?.action).toBe('exceptional-access');
    expect('update' in h.store.audit || 'delete' in h.store.audit).toBe(false);
  });

  it('pages a long history in order with no event missing or repeated', async () => {
    for (let n = 0; n < 25; n += 1)
      await h.store.audit.append(auditEvent({ id: `long-${n}`, subjectId: 'emp-long', at: minute(n) }));
    const ids: string[] = [];
    let token: string | undefined;
    do {
      const page = await h.store.audit.listForSubject(TENANT_A, 'emp-long', {
        pageSize: 10,
        ...(token ? { continuationToken: token } : {}),
      });
      ids.push(...page.items.map((e) => e.id));
      token = page.continuationToken;
    } while (token !== undefined);
    expect(ids).toEqual(Array.from({ length: 25 }, (_, i) => `long-${24 - i}`));
  });
});

describe('request counting', () => {
  it('counts one request per point read', async () => {
    const before = h.store.requestCount();
    await h.store.tenants.get(TENANT_A);
    await h.store.tenants.get(TENANT_B);
    expect(h.store.requestCount() - before).toBe(2);
  });
});
