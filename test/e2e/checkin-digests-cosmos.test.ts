// The weekly check-in fan-out over the Cosmos store the server uses, counted by the store itself
// (point operations and query pages): from status digests a page of 100 people costs a few
// queries and each check-in none; from everyone's records, each check-in costs a read of them.
import { randomUUID } from 'node:crypto';
import { fixedClock } from '@pc/core';
import { checkinFor, checkinTargets, type Repositories, type UseCaseDeps } from '@pc/core/usecases';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBotState } from '../../bot/src/cosmos/bot-state.ts';
import { createCosmosStore, type Store } from '../../bot/src/cosmos/index.ts';
import { referenceTo } from '../../core/src/usecases/checkins.test-support.ts';
import { conversation, employee, tenant } from '../contracts/fixtures.ts';
import { inMemoryRepositories } from '../fakes/memory/index.ts';
import { startCosmosServer, type CosmosServer } from '../support/cosmos-server.ts';

const TENANT = '77777777-7777-4777-8777-777777777777';
// A Monday, mid-morning in London: outside quiet hours, and a check-in week for everyone.
const NOW = '2027-05-10T09:00:00.000Z';
const PEOPLE = 150;

let cosmos: CosmosServer;
let store: Store;
let state: ReturnType<typeof createBotState>;

beforeAll(async () => {
  cosmos = await startCosmosServer();
  store = await createCosmosStore({
    endpoint: cosmos.endpoint,
    key: cosmos.key,
    databaseId: `checkins-${randomUUID()}`,
    allowSelfSigned: true,
  });
  state = createBotState((kind, partition) => store.keyValues(kind, partition));
  await store.tenants.put(tenant(TENANT));
  for (let i = 1; i <= PEOPLE; i += 1) {
    const id = `p-${String(i).padStart(4, '0')}`;
    await store.employees.create(employee(TENANT, id, { displayName: `Person ${String(i)}` }));
    await store.conversations.create(
      conversation(TENANT, `c-${id}`, { employeeId: id, status: 'agreed', date: '2027-01-11' }),
    );
    await state.references.put(referenceTo(TENANT, id));
  }
}, 300_000);

afterAll(async () => {
  store.close();
  await cosmos.close();
});

/** The run's targets and every check-in, with the Cosmos operations it made. */
const fanOut = async (repos: Repositories) => {
  const deps: UseCaseDeps = { repos, clock: fixedClock(NOW), newId: randomUUID };
  const before = store.requestCount();
  const found = await checkinTargets(deps, state.references, tenant(TENANT));
  const checkins = [];
  for (const target of found.targets) checkins.push(await checkinFor(deps, target, 'weekly:2027-05-10'));
  return { targets: found.targets.length, checkins, ops: store.requestCount() - before };
};

describe('the weekly check-in fan-out on Cosmos (issue #24)', () => {
  it(`to ${String(PEOPLE)} people costs a few operations per page of 100, not some per person`, async () => {
    const repos: Repositories = { ...inMemoryRepositories(), ...store, nudges: state.nudges };
    const fromDigests = await fanOut(repos);
    const fromRecords = await fanOut({ ...repos, statusDigests: undefined });
    expect(fromDigests.targets).toBe(PEOPLE);
    expect(fromDigests.checkins).toEqual(fromRecords.checkins);
    expect(fromDigests.checkins.every((c) => c !== undefined)).toBe(true);
    // Two pages of people: per page the directory, references, settings and digests.
    expect(fromDigests.ops).toBeLessThanOrEqual(2 * 4 + 2);
    expect(fromRecords.ops).toBeGreaterThanOrEqual(PEOPLE);
    const per = (ops: number) => (ops / PEOPLE).toFixed(2);
    console.info(
      `check-in fan-out on Cosmos to ${String(PEOPLE)} people: ${String(fromDigests.ops)} operations from digests (${per(fromDigests.ops)} per target), ${String(fromRecords.ops)} from records (${per(fromRecords.ops)} per target)`,
    );
  });
});
