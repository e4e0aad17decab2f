/**
 * 003_6937000bba1c4f49.txt §6.1: leavers' records are kept while the colleague is employed, then
 * sent to People Services. The daily retention job does it without anyone pressing a button; on
 * several instances each tenant is run once a day, by the instance that creates the day's run
 * document, so two instances at the same moment archive each leaver once and audit it once.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRetentionJobModule, type RetentionJobModule } from '../../bot/src/retention-job.ts';
import { startOidcIssuer, type OidcIssuer } from '../fakes/oidc-issuer.ts';
import { startCosmosServer, type CosmosServer } from '../support/cosmos-server.ts';
import { startAppInstance, type AppInstance } from './support/app.ts';
import { reportId, seedTeam } from './support/org.ts';

const TENANT = '66666666-6666-4666-8666-666666666666';
const NOW = '2027-05-03T02:00:00.000Z';

let cosmos: CosmosServer;
let issuer: OidcIssuer;
const databaseId = `retention-job-${randomUUID()}`;
const instances: { app: AppInstance; job: RetentionJobModule }[] = [];

const startInstance = async () => {
  const job = createRetentionJobModule();
  const app = await startAppInstance({
    cosmosEndpoint: cosmos.endpoint,
    cosmosKey: cosmos.key,
    databaseId,
    tenants: [TENANT],
    issuerUrl: issuer.url,
    now: NOW,
    extraModules: [job],
    env: { RETENTION_RUN_HOURS: '0' },
  });
  instances.push({ app, job });
};

beforeAll(async () => {
  cosmos = await startCosmosServer();
  issuer = await startOidcIssuer();
  await startInstance();
  await startInstance();
}, 120_000);

afterAll(async () => {
  for (const { app } of instances) await app.close();
  await issuer.close();
  await cosmos.close();
});

const store = () => {
  const found = instances[0];
  if (found === undefined) throw new Error('no instance');
  return found.app.store;
};

const leaves = async (n: number, leftOn: string) => {
  const stored = await store().employees.get(TENANT, reportId(n));
  if (stored === undefined) throw new Error('seeded person missing');
  await store().employees.update({ ...stored.item, leftOn }, stored.etag);
};

describe('003 §6.1 the daily retention job on two instances', () => {
  it('003: two instances at once archive each leaver once, audited once, and nobody still employed', async () => {
    await seedTeam(store(), { tenantId: TENANT, reports: 5, schemeId: 'somerset-career-conversations' });
    await leaves(0, '2027-04-30');
    await leaves(1, '2027-05-03');
    await leaves(2, '2027-06-30'); // still employed until the end of June

    const runs = await Promise.all(instances.map(({ job }) => job.runOnce()));
    expect(runs.map((r) => r?.tenants ?? 0).sort()).toEqual([0, 1]);
    expect(runs.reduce((sum, r) => sum + (r?.archived ?? 0), 0)).toBe(2);

    for (const n of [0, 1]) {
      const person = (await store().employees.get(TENANT, reportId(n)))?.item;
      expect(person?.archive).toEqual({ archivedOn: '2027-05-03', keepUntil: '2033-05-03' });
      const events = (await store().audit.listForSubject(TENANT, reportId(n))).items;
      expect(events.map((e) => `${e.action} by ${e.actorId}`)).toEqual(['record.archived by retention-job']);
    }
    expect((await store().employees.get(TENANT, reportId(2)))?.item.archive).toBeUndefined();
    expect((await store().audit.listForSubject(TENANT, reportId(2))).items).toEqual([]);

    // The day's run is done: later rounds that day, on either instance, leave the tenant alone.
    await leaves(3, '2027-05-01');
    const later = await Promise.all(instances.map(({ job }) => job.runOnce()));
    expect(later.map((r) => r?.tenants)).toEqual([0, 0]);
    expect((await store().employees.get(TENANT, reportId(3)))?.item.archive).toBeUndefined();
  }, 120_000);

  it('a day whose instance stopped mid-run is left alone for an hour, then another instance runs it', async () => {
    const runs = store().keyValues<{ tenantId: string; id: string; startedAt: string }>('retention-run', () => 'runs');
    const today = NOW.slice(0, 10);
    // As an instance leaves the day when it stops after claiming it and before finishing.
    await runs.delete(TENANT, 'runs', today);
    const stopped = await runs.create({ tenantId: TENANT, id: today, startedAt: '2027-05-03T01:30:00.000Z' });
    const waiting = await Promise.all(instances.map(({ job }) => job.runOnce()));
    expect(waiting.map((r) => r?.tenants)).toEqual([0, 0]);
    expect((await store().employees.get(TENANT, reportId(3)))?.item.archive).toBeUndefined();

    await runs.update({ ...stopped.item, startedAt: '2027-05-03T00:30:00.000Z' }, stopped.etag);
    const takenOver = await Promise.all(instances.map(({ job }) => job.runOnce()));
    expect(takenOver.map((r) => r?.tenants ?? 0).sort()).toEqual([0, 1]);
    expect(takenOver.reduce((sum, r) => sum + (r?.archived ?? 0), 0)).toBe(1);
    expect((await store().employees.get(TENANT, reportId(3)))?.item.archive?.archivedOn).toBe(today);
  }, 60_000);
});
