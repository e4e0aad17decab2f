// "Sync now" for a large organisation: the request answers while the round is still going (the
// admin page then follows it), and the round carries on to the end after the answer.
import { InMemoryDirectorySyncStore, inMemoryRepositories } from '@pc/testing/fakes/memory/index.ts';
import { employee, tenant } from '@pc/testing/contracts/fixtures.ts';
import { beforeEach, describe, expect, it } from 'vitest';
import type { DirectoryPage, DirectorySource, DirectoryUser } from '../ports/directory.ts';
import type { TenantAdminServices } from '../ports/tenant-admin.ts';
import { fixedClock } from '../time/clock.ts';
import type { Repositories, UseCaseDeps } from './deps.ts';
import { adminSyncNow, adminSyncStatus } from './tenant-admin.ts';

const T = 'tenant-large';
const admin = { tenantId: T, userId: 'ida' };

const user = (id: string, displayName: string): DirectoryUser => ({
  id,
  displayName,
  mail: `${id}@example.test`,
  jobTitle: 'Officer',
  employeeHireDate: '2020-01-06',
  accountEnabled: true,
});

/** Two pages; the second waits until the test lets it go, as a slow Graph would. */
class SlowDirectory implements DirectorySource {
  #release: (() => void) | undefined;
  readonly #gate = new Promise<void>((resolve) => {
    this.#release = resolve;
  });

  release(): void {
    this.#release?.();
  }

  async page(_tenantId: string, link?: string): Promise<DirectoryPage> {
    if (link === undefined) return { users: [user('p1', 'Person One')], nextLink: 'page-2' };
    await this.#gate;
    return { users: [user('p2', 'Person Two')], deltaLink: 'delta-1' };
  }
}

let repos: Repositories;
let directory: SlowDirectory;

const depsWith = (syncAnswerWithinMs: number | undefined): UseCaseDeps => {
  const services = {
    syncState: new InMemoryDirectorySyncStore(),
    directory,
    instanceId: 'instance-a',
    authorityHost: 'https://login.example.test',
    ...(syncAnswerWithinMs === undefined ? {} : { syncAnswerWithinMs }),
  } as Partial<TenantAdminServices> as TenantAdminServices;
  let n = 0;
  const newId = (): string => `id-${String((n += 1))}`;
  return { repos, clock: fixedClock('2027-05-10T09:00:00.000Z'), newId, admin: services };
};

beforeEach(async () => {
  repos = inMemoryRepositories();
  directory = new SlowDirectory();
  await repos.tenants.put(tenant(T));
  await repos.employees.create(employee(T, 'ida', { displayName: 'Ida Admin', orgRoles: ['admin'] }));
});

describe('sync now for a large organisation', () => {
  it('answers with the round running, which then finishes on its own', async () => {
    const deps = depsWith(50);
    const answer = await adminSyncNow(deps, admin);
    expect(answer.running).toBe(true);
    expect(answer.state?.current?.pages).toBe(1);
    expect((await repos.employees.get(T, 'p1'))?.item.displayName).toBe('Person One');
    expect(await repos.employees.get(T, 'p2')).toBeUndefined();

    directory.release();
    await expect
      .poll(async () => (await adminSyncStatus(deps, admin)).state?.lastRun?.outcome, { timeout: 5_000 })
      .toBe('completed');
    const after = await adminSyncStatus(deps, admin);
    expect(after.running).toBe(false);
    expect(after.state?.deltaLink).toBe('delta-1');
    const audited = await repos.audit.listForSubject(T, 'organisation', {});
    expect(audited.items.map((e) => e.action)).toEqual(['admin.sync']);
    expect((await repos.employees.get(T, 'p2'))?.item.displayName).toBe('Person Two');
  });

  it('answers with the finished round when it ends in time', async () => {
    const deps = depsWith(5_000);
    setTimeout(() => {
      directory.release();
    }, 20);
    const answer = await adminSyncNow(deps, admin);
    expect(answer.running).toBe(false);
    expect(answer.state?.lastRun).toMatchObject({ outcome: 'completed', pages: 2 });
  });
});
