import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DeferralPlan } from '../domain/people.ts';
import { fromUtcDate } from '../time/dates.ts';
import { due, employee, itemsOf, record } from './fixtures.test-support.ts';

const SOMERSET = 'somerset-career-conversations';
const facts = { formalCapabilityProcess: false, liveDisciplinarySanction: false, mandatoryTrainingComplete: true };
const deferred = (plan: DeferralPlan) =>
  employee({ startDate: '2020-09-14', incrementalDate: '2021-04-01', payStep: { ...facts, deferralPlan: plan } });
const plan: DeferralPlan = { agreedOn: '2027-04-10', reviewDates: ['2027-05-10', '2027-06-10', '2027-07-12'] };
const planReviews = (on: string, history = [record('annual-review', '2027-04-01')], p = plan) =>
  itemsOf(due(SOMERSET, on, deferred(p), history), 'regular').filter((i) => i.policyRef === '003 §5.8');

describe('003 Somerset: reviews of a pay-step deferral plan', () => {
  it('003 §5.8: the next agreed review date is shown, and no later ones yet', () => {
    expect(planReviews('2027-04-20').map((i) => [i.dueDate, i.status])).toEqual([['2027-05-10', 'upcoming']]);
    expect(planReviews('2027-05-05')[0]?.status).toBe('due');
  });
  it('003 §5.8: a supervision held by a review date covers it; a missed one stays overdue', () => {
    const history = [record('annual-review', '2027-04-01'), record('regular', '2027-05-08')];
    expect(planReviews('2027-06-20', history).map((i) => [i.dueDate, i.status, i.completedOn])).toEqual([
      ['2027-05-10', 'completed', '2027-05-08'],
      ['2027-06-10', 'overdue', undefined],
      ['2027-07-12', 'upcoming', undefined],
    ]);
  });
  it('003 §5.8: once the plan is completed and the increment applied, no reviews remain', () => {
    expect(planReviews('2027-06-20', undefined, { ...plan, completedOn: '2027-06-15' })).toEqual([]);
  });
  it('003 §5.8: people without a deferral plan have no plan reviews', () => {
    const colleague = employee({ startDate: '2020-09-14', incrementalDate: '2021-04-01', payStep: facts });
    expect(itemsOf(due(SOMERSET, '2027-05-05', colleague), 'regular').map((i) => i.policyRef)).toEqual(['003 §3.2']);
  });
  it('003 §5.8: for any agreed review dates, at most one review ahead is shown and the windows are never reversed', () => {
    const arbDate = fc
      .date({ min: new Date('2027-04-11T00:00:00Z'), max: new Date('2028-12-31T00:00:00Z'), noInvalidDate: true })
      .map(fromUtcDate);
    fc.assert(
      fc.property(fc.array(arbDate, { minLength: 1, maxLength: 6 }), arbDate, (reviewDates, on) => {
        const items = planReviews(on, [], { agreedOn: '2027-04-10', reviewDates });
        expect(items.filter((i) => i.dueDate > on).length).toBeLessThanOrEqual(1);
        for (const i of items) expect(i.windowStart <= i.dueDate).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
