// The demo organisation comes in through the directory sync and the HR import: what those two paths
// own already matches the demo people before anything is put in directly.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixedClock, type Employee } from '@pc/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCosmosStore, type Store } from '../bot/src/cosmos/index.ts';
import { createDirectoryDelta } from '../bot/src/graph/directory-delta.ts';
import { startFakeGraph, type FakeGraph } from '@pc/testing/fakes/graph-server.ts';
import { startCosmosServer, type CosmosServer } from '@pc/testing/support/cosmos-server.ts';
import { syncAndImport } from './bring-in.ts';
import { DEMO_TENANT_IDS, buildDemoOrg } from './demo-org.ts';

const REF = '2027-05-01';
const org = buildDemoOrg(REF);
const TENANTS = [DEMO_TENANT_IDS['cumbria-vip'], DEMO_TENANT_IDS['somerset-career-conversations']];
const part = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');
const appToken = (tid: string): Promise<string> =>
  Promise.resolve(`${part({ alg: 'none' })}.${part({ tid, oid: 'app', aud: 'https://graph.microsoft.com' })}.x`);

let cosmos: CosmosServer;
let store: Store;
let graph: FakeGraph;

beforeAll(async () => {
  cosmos = await startCosmosServer();
  store = await createCosmosStore({
    endpoint: cosmos.endpoint,
    key: cosmos.key,
    databaseId: 'bring-in',
    allowSelfSigned: true,
  });
  graph = await startFakeGraph({ orgs: org.graphOrgs.filter((g) => TENANTS.includes(g.tenantId)) });
}, 60_000);
afterAll(async () => {
  store.close();
  await graph.close();
  await cosmos.close();
});

/** The facts the sync and the import carry: everything a tenant's directory and HR file hold. */
const owned = (e: Employee) => ({
  displayName: e.displayName,
  email: e.email,
  startDate: e.startDate,
  incrementalDate: e.incrementalDate,
  probation: e.probation,
  leave: e.leave,
  hasOwnPc: e.hasOwnPc,
  staffGroups: e.staffGroups ?? [],
  jobs: e.jobs.map((j) => ({ title: j.title, manager: j.managerIds[0], isMain: j.isMain, family: j.jobFamily })),
});

describe('bringing the demo organisation in', () => {
  it('gets every demo person, their manager, jobs and HR facts from the sync and the import alone', async () => {
    const hrDir = await mkdtemp(join(tmpdir(), 'pc-demo-hr-'));
    for (const tenantId of TENANTS) {
      const tenant = org.tenants.find((t) => t.tenantId === tenantId)!;
      const done = await syncAndImport(
        {
          store,
          org,
          directory: createDirectoryDelta({ appToken, baseUrl: graph.baseUrl }),
          hrDir,
          clock: fixedClock(`${REF}T08:00:00.000Z`),
        },
        tenant,
      );
      const people = org.employees.filter((e) => e.tenantId === tenantId);
      expect(done.sync).toMatchObject({ outcome: 'completed', counts: { joined: people.length, failed: 0 } });
      expect(done.hrImport.issues).toEqual([]);
      // Somerset's leaver (003 §6.1) came with the others, then left: the next round gave the leaving date.
      const leavers = people.filter((e) => e.leftOn !== undefined).map((e) => e.id);
      expect(leavers).toHaveLength(tenantId === DEMO_TENANT_IDS['somerset-career-conversations'] ? 1 : 0);
      expect(done.leaversSync?.counts.left ?? 0).toBe(leavers.length);
      for (const id of leavers) expect((await store.employees.get(tenantId, id))?.item.leftOn).toBe(REF);
      for (const person of people) {
        const stored = (await store.employees.get(tenantId, person.id))?.item;
        // Graph knows one manager per person: Cumbria 23's second line manager comes in directly.
        expect({ id: person.id, ...owned(stored!) }).toEqual({ id: person.id, ...owned(person) });
      }
    }
  }, 120_000);
});
