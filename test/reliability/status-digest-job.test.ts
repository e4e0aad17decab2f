/**
 * Issue #24: the reconciliation job finds status digests that drifted from the records and
 * rewrites them. A digest deleted, a digest edited, and a record changed without its digest (as
 * a write that stopped between the two leaves it) are all put right by one run; the next run finds
 * nothing to do. Two instances running at the same moment check each tenant once, under its lease.
 */
import { randomUUID } from 'node:crypto';
import { digestOf, filedUnder } from '@pc/core/usecases';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CosmosConversationRepository } from '../../bot/src/cosmos/conversation-repository.ts';
import { conversation } from '../../bot/src/cosmos/fixtures.test-support.ts';
import { createCosmosClient } from '../../bot/src/cosmos/index.ts';
import { createStatusDigestJobModule, type StatusDigestJobModule } from '../../bot/src/status-digest-job.ts';
import { startOidcIssuer, type OidcIssuer } from '../fakes/oidc-issuer.ts';
import { startCosmosServer, type CosmosServer } from '../support/cosmos-server.ts';
import { startAppInstance, type AppInstance } from './support/app.ts';
import { reportId, seedTeam } from './support/org.ts';

const TENANT = '55555555-5555-4555-8555-555555555555';
const REPORTS = 6;

let cosmos: CosmosServer;
let issuer: OidcIssuer;
let client: ReturnType<typeof createCosmosClient>;
const databaseId = `digest-job-${randomUUID()}`;
const instances: { app: AppInstance; job: StatusDigestJobModule }[] = [];

const startInstance = async () => {
  const job = createStatusDigestJobModule();
  const app = await startAppInstance({
    cosmosEndpoint: cosmos.endpoint,
    cosmosKey: cosmos.key,
    databaseId,
    tenants: [TENANT],
    issuerUrl: issuer.url,
    extraModules: [job],
    env: { STATUS_DIGEST_CHECK_MINUTES: '0' },
  });
  instances.push({ app, job });
  return { app, job };
};

beforeAll(async () => {
  cosmos = await startCosmosServer();
  issuer = await startOidcIssuer();
  client = createCosmosClient({ endpoint: cosmos.endpoint, key: cosmos.key, allowSelfSigned: true });
  await startInstance();
  await startInstance();
}, 120_000);

afterAll(async () => {
  for (const { app } of instances) await app.close();
  client.dispose();
  await issuer.close();
  await cosmos.close();
});

const first = () => {
  const found = instances[0];
  if (found === undefined) throw new Error('no instance');
  return found;
};

describe('#24 the status digest job', () => {
  it('repairs a deleted digest, an edited one and one a record changed behind its back; then finds nothing', async () => {
    const { app, job } = first();
    const team = await seedTeam(app.store, { tenantId: TENANT, reports: REPORTS });
    const held = (n: number) =>
      conversation({ tenantId: TENANT, employeeId: reportId(n), managerIds: [team.managerId], status: 'held' });
    for (let n = 0; n < 3; n++) await app.store.conversations.create(held(n));
    // The people seeded without records have no digest yet: the first run files one for each.
    expect(await job.runOnce()).toEqual({ checked: REPORTS + 1, created: REPORTS + 1 - 3, repaired: 0 });
    expect(await job.runOnce()).toEqual({ checked: REPORTS + 1, created: 0, repaired: 0 });

    const people = client.database(databaseId).container('people');
    await people.item(`status-digest:${reportId(0)}`, TENANT).delete();
    const edited = await app.store.statusDigests.get(TENANT, reportId(1));
    if (edited === undefined) throw new Error('digest missing');
    await app.store.statusDigests.put({ ...edited.item, entries: [], awaitingAgreement: 0 }, edited.etag);
    // A record written straight to the container, past the store that keeps digests current.
    const raw = new CosmosConversationRepository(client.database(databaseId).container('conversations'), { count: 0 });
    const [record] = (await raw.listForEmployee(TENANT, reportId(2))).items;
    const stored = record === undefined ? undefined : await raw.get(TENANT, reportId(2), record.id);
    if (stored === undefined) throw new Error('record missing');
    await raw.update({ ...stored.item, status: 'agreed', updatedAt: new Date().toISOString() }, stored.etag);
    expect((await app.store.statusDigests.get(TENANT, reportId(2)))?.item.entries[0]?.status).toBe('held');

    expect(await job.runOnce()).toEqual({ checked: REPORTS + 1, created: 1, repaired: 2 });
    for (const n of [0, 1, 2]) {
      const person = (await app.store.employees.get(TENANT, reportId(n)))?.item;
      if (person === undefined) throw new Error('person missing');
      const records = (await raw.listForEmployee(TENANT, person.id)).items;
      const expected = digestOf({ tenantId: TENANT, personId: person.id, managerIds: filedUnder(person) }, records);
      expect((await app.store.statusDigests.get(TENANT, person.id))?.item).toEqual(expected);
    }
    expect((await app.store.statusDigests.get(TENANT, reportId(2)))?.item.entries[0]?.status).toBe('agreed');
    expect(await job.runOnce()).toEqual({ checked: REPORTS + 1, created: 0, repaired: 0 });
  }, 120_000);

  it('two instances at the same moment: one checks the tenant under its lease, the other leaves it', async () => {
    const runs = await Promise.all(instances.map(({ job }) => job.runOnce()));
    expect(runs.map((r) => r?.checked ?? 0).sort((a, b) => a - b)).toEqual([0, REPORTS + 1]);
    // Released at the end of the run: the next round may go to either instance.
    expect((await instances[1]?.job.runOnce())?.checked).toBe(REPORTS + 1);
  }, 120_000);
});
