// Roles from Entra app-role assignments reach people's records at each directory sync, so someone
// made HR or an auditor in Entra has that access before they next sign in; the directory's
// department is kept on the record.
import { InMemoryDirectorySyncStore, inMemoryRepositories } from '@pc/testing/fakes/memory/index.ts';
import { tenant } from '@pc/testing/contracts/fixtures.ts';
import { beforeEach, describe, expect, it } from 'vitest';
import type { AppRoleAssignment, DirectoryPage, DirectorySource, DirectoryUser } from '../ports/directory.ts';
import { fixedClock } from '../time/clock.ts';
import type { Repositories } from './deps.ts';
import { runDirectorySync, type DirectorySyncDeps } from './directory-sync.ts';

const T = 'tenant-roles';

/** One page of everyone on the first round, nothing changed after; app roles as `assigned` says. */
class RoleDirectory implements DirectorySource {
  users: DirectoryUser[] = [];
  assigned: AppRoleAssignment[] = [];
  failRoles = false;
  #round = 0;

  page(_tenantId: string, link?: string): Promise<DirectoryPage> {
    const users = link === undefined ? this.users : this.changes;
    this.changes = [];
    this.#round += 1;
    return Promise.resolve({ users, deltaLink: `delta:${String(this.#round)}` });
  }

  changes: DirectoryUser[] = [];

  appRoleAssignments(): Promise<readonly AppRoleAssignment[]> {
    if (this.failRoles) return Promise.reject(new Error('403 Authorization_RequestDenied'));
    return Promise.resolve(this.assigned);
  }
}

const user = (id: string, extra: Partial<DirectoryUser> = {}): DirectoryUser => ({
  id,
  displayName: `Person ${id}`,
  mail: `${id}@example.test`,
  jobTitle: 'Officer',
  employeeHireDate: '2020-01-06',
  accountEnabled: true,
  ...extra,
});

let repos: Repositories;
let directory: RoleDirectory;
let deps: DirectorySyncDeps;

beforeEach(async () => {
  repos = inMemoryRepositories();
  directory = new RoleDirectory();
  deps = {
    repos,
    clock: fixedClock('2027-05-10T09:00:00.000Z'),
    directory,
    syncState: new InMemoryDirectorySyncStore(),
    instanceId: 'instance-a',
  };
  await repos.tenants.put(tenant(T));
});

const rolesOf = async (id: string) => (await repos.employees.get(T, id))?.item.orgRoles;

describe('roles from Entra at each directory sync', () => {
  it('gives each person the org roles of their app-role assignments, without their signing in', async () => {
    directory.users = [user('hana'), user('aled'), user('sam')];
    directory.assigned = [
      { userId: 'hana', roles: ['HR'] },
      { userId: 'aled', roles: ['Auditor', 'SeniorManager'] },
      { userId: 'someone-not-synced', roles: ['HR'] },
    ];
    const result = await runDirectorySync(deps, T);
    expect(result.outcome).toBe('completed');
    expect(await rolesOf('hana')).toEqual(['hr']);
    expect(await rolesOf('aled')).toEqual(['auditor', 'senior-manager']);
    expect(await rolesOf('sam')).toEqual([]);
  });

  it('takes off at the next sync a role Entra no longer assigns, and keeps a role given on the record', async () => {
    directory.users = [user('hana')];
    directory.assigned = [{ userId: 'hana', roles: ['HR', 'Admin'] }];
    await runDirectorySync(deps, T);
    const stored = (await repos.employees.get(T, 'hana'))!;
    await repos.employees.update({ ...stored.item, orgRoles: [...stored.item.orgRoles, 'coordinator'] }, stored.etag);

    directory.assigned = [{ userId: 'hana', roles: ['Admin'] }];
    await runDirectorySync(deps, T);
    expect(await rolesOf('hana')).toEqual(['admin', 'coordinator']);

    directory.assigned = [];
    await runDirectorySync(deps, T);
    expect(await rolesOf('hana')).toEqual(['coordinator']);
  });

  it('completes the round and says so when the roles cannot be read, leaving roles as they were', async () => {
    directory.users = [user('hana')];
    directory.assigned = [{ userId: 'hana', roles: ['HR'] }];
    await runDirectorySync(deps, T);
    directory.failRoles = true;
    directory.assigned = [];
    const result = await runDirectorySync(deps, T);
    expect(result.outcome).toBe('completed');
    expect(result.errors.map((e) => e.message).join(' ')).toMatch(/app roles could not be read/);
    expect(await rolesOf('hana')).toEqual(['hr']);
  });

  it('keeps the directory department on the record and follows a change or a clearing of it', async () => {
    directory.users = [user('hana', { department: 'Nursing' }), user('sam')];
    await runDirectorySync(deps, T);
    expect((await repos.employees.get(T, 'hana'))?.item.department).toBe('Nursing');
    expect((await repos.employees.get(T, 'sam'))?.item.department).toBeUndefined();

    directory.changes = [user('hana', { department: 'Midwifery' }), user('sam', { department: 'Estates' })];
    const moved = await runDirectorySync(deps, T);
    expect(moved.counts).toMatchObject({ moved: 0, unchanged: 2 });
    expect((await repos.employees.get(T, 'hana'))?.item.department).toBe('Midwifery');
    expect((await repos.employees.get(T, 'sam'))?.item.department).toBe('Estates');

    directory.changes = [user('hana', { department: null })];
    await runDirectorySync(deps, T);
    expect((await repos.employees.get(T, 'hana'))?.item.department).toBeUndefined();
  });
});
