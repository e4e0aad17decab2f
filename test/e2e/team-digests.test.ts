// Team views read each report's status digest with the team: a manager of 30 or of 300 costs the
// same few store operations, and the answers are those worked out from every report's records.
import { randomUUID } from 'node:crypto';
import { fixedClock, type ConversationRecord, type IsoDate } from '@pc/core';
import { getTeam, getCompliance, type UseCaseDeps } from '@pc/core/usecases';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conversation } from '../../bot/src/cosmos/fixtures.test-support.ts';
import { startOidcIssuer, type OidcIssuer } from '../fakes/oidc-issuer.ts';
import { inMemoryRepositories } from '../fakes/memory/index.ts';
import { API_AUDIENCE, startAppInstance, type AppInstance } from '../reliability/support/app.ts';
import { seedTeam, type SeededTeam } from '../reliability/support/org.ts';
import { startCosmosServer, type CosmosServer } from '../support/cosmos-server.ts';

const NOW = '2027-06-15T09:00:00.000Z';
const TODAY: IsoDate = '2027-06-15';
const SMALL = '33333333-3333-4333-8333-333333333333';
const LARGE = '44444444-4444-4444-8444-444444444444';

let cosmos: CosmosServer;
let issuer: OidcIssuer;
let app: AppInstance;
const teams = new Map<string, SeededTeam>();

/** A few records per report, of every state the team page reads, written through the store. */
const recordsFor = (team: SeededTeam, every: number): ConversationRecord[] =>
  team.reportIds.flatMap((id, n) => {
    if (n % every !== 0) return [];
    const base = { tenantId: team.tenantId, employeeId: id, managerIds: [team.managerId] };
    return [
      conversation({ ...base, type: 'regular', status: 'agreed', date: '2027-02-10' }),
      conversation({ ...base, type: 'big-picture', status: n % 2 === 0 ? 'held' : 'booked', date: '2027-06-20' }),
    ];
  });

beforeAll(async () => {
  cosmos = await startCosmosServer();
  issuer = await startOidcIssuer();
  app = await startAppInstance({
    cosmosEndpoint: cosmos.endpoint,
    cosmosKey: cosmos.key,
    databaseId: `digests-${randomUUID()}`,
    tenants: [SMALL, LARGE],
    issuerUrl: issuer.url,
    now: NOW,
  });
  teams.set(SMALL, await seedTeam(app.store, { tenantId: SMALL, reports: 30 }));
  teams.set(LARGE, await seedTeam(app.store, { tenantId: LARGE, reports: 300 }));
  for (const team of teams.values()) {
    for (const record of recordsFor(team, team.reportIds.length > 100 ? 7 : 3))
      await app.store.conversations.create(record);
  }
}, 300_000);

afterAll(async () => {
  await app.close();
  await issuer.close();
  await cosmos.close();
});

const teamOf = (tenantId: string): SeededTeam => {
  const team = teams.get(tenantId);
  if (team === undefined) throw new Error('team not seeded');
  return team;
};

const get = async (tenantId: string, path: string): Promise<{ status: number; json: unknown }> => {
  const token = await issuer.signToken({
    tid: tenantId,
    oid: teamOf(tenantId).managerId,
    aud: API_AUDIENCE,
    scp: 'access_as_user',
  });
  const response = await fetch(`${app.url}/api/v1${path}`, { headers: { authorization: `Bearer ${token}` } });
  return { status: response.status, json: await response.json() };
};

/** Store operations one call makes. */
const operations = async <T>(call: () => Promise<T>): Promise<{ ops: number; result: T }> => {
  const before = app.store.requestCount();
  const result = await call();
  return { ops: app.store.requestCount() - before, result };
};

/** The use cases over the same store with no digests: every report's records are read, as before digests. */
const withoutDigests = (): UseCaseDeps => {
  const { tenants, employees, conversations } = app.store;
  return {
    repos: { ...inMemoryRepositories(), tenants, employees, conversations, statusDigests: undefined },
    clock: fixedClock(NOW),
    newId: randomUUID,
  };
};

describe('status digests in team views', () => {
  it.each([
    ['30', SMALL],
    ['300', LARGE],
  ])(
    'the team view of a manager of %s is at most 3 store operations and says what the records say',
    async (_n, tenantId) => {
      const team = teamOf(tenantId);
      const caller = { tenantId, userId: team.managerId };
      // The first view files a digest for each report who had none (people seeded with no records).
      expect((await get(tenantId, '/me/team?pageSize=100')).status).toBe(200);
      const measured = await operations(() => get(tenantId, '/me/team?pageSize=100'));
      expect(measured.result.status).toBe(200);
      expect(measured.ops).toBeLessThanOrEqual(3);
      const fromRecords = await operations(() => getTeam(withoutDigests(), caller, TODAY, { pageSize: 100 }));
      expect(fromRecords.ops).toBeGreaterThan(team.reportIds.length);
      expect(measured.result.json).toEqual(JSON.parse(JSON.stringify(fromRecords.result)));
      const { members } = measured.result.json as { members: { next?: { bookedFor?: string } }[] };
      expect(members.some((m) => m.next?.bookedFor === '2027-06-20')).toBe(true);
      console.info(
        `team of ${_n}: ${String(measured.ops)} store operations with digests, ${String(fromRecords.ops)} from records`,
      );
    },
    120_000,
  );

  it.each([
    ['30', SMALL],
    ['300', LARGE],
  ])(
    'team compliance for a manager of %s reads digests and gives the same figures',
    async (_n, tenantId) => {
      const team = teamOf(tenantId);
      const caller = { tenantId, userId: team.managerId };
      const path = `/people/${team.managerId}/compliance?pageSize=100`;
      expect((await get(tenantId, path)).status).toBe(200);
      const measured = await operations(() => get(tenantId, path));
      const fromRecords = await operations(() =>
        getCompliance(withoutDigests(), caller, team.managerId, TODAY, { pageSize: 100 }),
      );
      expect(measured.result.json).toEqual(JSON.parse(JSON.stringify(fromRecords.result)));
      // Per level of the tree one read per 100 managers, whatever the number of people.
      expect(measured.ops).toBeLessThanOrEqual(10);
      expect(measured.ops).toBeLessThan(fromRecords.ops);
      console.info(
        `compliance, team of ${_n}: ${String(measured.ops)} store operations with digests, ${String(fromRecords.ops)} from records`,
      );
    },
    120_000,
  );

  it('the completions export of a manager of 30 and of 300 reads the store in pages of people, not once per person', async () => {
    const path = '/exports/completions.csv?from=2026-06-01&to=2027-06-15';
    const ops: number[] = [];
    for (const tenantId of [SMALL, LARGE]) {
      const token = await issuer.signToken({
        tid: tenantId,
        oid: teamOf(tenantId).managerId,
        aud: API_AUDIENCE,
        scp: 'access_as_user',
      });
      const download = () => fetch(`${app.url}/api/v1${path}`, { headers: { authorization: `Bearer ${token}` } });
      await (await download()).text();
      const measured = await operations(async () => {
        const response = await download();
        return { status: response.status, text: await response.text() };
      });
      expect(measured.result.status).toBe(200);
      expect(measured.result.text.trim().split('\r\n').length).toBeGreaterThan(1);
      ops.push(measured.ops);
    }
    console.info(`completions export: ${String(ops[0])} store operations for 30 people, ${String(ops[1])} for 300`);
    expect(ops[1]).toBeLessThanOrEqual((ops[0] ?? 0) + 10);
  }, 120_000);
});
