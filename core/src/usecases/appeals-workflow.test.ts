import { describe, expect, it } from 'vitest';
import type { SchemeId } from '../domain/people.ts';
import { employee, job, record, tenantFor, TENANT_ID } from '../engine/fixtures.test-support.ts';
import type { Notice } from '../ports/notices.ts';
import { getAppealWindow, lodgeAppealCase } from './appeals.ts';
import { agreeAppealExtension, proposeAppealExtension } from './appeals-extensions.ts';
import { listAppeals } from './appeals-lists.ts';
import { getAppeal } from './appeals-load.ts';
import { acknowledgeAppeal, decideAppeal, recordAppealHearing } from './appeals-steps.ts';
import type { UseCaseDeps } from './deps.ts';
import { inMemoryRepositories } from '@pc/testing/fakes/memory/index.ts';

// employee-1 → manager-1 → grandparent-1 → director-1; hr-1 is People Services.
const people = [
  employee({ id: 'employee-1' }),
  employee({ id: 'manager-1', displayName: 'Morgan Manager', jobs: [job({ managerIds: ['grandparent-1'] })] }),
  employee({ id: 'grandparent-1', jobs: [job({ managerIds: ['director-1'] })] }),
  employee({ id: 'director-1', jobs: [job({ managerIds: [] })] }),
  employee({ id: 'hr-1', orgRoles: ['hr'], jobs: [job({ managerIds: ['director-1'] })] }),
];
const GROUNDS = 'The documentation does not reflect the year: the Q3 project is missing.';

const setUp = async (scheme: SchemeId, today: string, staffGroups?: ['management-board']) => {
  const repos = inMemoryRepositories();
  await repos.tenants.put(tenantFor(scheme));
  for (const person of people) {
    await repos.employees.create(
      person.id === 'employee-1' && staffGroups !== undefined ? { ...person, staffGroups } : person,
    );
  }
  const review = record('annual-review', '2027-05-04', 'agreed', { id: 'review-1' });
  await repos.conversations.create(review);
  const queued: Notice[] = [];
  let now = `${today}T09:00:00.000Z`;
  const deps: UseCaseDeps = {
    repos,
    clock: { now: () => now, today: () => now.slice(0, 10) },
    newId: () => 'unused',
    notices: {
      queue: (n) => {
        queued.push(n);
        return Promise.resolve(true);
      },
      tabLink: (route) => `https://tab.example/tab/#${route}`,
    },
  };
  const as = (userId: string) => ({ tenantId: TENANT_ID, userId });
  const setToday = (day: string) => {
    now = `${day}T09:00:00.000Z`;
  };
  return { deps, repos, queued, as, setToday };
};

describe('002 Appendix 6 appeal workflow', () => {
  it('002: lodged with the grandparent, heard by their manager with HR, decided within 5 working days, extended by mutual consent', async () => {
    const { deps, queued, as, setToday } = await setUp('bexley-pms', '2027-05-10');
    const { appeal } = await lodgeAppealCase(deps, as('employee-1'), 'employee-1', 'review-1', {
      grounds: GROUNDS,
      representative: 'Ria Rep (UNISON)',
    });
    expect(appeal.item).toMatchObject({
      lodgeWithId: 'grandparent-1',
      hearerId: 'director-1',
      representative: 'Ria Rep (UNISON)',
    });
    // The hearer, the grandparent and HR each get one card linking to the appeal's page, without the grounds.
    expect(queued.map((n) => n.personId).sort()).toEqual(['director-1', 'grandparent-1', 'hr-1']);
    expect(JSON.stringify(queued[0]?.card)).toContain(`/tab/#/appeals/${appeal.item.id}`);
    expect(JSON.stringify(queued)).not.toContain('Q3 project');

    // The managers of the review see that it is under way, never the grounds; the hearer reads them.
    expect((await getAppeal(deps, as('manager-1'), appeal.item.id)).grounds).toBeUndefined();
    const heard = await getAppeal(deps, as('director-1'), appeal.item.id);
    expect(heard.grounds).toBe(GROUNDS);
    expect(heard.may).toMatchObject({ acknowledge: false, recordHearing: true, decide: false, proposeExtension: true });
    const audit = await deps.repos.audit.listForSubject(TENANT_ID, 'employee-1');
    expect(audit.items.map((e) => e.action).sort()).toEqual(['appeal.grounds-read', 'appeal.lodged']);

    // Friday 21 May 2027 hearing → five working days → Friday 28 May (Spring bank holiday is 31 May).
    const withHearing = await recordAppealHearing(
      deps,
      as('hr-1'),
      appeal.item.id,
      { on: '2027-05-21', at: '10:00', hrPresentId: 'hr-1', others: ['Ria Rep (UNISON)'] },
      heard.etag,
    );
    expect(withHearing.deadlines.find((d) => d.step === 'decide')?.by).toBe('2027-05-28');

    // The hearer asks for 3 more working days; the timescale moves only once the appellant agrees.
    const proposed = await proposeAppealExtension(
      deps,
      as('director-1'),
      appeal.item.id,
      { workingDays: 3, reason: 'Further investigation with payroll' },
      withHearing.etag,
    );
    expect(proposed.deadlines.find((d) => d.step === 'decide')?.by).toBe('2027-05-28');
    await expect(
      agreeAppealExtension(deps, as('director-1'), appeal.item.id, 'ext-1', proposed.etag),
    ).rejects.toMatchObject({ code: 'forbidden' });
    const agreed = await agreeAppealExtension(deps, as('employee-1'), appeal.item.id, 'ext-1', proposed.etag);
    // 28 May + 3 working days, skipping Monday 31 May (Spring bank holiday): Thursday 3 June.
    expect(agreed.deadlines.find((d) => d.step === 'decide')?.by).toBe('2027-06-03');

    setToday('2027-05-24');
    await expect(
      decideAppeal(deps, as('hr-1'), appeal.item.id, { outcome: 'upheld', text: 'x' }, agreed.etag),
    ).rejects.toMatchObject({ code: 'forbidden' });
    const decided = await decideAppeal(
      deps,
      as('director-1'),
      appeal.item.id,
      { outcome: 'upheld', text: 'Rating revised to 2.' },
      agreed.etag,
    );
    expect(decided).toMatchObject({ stage: 'decided', final: true, decision: { outcome: 'upheld' } });
    expect((await getAppeal(deps, as('manager-1'), appeal.item.id)).decision?.text).toBeUndefined();
    expect(queued.filter((n) => n.personId === 'employee-1').length).toBe(3);
  });

  it('002 §6 and Appendix 6 §4: a Management Board member is pointed to the separate arrangements', async () => {
    const { deps, as } = await setUp('bexley-pms', '2027-05-10', ['management-board']);
    const window = await getAppealWindow(deps, as('employee-1'), 'employee-1', 'review-1');
    expect(window.allowed).toBe(false);
    expect(window.explanation).toContain('Member Employee Appeals Panel');
    await expect(
      lodgeAppealCase(deps, as('employee-1'), 'employee-1', 'review-1', { grounds: GROUNDS }),
    ).rejects.toMatchObject({ code: 'validation' });
  });
});

describe('003 §5.10 appeal workflow', () => {
  it('003: to the next-in-line manager within 14 calendar days, acknowledged within 7, People Services present, final', async () => {
    const { deps, as, setToday, queued } = await setUp('somerset-career-conversations', '2027-05-18');
    const window = await getAppealWindow(deps, as('employee-1'), 'employee-1', 'review-1');
    expect(window).toMatchObject({ allowed: true, lodgeBy: '2027-05-18', to: 'grandparent-1' });
    await expect(
      lodgeAppealCase(deps, as('employee-1'), 'employee-1', 'review-1', { grounds: GROUNDS, representative: 'Rep' }),
    ).rejects.toMatchObject({ code: 'validation' });
    const { appeal } = await lodgeAppealCase(deps, as('employee-1'), 'employee-1', 'review-1', { grounds: GROUNDS });
    expect(appeal.item).toMatchObject({ hearerId: 'grandparent-1', acknowledgeBy: '2027-05-25' });
    expect(queued.map((n) => n.personId).sort()).toEqual(['grandparent-1', 'hr-1']);

    setToday('2027-05-26');
    const [queue] = await listAppeals(deps, as('hr-1'), { open: true });
    expect(queue?.deadlines).toEqual([
      { step: 'lodge', by: '2027-05-18', doneOn: '2027-05-18', overdue: false },
      { step: 'acknowledge', by: '2027-05-25', overdue: true },
    ]);
    expect(queue).not.toHaveProperty('grounds');
    const { etag } = await getAppeal(deps, as('grandparent-1'), appeal.item.id);
    const acknowledged = await acknowledgeAppeal(deps, as('grandparent-1'), appeal.item.id, etag);
    expect(acknowledged.deadlines[1]).toMatchObject({ doneOn: '2027-05-26', overdue: true });
    expect(acknowledged.may.proposeExtension).toBe(false);

    // People Services "not previously involved": the review's own manager cannot stand in.
    await expect(
      recordAppealHearing(
        deps,
        as('grandparent-1'),
        appeal.item.id,
        { on: '2027-06-01', at: '14:00', hrPresentId: 'manager-1', others: [] },
        acknowledged.etag,
      ),
    ).rejects.toMatchObject({ code: 'validation' });
    const met = await recordAppealHearing(
      deps,
      as('grandparent-1'),
      appeal.item.id,
      { on: '2027-06-01', at: '14:00', hrPresentId: 'hr-1', others: [] },
      acknowledged.etag,
    );
    expect(met.deadlines.map((d) => d.step)).toEqual(['lodge', 'acknowledge']);
    setToday('2027-06-01');
    const decided = await decideAppeal(
      deps,
      as('grandparent-1'),
      appeal.item.id,
      { outcome: 'not-upheld', text: 'The rating stands.' },
      met.etag,
    );
    await expect(
      decideAppeal(deps, as('grandparent-1'), appeal.item.id, { outcome: 'upheld', text: 'x' }, decided.etag),
    ).rejects.toMatchObject({ code: 'conflict' });
  });

  it('003: someone outside the appeal is told it does not exist', async () => {
    const { deps, as } = await setUp('somerset-career-conversations', '2027-05-10');
    const { appeal } = await lodgeAppealCase(deps, as('employee-1'), 'employee-1', 'review-1', { grounds: GROUNDS });
    await expect(getAppeal(deps, as('director-1'), appeal.item.id)).rejects.toMatchObject({ code: 'not-found' });
    expect(await listAppeals(deps, as('director-1'))).toEqual([]);
  });
});
