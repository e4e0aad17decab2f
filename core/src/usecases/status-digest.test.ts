import { describe, expect, it } from 'vitest';
import { inMemoryRepositories } from '@pc/testing/fakes/memory/index.ts';
import { DIGEST_FORMAT, withRecord, digestOf } from '../domain/status-digest.ts';
import { employee, job, record, tenantFor, TENANT_ID } from '../engine/fixtures.test-support.ts';
import { fixedClock } from '../time/clock.ts';
import type { Repositories } from './deps.ts';
import { getTeam } from './people.ts';

const ON = '2027-06-15';
const manager = (id: string) => employee({ id, displayName: id, jobs: [job({ managerIds: [] })] });
const reportOf = (managerId: string) =>
  employee({
    id: 'sam',
    displayName: 'Sam',
    startDate: '2020-01-06',
    jobs: [job({ startDate: '2020-01-06', managerIds: [managerId] })],
  });
const review = record('annual-review', '2027-05-20', 'agreed', {
  employeeId: 'sam',
  id: 'r1',
  updatedAt: '2027-05-20T10:00:00.000Z',
});

const teamOf = async (repos: Repositories, managerId: string) => {
  const deps = { repos, clock: fixedClock(`${ON}T09:00:00.000Z`), newId: () => 'unused' };
  return getTeam(deps, { tenantId: TENANT_ID, userId: managerId, token: 't' }, ON);
};

const organisation = async () => {
  const repos = inMemoryRepositories();
  await repos.tenants.put(tenantFor('cumbria-vip'));
  for (const m of [manager('mgr-1'), manager('mgr-2')]) await repos.employees.create(m);
  await repos.employees.create(reportOf('mgr-1'));
  await repos.conversations.create(review);
  return repos;
};

describe('status digests', () => {
  it('an older write of a record that arrives late never replaces the newer one in the digest', () => {
    const digest = digestOf({ tenantId: TENANT_ID, personId: 'sam', managerIds: ['mgr-1'] }, [review]);
    const earlier = { ...review, status: 'held' as const, updatedAt: '2027-05-20T09:00:00.000Z' };
    expect(withRecord(digest, earlier)).toBeUndefined();
    const later = { ...review, status: 'cancelled' as const, updatedAt: '2027-05-21T09:00:00.000Z' };
    expect(withRecord(digest, later)?.entries).toEqual([]);
  });

  it('a report who moved to another manager appears in the new team with their history, and leaves the old one', async () => {
    const repos = await organisation();
    const before = await teamOf(repos, 'mgr-1');
    const reviewed = (t: typeof before) => t.members.find((m) => m.person.id === 'sam');
    expect(reviewed(before)).toBeDefined();
    const stored = await repos.employees.get(TENANT_ID, 'sam');
    if (stored === undefined) throw new Error('sam missing');
    await repos.employees.update(reportOf('mgr-2'), stored.etag);
    const after = await teamOf(repos, 'mgr-2');
    expect(reviewed(after)).toBeDefined();
    // The same answer as reading every report's records.
    const { statusDigests: _digests, ...fromRecords } = repos;
    expect(after).toEqual(await teamOf(fromRecords, 'mgr-2'));
    expect((await teamOf(repos, 'mgr-1')).members).toEqual([]);
    expect((await repos.statusDigests?.get(TENANT_ID, 'sam'))?.item).toMatchObject({ managerIds: ['mgr-2'] });
  });

  it('a digest of an older format is worked out again from the records when it is read', async () => {
    const repos = await organisation();
    const stored = await repos.statusDigests?.get(TENANT_ID, 'sam');
    if (stored === undefined) throw new Error('no digest');
    const expected = await teamOf(repos, 'mgr-1');
    await repos.statusDigests?.put({ ...stored.item, format: DIGEST_FORMAT - 1, entries: [] }, stored.etag);
    expect(await teamOf(repos, 'mgr-1')).toEqual(expected);
    expect((await repos.statusDigests?.get(TENANT_ID, 'sam'))?.item).toEqual(stored.item);
  });
});
