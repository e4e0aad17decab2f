// Roles granted in Entra hold after the next directory sync, before the person signs in: the app's
// role assignments read from the local Graph (its service principal, then appRoleAssignedTo, paged)
// go onto the records in Cosmos, and one taken away in Entra comes off at the following sync.
import { fixedClock, type Tenant } from '@pc/core';
import { runDirectorySync, type DirectorySyncDeps } from '@pc/core/usecases';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CosmosDirectorySyncStore } from '../../bot/src/cosmos/directory-sync-store.ts';
import { createCosmosStore, type Store } from '../../bot/src/cosmos/index.ts';
import { createDirectoryDelta } from '../../bot/src/graph/directory-delta.ts';
import { DeltaDirectory } from '../fakes/graph/delta.ts';
import { startFakeGraph, type FakeGraph } from '../fakes/graph-server.ts';
import { startCosmosServer, type CosmosServer } from '../support/cosmos-server.ts';

const T = '7e570000-0000-4000-a000-0000000018a1';
const TENANT: Tenant = {
  tenantId: T,
  name: 'Roles Council',
  schemeId: 'bexley-pms',
  nation: 'england-and-wales',
  timeZone: 'Europe/London',
};
const part = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');
const appToken = (tenantId: string): Promise<string> =>
  Promise.resolve(
    `${part({ alg: 'none' })}.${part({ tid: tenantId, oid: 'app', aud: 'https://graph.microsoft.com' })}.x`,
  );
const person = (i: number) => ({
  id: `person-${String(i).padStart(4, '0')}`,
  displayName: `Person ${String(i)}`,
  mail: `person${String(i)}@council.example`,
  jobTitle: i === 0 ? 'Chief Executive' : 'Officer',
  department: i % 2 === 0 ? 'Adult Social Care' : 'Highways',
  employeeHireDate: '2021-04-01',
  ...(i === 0 ? {} : { managerId: 'person-0000' }),
});

let cosmos: CosmosServer;
let store: Store;
let graph: FakeGraph;
let directory: DeltaDirectory;
let deps: DirectorySyncDeps;

beforeAll(async () => {
  cosmos = await startCosmosServer();
  store = await createCosmosStore({
    endpoint: cosmos.endpoint,
    key: cosmos.key,
    databaseId: 'directory-roles',
    allowSelfSigned: true,
  });
  // More assignments than one page of appRoleAssignedTo at $top=999, so paging is followed.
  directory = new DeltaDirectory(
    T,
    Array.from({ length: 1100 }, (_, i) => person(i)),
  );
  for (let i = 1; i <= 1000; i += 1) directory.assignAppRole(person(i).id, 'Coordinator');
  directory.assignAppRole('person-1050', 'HR');
  directory.assignAppRole('person-1051', 'Auditor');
  directory.assignAppRole('person-1051', 'SeniorManager');
  graph = await startFakeGraph({ orgs: [directory] });
  deps = {
    repos: { tenants: store.tenants, employees: store.employees },
    clock: fixedClock('2027-05-10T09:00:00.000Z'),
    directory: createDirectoryDelta({ appToken, baseUrl: graph.baseUrl, clientId: 'app-client-id' }),
    syncState: new CosmosDirectorySyncStore((kind, partition) => store.keyValues(kind, partition)),
    instanceId: 'test',
  };
  await store.tenants.put(TENANT);
}, 120_000);

afterAll(async () => {
  store.close();
  await graph.close();
  await cosmos.close();
});

const roles = async (id: string) => (await store.employees.get(T, id))?.item.orgRoles;

describe('roles from Entra app-role assignments at the directory sync', () => {
  it('are on the records after the sync, and one taken away in Entra comes off at the next', async () => {
    const first = await runDirectorySync(deps, T);
    expect(first).toMatchObject({ outcome: 'completed', counts: { joined: 1100, failed: 0 } });
    expect(await roles('person-1050')).toEqual(['hr']);
    expect(await roles('person-1051')).toEqual(['auditor', 'senior-manager']);
    expect(await roles('person-1000')).toEqual(['coordinator']);
    expect(await roles('person-1099')).toEqual([]);
    expect((await store.employees.get(T, 'person-0002'))?.item.department).toBe('Adult Social Care');

    directory.removeAppRole('person-1050', 'HR');
    directory.assignAppRole('person-1099', 'HR');
    const next = await runDirectorySync(deps, T);
    expect(next.outcome).toBe('completed');
    expect(await roles('person-1050')).toEqual([]);
    expect(await roles('person-1099')).toEqual(['hr']);
    expect(await roles('person-1051')).toEqual(['auditor', 'senior-manager']);
  }, 120_000);
});
