import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCosmosStore, type Store } from '../bot/src/cosmos/index.ts';
import { startCosmosServer, type CosmosServer } from '@pc/testing/support/cosmos-server.ts';
import { DEMO_TENANT_IDS, buildDemoOrg, demoPersonId } from './demo-org.ts';
import { demoDataPresent, seedDemoData } from './seed.ts';

// One employer keeps the wire-protocol server busy for seconds rather than half a minute.
const full = buildDemoOrg('2027-05-01');
const BEXLEY = DEMO_TENANT_IDS['bexley-pms'];
const mine = <T extends { tenantId: string }>(items: T[]): T[] => items.filter((i) => i.tenantId === BEXLEY);
const org = {
  ...full,
  tenants: mine(full.tenants),
  employees: mine(full.employees),
  conversations: mine(full.conversations),
  objectives: mine(full.objectives),
  feedback: mine(full.feedback),
  graphOrgs: mine(full.graphOrgs),
};
let server: CosmosServer;
let store: Store;

beforeAll(async () => {
  server = await startCosmosServer();
  store = await createCosmosStore({
    endpoint: server.endpoint,
    key: server.key,
    databaseId: 'seed-test',
    allowSelfSigned: true,
  });
});
afterAll(async () => {
  store.close();
  await server.close();
});

describe('seedDemoData', () => {
  it('stores the whole demo organisation, then changes nothing when run again', async () => {
    expect(await demoDataPresent(store, org)).toBe(false);
    const first = await seedDemoData(store, org);
    expect(first.tenants).toEqual({ created: 1, skipped: 0 });
    expect(first.employees).toEqual({ created: org.employees.length, skipped: 0 });
    expect(first.conversations.created).toBe(org.conversations.length);
    expect(await demoDataPresent(store, org)).toBe(true);

    const aisha = await store.employees.get(DEMO_TENANT_IDS['bexley-pms'], demoPersonId(3, 14));
    expect(aisha?.item.email).toBe('aisha.khan@bexley.demo');

    const second = await seedDemoData(store, org);
    expect(second.employees).toEqual({ created: 0, skipped: org.employees.length });
    expect(second.conversations).toEqual({ created: 0, skipped: org.conversations.length });
    expect(second.tenants).toEqual({ created: 0, skipped: 1 });
    expect(second.objectives.skipped + second.feedback.skipped).toBe(org.objectives.length + org.feedback.length);
  });

  it('keeps an edited record when seeding again', async () => {
    const tenantId = BEXLEY;
    const stored = (await store.employees.get(tenantId, demoPersonId(3, 30)))!;
    await store.employees.update({ ...stored.item, displayName: 'Renamed Locally' }, stored.etag);
    await seedDemoData(store, org);
    expect((await store.employees.get(tenantId, demoPersonId(3, 30)))?.item.displayName).toBe('Renamed Locally');
  });
});
