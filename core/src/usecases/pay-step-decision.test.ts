/**
 * 003_6937000bba1c4f49.txt §5.8: the pay-step decision against points I–V, with the facts People
 * Services enter; a deferral names the criteria not met and carries a plan with review dates; a
 * step applied after a deferral takes effect from that day, not backdated; every step audited.
 */
import { describe, expect, it } from 'vitest';
import { employee, job, record, tenantFor, TENANT_ID } from '../engine/fixtures.test-support.ts';
import { fixedClock } from '../time/clock.ts';
import { decidePayStep, getPayStep, recordPayStepFacts } from './pay-step-decision.ts';
import { inMemoryRepositories } from '@pc/testing/fakes/memory/index.ts';

const as = (userId: string) => ({ tenantId: TENANT_ID, userId, token: 't' });
const TODAY = '2027-05-03';

const setUp = async () => {
  const repos = inMemoryRepositories();
  await repos.tenants.put(tenantFor('somerset-career-conversations'));
  const people = [
    employee({ id: 'manager-1', displayName: 'Max Manager', jobs: [job({ managerIds: ['head-1'] })] }),
    employee({ id: 'hr-1', displayName: 'Hana HR', orgRoles: ['hr'], jobs: [job({ managerIds: ['head-1'] })] }),
    employee({ id: 'employee-1', displayName: 'Eli Colleague', incrementalDate: '2024-05-10' }),
    employee({ id: 'other-1', displayName: 'Ola Other', jobs: [job({ managerIds: ['head-1'] })] }),
  ];
  for (const p of people) await repos.employees.create(p);
  await repos.conversations.create(
    record('annual-review', '2027-04-28', 'agreed', {
      agreement: { employeeAgreedAt: '2027-04-28T10:00:00Z', managerAgreedAt: '2027-04-28T10:00:00Z' },
    }),
  );
  let n = 0;
  const deps = { repos, clock: fixedClock(`${TODAY}T09:00:00.000Z`), newId: () => `id-${String((n += 1))}` };
  return { repos, deps };
};

describe('003 §5.8 pay-step decision', () => {
  it('003: the manager sees points I–V; nothing can be decided until People Services enter the facts', async () => {
    const { deps } = await setUp();
    const view = await getPayStep(deps, as('manager-1'), 'employee-1');
    expect(view.payStepDate).toBe('2027-05-10');
    expect(view.criteria.map((c) => [c.point, c.state])).toEqual([
      ['I', 'met'],
      ['II', 'met'],
      ['III', 'met'],
      ['IV', 'not-met'],
      ['V', 'not-applicable'],
    ]);
    expect(view).toMatchObject({ factsRecorded: false, eligible: false, mayEnterFacts: false });
    await expect(
      decidePayStep(deps, as('manager-1'), 'employee-1', view.etag, { outcome: 'applied' }),
    ).rejects.toMatchObject({ code: 'validation' });
    await expect(
      recordPayStepFacts(deps, as('manager-1'), 'employee-1', view.etag, {
        formalCapabilityProcess: false,
        liveDisciplinarySanction: false,
        mandatoryTrainingComplete: true,
      }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    // Someone outside the line and People Services sees nothing of it.
    await expect(getPayStep(deps, as('other-1'), 'employee-1')).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('003: deferred with the criteria not met and a plan; applied on completion from that day, not backdated', async () => {
    const { deps, repos } = await setUp();
    const first = await getPayStep(deps, as('hr-1'), 'employee-1');
    expect(first.mayEnterFacts).toBe(true);
    const facts = { formalCapabilityProcess: false, liveDisciplinarySanction: false, mandatoryTrainingComplete: false };
    const entered = await recordPayStepFacts(deps, as('hr-1'), 'employee-1', first.etag, facts);
    const view = await getPayStep(deps, as('manager-1'), 'employee-1');
    expect(view).toMatchObject({ factsRecorded: true, eligible: false });
    await expect(
      decidePayStep(deps, as('manager-1'), 'employee-1', entered.etag, { outcome: 'applied' }),
    ).rejects.toMatchObject({ code: 'validation' });
    const plan = { outcome: 'deferred' as const, timescales: 'Complete the four outstanding modules by June.' };
    await expect(
      decidePayStep(deps, as('manager-1'), 'employee-1', entered.etag, { ...plan, reviewDates: ['2027-05-01'] }),
    ).rejects.toMatchObject({ code: 'validation' });
    const deferred = await decidePayStep(deps, as('manager-1'), 'employee-1', entered.etag, {
      ...plan,
      reviewDates: ['2027-06-14'],
    });
    expect(deferred.item.payStep?.decision).toMatchObject({
      outcome: 'deferred',
      reasons: ['IV: Statutory or mandatory training is not complete.'],
    });
    expect(deferred.item.payStep?.deferralPlan).toMatchObject({ agreedOn: TODAY, reviewDates: ['2027-06-14'] });

    // Training done in June: HR records it and the manager applies the step from that day.
    const june = { ...deps, clock: fixedClock('2027-06-20T09:00:00.000Z') };
    const trained = await recordPayStepFacts(june, as('hr-1'), 'employee-1', deferred.etag, {
      ...facts,
      mandatoryTrainingComplete: true,
    });
    const applied = await decidePayStep(june, as('manager-1'), 'employee-1', trained.etag, { outcome: 'applied' });
    expect(applied.item.payStep?.decision).toMatchObject({ outcome: 'applied', effectiveFrom: '2027-06-20' });
    expect(applied.item.payStep?.deferralPlan?.completedOn).toBe('2027-06-20');
    const actions = (await repos.audit.listForSubject(TENANT_ID, 'employee-1')).items.map((e) => e.action);
    expect(actions.filter((a) => a === 'pay-step.facts')).toHaveLength(2);
    expect(actions.filter((a) => a === 'pay-step.decided')).toHaveLength(2);
  });
});
