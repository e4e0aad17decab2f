// Directory sync over the in-memory stores: joiners, movers and leavers from pages of directory
// changes, with the round's place kept so a stop between pages resumes without re-reading.
import { InMemoryDirectorySyncStore, inMemoryRepositories } from '@pc/testing/fakes/memory/index.ts';
import { tenant } from '@pc/testing/contracts/fixtures.ts';
import { beforeEach, describe, expect, it } from 'vitest';
import { dueConversations } from '../engine/due.ts';
import { isAppError } from '../errors.ts';
import type { DirectoryPage, DirectorySource, DirectoryUser } from '../ports/directory.ts';
import type { SchemeId } from '../domain/people.ts';
import { fixedClock } from '../time/clock.ts';
import type { Repositories } from './deps.ts';
import { runDirectorySync, type DirectorySyncDeps } from './directory-sync.ts';

const T = 'tenant-sync';
const TODAY = '2027-05-10';

/** A directory whose rounds are lists of pages; links name the round and page. */
class ScriptedDirectory implements DirectorySource {
  readonly rounds: DirectoryUser[][][] = [];
  readonly reads: (string | undefined)[] = [];
  failOn: string | undefined;

  page(_tenantId: string, link?: string): Promise<DirectoryPage> {
    this.reads.push(link);
    if (link !== undefined && link === this.failOn) return Promise.reject(new Error('connection reset'));
    const [round, index] = link === undefined ? [0, 0] : link.split(':').slice(1).map(Number);
    const pages = this.rounds[round ?? 0] ?? [];
    const users = pages[index ?? 0] ?? [];
    const last = (index ?? 0) + 1 >= pages.length;
    return Promise.resolve({
      users,
      ...(last
        ? { deltaLink: `delta:${String((round ?? 0) + 1)}:0` }
        : { nextLink: `next:${String(round)}:${String((index ?? 0) + 1)}` }),
    });
  }
}

const user = (id: string, extra: Partial<DirectoryUser> = {}): DirectoryUser => ({
  id,
  displayName: `Person ${id}`,
  mail: `${id}@example.test`,
  jobTitle: 'Officer',
  employeeHireDate: '2020-01-06',
  accountEnabled: true,
  managerId: 'boss',
  ...extra,
});

let repos: Repositories;
let directory: ScriptedDirectory;
let deps: DirectorySyncDeps;

const setUp = async (schemeId: SchemeId = 'cumbria-vip', today = TODAY): Promise<void> => {
  repos = inMemoryRepositories();
  directory = new ScriptedDirectory();
  deps = {
    repos,
    clock: fixedClock(`${today}T09:00:00.000Z`),
    directory,
    syncState: new InMemoryDirectorySyncStore(),
    instanceId: 'instance-a',
  };
  await repos.tenants.put(tenant(T, { schemeId }));
};

beforeEach(() => setUp());

const stored = async (id: string) => (await repos.employees.get(T, id))?.item;

describe('directory sync', () => {
  it('brings every joiner in with their manager, start date and the scheme probation, then stores the delta link', async () => {
    await setUp('bexley-pms');
    directory.rounds.push([
      [user('boss', { managerId: null }), user('a')],
      [user('new', { employeeHireDate: '2027-03-01T00:00:00Z' })],
    ]);
    const result = await runDirectorySync(deps, T);
    expect(result).toMatchObject({ outcome: 'completed', pages: 2, counts: { joined: 3, failed: 0 } });
    expect(await stored('a')).toMatchObject({ startDate: '2020-01-06', probation: { status: 'none' } });
    expect((await stored('a'))?.jobs[0]).toMatchObject({ title: 'Officer', managerIds: ['boss'], isMain: true });
    // 002 §5: six months of probation from the hire date.
    expect((await stored('new'))?.probation).toEqual({ status: 'in-probation', endDate: '2027-09-01' });
    expect((await deps.syncState.get(T))?.item).toMatchObject({
      deltaLink: 'delta:1:0',
      lastRun: { outcome: 'completed' },
    });
    expect((await deps.syncState.get(T))?.item.resumeLink).toBeUndefined();
  });

  it('changes nothing when the same pages are applied again', async () => {
    directory.rounds.push(
      [[user('boss', { managerId: null }), user('a')]],
      [[user('boss', { managerId: null }), user('a')]],
    );
    await runDirectorySync(deps, T);
    const before = await repos.employees.get(T, 'a');
    const again = await runDirectorySync(deps, T);
    expect(again.counts).toEqual({ joined: 0, moved: 0, left: 0, unchanged: 2, failed: 0 });
    expect((await repos.employees.get(T, 'a'))?.etag).toBe(before?.etag);
  });

  it('turns a new line manager into a transfer with the 000 handover due, and archives a leaver without deleting them', async () => {
    directory.rounds.push([[user('boss'), user('other'), user('a'), user('b')]]);
    directory.rounds.push([[user('a', { managerId: 'other' }), user('b', { accountEnabled: false })]]);
    await runDirectorySync(deps, T);
    const result = await runDirectorySync(deps, T);
    expect(result.counts).toMatchObject({ moved: 1, left: 1 });
    const a = await stored('a');
    expect(a?.managerChanges).toEqual([{ jobId: 'main', previousManagerId: 'boss', newManagerId: 'other', on: TODAY }]);
    const due = dueConversations({ tenant: tenant(T), employee: a!, history: [], on: TODAY });
    expect(due.items.find((i) => i.type === 'handover')).toMatchObject({ withIds: ['boss', 'other'] });
    expect(await stored('b')).toMatchObject({ leftOn: TODAY, displayName: 'Person b' });
  });

  it('gives a colleague appointed to a new post an induction under 003', async () => {
    await setUp('somerset-career-conversations');
    directory.rounds.push([[user('boss'), user('a')]], [[user('a', { jobTitle: 'Senior Officer' })]]);
    await runDirectorySync(deps, T);
    await runDirectorySync(deps, T);
    const a = await stored('a');
    expect(a?.jobs.find((j) => j.isMain)).toMatchObject({ title: 'Senior Officer', startDate: TODAY });
    const due = dueConversations({
      tenant: tenant(T, { schemeId: 'somerset-career-conversations' }),
      employee: a!,
      history: [],
      on: TODAY,
    });
    expect(due.items.find((i) => i.type === 'induction')?.reason).toContain('Senior Officer');
  });

  it('resumes a round that stopped between pages at the page it stopped on, keeping the old delta link until the end', async () => {
    directory.rounds.push([[user('boss'), user('a')], [user('b')], [user('c')]]);
    directory.failOn = 'next:0:2';
    const failed = await runDirectorySync(deps, T);
    expect(failed).toMatchObject({ outcome: 'failed', pages: 2, counts: { joined: 3 } });
    expect((await deps.syncState.get(T))?.item).toMatchObject({ resumeLink: 'next:0:2' });
    expect((await deps.syncState.get(T))?.item.deltaLink).toBeUndefined();
    expect(await stored('c')).toBeUndefined();

    directory.failOn = undefined;
    directory.reads.length = 0;
    const resumed = await runDirectorySync(deps, T);
    expect(directory.reads).toEqual(['next:0:2']);
    expect(resumed).toMatchObject({ outcome: 'completed', pages: 3, counts: { joined: 4 } });
    expect(await stored('c')).toBeDefined();
  });

  it('refuses a second instance while the first holds the tenant, and names what is missing for a person it cannot add', async () => {
    directory.rounds.push([[user('boss'), { id: 'nameless', accountEnabled: true }]]);
    const result = await runDirectorySync(deps, T);
    expect(result.counts.failed).toBe(1);
    expect(result.errors).toEqual([
      { userId: 'nameless', message: 'The directory gave no name or mail for this person.' },
    ]);

    const state = (await deps.syncState.get(T))!;
    await deps.syncState.update(
      { ...state.item, leaseOwner: 'instance-b', leaseUntil: '2027-05-10T09:05:00.000Z' },
      state.etag,
    );
    const refused = await runDirectorySync(deps, T).catch((error: unknown) => error);
    expect(isAppError(refused) && refused.code).toBe('conflict');
  });
});
