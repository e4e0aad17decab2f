/**
 * 003_6937000bba1c4f49.txt §6.1: records are kept while the colleague is employed and thereafter
 * sent to People Services for filing and archiving. The policy sets no keeping period, so the
 * organisation's setting (else the default) applies; it says nothing of destruction, so nothing is
 * deleted: a record whose period is over is marked for HR. Each step is audited once.
 */
import { describe, expect, it } from 'vitest';
import { SCHEME_IDS } from '../domain/people.ts';
import type { TenantSettings } from '../domain/tenant-settings.ts';
import { employee, job, record, tenantFor, TENANT_ID } from '../engine/fixtures.test-support.ts';
import { retentionPeriodFor } from '../scheme/organisation-settings.ts';
import { getSchemePack } from '../scheme/packs/index.ts';
import { fixedClock } from '../time/clock.ts';
import { archiveLeavers } from './retention.ts';
import { RETENTION_JOB_ACTOR, runRetention } from './retention-run.ts';
import { inMemoryRepositories } from '@pc/testing/fakes/memory/index.ts';
import { countedRepositories, operationCounter } from '@pc/testing/fakes/memory/counting.ts';

const as = (userId: string) => ({ tenantId: TENANT_ID, userId, token: 't' });
const SOMERSET = tenantFor('somerset-career-conversations');

const settings = (retentionKeepYears: number): TenantSettings => ({
  version: 3,
  updatedAt: '2027-04-01T09:00:00.000Z',
  updatedBy: 'admin-1',
  updatedByName: 'Ada Admin',
  changed: ['scheme.retentionKeepYears'],
  quietHours: { start: '19:00', end: '08:00', days: [6, 7] },
  checkinEveryWeeks: 1,
  roleGroups: {},
  scheme: { retentionKeepYears },
});

const organisation = async (tenant = SOMERSET) => {
  const repos = inMemoryRepositories();
  await repos.tenants.put(tenant);
  const people = [
    employee({ id: 'hr-1', displayName: 'Hana HR', orgRoles: ['hr'], jobs: [job({ managerIds: [] })] }),
    employee({ id: 'manager-1', displayName: 'Max Manager', jobs: [job({ managerIds: [] })] }),
    employee({ id: 'employee-1', displayName: 'Lee Leaver', leftOn: '2027-04-30' }),
    employee({ id: 'employee-2', displayName: 'Nat Leaving', leftOn: '2027-06-30' }),
    employee({ id: 'employee-3', displayName: 'Olu Older', leftOn: '2020-01-31' }),
  ];
  for (const p of people) await repos.employees.create(p);
  // Olu's records went to keeping in 2020 for six years, which ended in February 2026.
  const olu = await repos.employees.get(TENANT_ID, 'employee-3');
  if (olu === undefined) throw new Error('seeded above');
  await repos.employees.update(
    { ...olu.item, archive: { archivedOn: '2020-02-01', keepUntil: '2026-02-01' } },
    olu.etag,
  );
  await repos.conversations.create(record('annual-review', '2027-01-10', 'agreed'));
  return { repos, clock: fixedClock('2027-05-03T09:00:00.000Z'), newId: () => 'unused' };
};

const eventsFor = async (deps: Awaited<ReturnType<typeof organisation>>, personId: string) =>
  (await deps.repos.audit.listForSubject(TENANT_ID, personId)).items.map((e) => `${e.action} by ${e.actorId}`);

describe('003 §6.1 leavers’ records archived to People Services', () => {
  it('003: HR sees who is waiting, archives them for the default period, keeps their records, each audited once', async () => {
    const deps = await organisation();
    await expect(archiveLeavers(deps, as('manager-1'))).rejects.toMatchObject({ code: 'forbidden' });
    const before = await archiveLeavers(deps, as('hr-1'), false);
    expect(before.rule).toContain('003 §6.1');
    expect(before.archivedTo).toBe('People Services');
    expect(before.waiting).toEqual([{ personId: 'employee-1', displayName: 'Lee Leaver', leftOn: '2027-04-30' }]);
    expect(before.period).toMatchObject({ keepYears: 6, source: 'default' });
    expect(before.period.explained).toContain('the policy sets no period');

    const run = await archiveLeavers(deps, as('hr-1'));
    expect(run.archived).toEqual([{ personId: 'employee-1', displayName: 'Lee Leaver', leftOn: '2027-04-30' }]);
    expect(run.waiting).toEqual([]);
    expect(run.inKeeping[0]).toEqual({
      personId: 'employee-1',
      displayName: 'Lee Leaver',
      archive: { archivedOn: '2027-05-03', keepUntil: '2033-05-03' },
    });
    expect(
      await deps.repos.conversations.get(TENANT_ID, 'employee-1', 'conv-annual-review-2027-01-10-agreed'),
    ).toBeDefined();
    expect((await archiveLeavers(deps, as('hr-1'))).archived).toEqual([]);
    expect(await eventsFor(deps, 'employee-1')).toEqual(['record.archived by hr-1']);
    expect(await eventsFor(deps, 'employee-2')).toEqual([]);
  });

  it('003: the organisation’s keeping period from its settings sets the date, and the section says where it came from', async () => {
    const deps = await organisation({ ...SOMERSET, settings: settings(10) });
    const run = await archiveLeavers(deps, as('hr-1'));
    expect(run.period).toMatchObject({ keepYears: 10, source: 'organisation', setIn: 'settings version 3' });
    expect(run.period.explained).toBe(
      '10 years, as your organisation chose in its settings (settings version 3); the policy sets no period.',
    );
    expect(run.inKeeping.find((p) => p.personId === 'employee-1')?.archive.keepUntil).toBe('2037-05-03');
  });

  it('a keeping period a policy sets wins over the organisation’s; none of the five policies (000–004) sets one', () => {
    for (const id of SCHEME_IDS) expect(getSchemePack(id).retention?.keepYears).toBeUndefined();
    const somerset = getSchemePack('somerset-career-conversations');
    if (somerset.retention === undefined) throw new Error('003 §6.1 has a retention rule');
    const withPeriod = { ...somerset, retention: { ...somerset.retention, keepYears: 8 } };
    expect(retentionPeriodFor(withPeriod, settings(10))).toEqual({ keepYears: 8, source: 'policy', setIn: '003 §6.1' });
    expect(retentionPeriodFor(somerset, settings(10))).toMatchObject({ keepYears: 10, source: 'organisation' });
    expect(retentionPeriodFor(somerset, undefined)).toEqual({ keepYears: 6, source: 'default' });
  });

  it('003: two runs at once archive each leaver once and mark an ended period once, deleting nothing', async () => {
    const deps = await organisation();
    const [a, b] = await Promise.all([
      runRetention(deps, SOMERSET, RETENTION_JOB_ACTOR),
      runRetention(deps, SOMERSET, RETENTION_JOB_ACTOR),
    ]);
    expect([...a.archived, ...b.archived].map((x) => x.personId)).toEqual(['employee-1']);
    expect([...a.keepingEnded, ...b.keepingEnded]).toEqual([{ personId: 'employee-3', keepUntil: '2026-02-01' }]);
    expect(await eventsFor(deps, 'employee-1')).toEqual(['record.archived by retention-job']);
    expect(await eventsFor(deps, 'employee-3')).toEqual(['record.keeping-ended by retention-job']);
    const olu = await deps.repos.employees.get(TENANT_ID, 'employee-3');
    expect(olu?.item.archive).toEqual({
      archivedOn: '2020-02-01',
      keepUntil: '2026-02-01',
      keepingEndedOn: '2027-05-03',
    });
    const again = await runRetention(deps, SOMERSET, RETENTION_JOB_ACTOR);
    expect(again).toEqual({ archived: [], keepingEnded: [] });
  });

  it('the daily run reads the whole directory in one listing, not a page of 100 people at a time', async () => {
    const deps = await organisation();
    for (let i = 0; i < 250; i += 1) await deps.repos.employees.create(employee({ id: `stayer-${String(i)}` }));
    await runRetention(deps, SOMERSET, RETENTION_JOB_ACTOR);
    // Nobody left since: the run only reads.
    const counter = operationCounter();
    const counted = { ...deps, repos: countedRepositories(deps.repos, counter) };
    expect(await runRetention(counted, SOMERSET, RETENTION_JOB_ACTOR)).toEqual({ archived: [], keepingEnded: [] });
    expect(counter.count()).toBe(1);
  });
});
