import { describe, expect, it } from 'vitest';
import { due, employee, job, record } from '../engine/fixtures.test-support.ts';
import { payStepEligibility } from './pay-step.ts';
import { quarterContaining, teamCompliance } from './compliance.ts';

const SOMERSET = 'somerset-career-conversations';
const colleague = (id: string, incrementalDate: string) =>
  employee({ id, startDate: '2020-01-06', incrementalDate, jobs: [job({ startDate: '2020-01-06' })] });
const held = (id: string, date: string) => record('annual-review', date, 'held', { employeeId: id, id: `cc-${id}` });

describe('003 §8 compliance', () => {
  const on = '2027-06-30';
  const quarter = quarterContaining(on);
  const reports = [
    due(SOMERSET, on, colleague('a', '2021-04-15'), [held('a', '2027-04-10')]),
    due(SOMERSET, on, colleague('b', '2021-05-01'), [held('b', '2027-05-20')]),
    due(SOMERSET, on, colleague('c', '2021-06-01')),
    due(SOMERSET, on, colleague('d', '2021-11-01'), [held('d', '2026-10-20')]),
  ];

  it('003: quarters are calendar quarters', () => {
    expect(quarter).toEqual({ from: '2027-04-01', to: '2027-06-30' });
    expect(quarterContaining('2027-11-15')).toEqual({ from: '2027-10-01', to: '2027-12-31' });
  });
  it('003: % of Career Conversations completed on time in the quarter', () => {
    const c = teamCompliance(reports, quarter);
    expect(c).toMatchObject({ reviewsDue: 3, completedOnTime: 1, completedLate: 1, percentOnTime: 33.3 });
  });
  it('003: lists the overdue reviews with who should hold them', () => {
    expect(teamCompliance(reports, quarter).overdue).toEqual([
      { employeeId: 'c', type: 'annual-review', dueDate: '2027-06-01', withIds: ['manager-1'] },
    ]);
  });
  it('003: counts pay-step deferrals', () => {
    const facts = { formalCapabilityProcess: false, liveDisciplinarySanction: false, mandatoryTrainingComplete: true };
    const decisions = [
      payStepEligibility({
        on,
        lastCareerConversationOn: '2027-04-10',
        facts,
        isLineManager: false,
        teamReviewsOutstanding: 0,
      }),
      payStepEligibility({ on, facts, isLineManager: false, teamReviewsOutstanding: 0 }),
    ];
    expect(teamCompliance(reports, { ...quarter, payStep: decisions }).deferralCount).toBe(1);
  });
  it('003: a quarter with nothing due has no percentage rather than 0%', () => {
    expect(teamCompliance(reports, { from: '2027-01-01', to: '2027-01-31' }).percentOnTime).toBeNull();
  });
});
