/**
 * 003_6937000bba1c4f49.txt §6.1: records are kept while the colleague is employed and thereafter
 * sent to People Services for filing and archiving. HR archives leavers; nothing is deleted; each
 * archiving is audited once, however often the run is repeated.
 */
import { describe, expect, it } from 'vitest';
import { employee, job, record, tenantFor, TENANT_ID } from '../engine/fixtures.test-support.ts';
import { fixedClock } from '../time/clock.ts';
import { archiveLeavers } from './retention.ts';
import { inMemoryRepositories } from '@pc/testing/fakes/memory/index.ts';

const as = (userId: string) => ({ tenantId: TENANT_ID, userId, token: 't' });

describe('003 §6.1 leavers’ records archived to People Services', () => {
  it('003: archives only those who have left, keeps their records, audits each once, and is HR’s alone', async () => {
    const repos = inMemoryRepositories();
    await repos.tenants.put(tenantFor('somerset-career-conversations'));
    const people = [
      employee({ id: 'hr-1', displayName: 'Hana HR', orgRoles: ['hr'], jobs: [job({ managerIds: [] })] }),
      employee({ id: 'manager-1', displayName: 'Max Manager', jobs: [job({ managerIds: [] })] }),
      employee({ id: 'employee-1', displayName: 'Lee Leaver', leftOn: '2027-04-30' }),
      employee({ id: 'employee-2', displayName: 'Nat Leaving', leftOn: '2027-06-30' }),
    ];
    for (const p of people) await repos.employees.create(p);
    await repos.conversations.create(record('annual-review', '2027-01-10', 'agreed'));
    const deps = { repos, clock: fixedClock('2027-05-03T09:00:00.000Z'), newId: () => 'unused' };

    await expect(archiveLeavers(deps, as('manager-1'))).rejects.toMatchObject({ code: 'forbidden' });
    expect((await archiveLeavers(deps, as('hr-1'), false)).inKeeping).toEqual([]);
    const run = await archiveLeavers(deps, as('hr-1'));
    expect(run.rule).toContain('003 §6.1');
    expect(run.archived).toEqual([{ personId: 'employee-1', displayName: 'Lee Leaver', leftOn: '2027-04-30' }]);
    expect(run.inKeeping).toEqual([
      {
        personId: 'employee-1',
        displayName: 'Lee Leaver',
        archive: { archivedOn: '2027-05-03', keepUntil: '2033-05-03' },
      },
    ]);
    // Nothing is deleted: the leaver's record is still there.
    expect(
      await repos.conversations.get(TENANT_ID, 'employee-1', 'conv-annual-review-2027-01-10-agreed'),
    ).toBeDefined();
    expect((await archiveLeavers(deps, as('hr-1'))).archived).toEqual([]);
    const events = (await repos.audit.listForSubject(TENANT_ID, 'employee-1')).items;
    expect(events.filter((e) => e.action === 'record.archived')).toHaveLength(1);
    expect((await repos.audit.listForSubject(TENANT_ID, 'employee-2')).items).toEqual([]);
  });
});
