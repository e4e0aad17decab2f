// Policy 003_6937000bba1c4f49.txt §5.8: pay-step criterion V for line managers, worked out from
// their own colleagues' Career Conversations rather than assumed met.
import { describe, expect, it } from 'vitest';
import type { Employee } from '../domain/people.ts';
import type { DueItem, DueReport } from '../engine/types.ts';
import { payStepDecisionsFor } from './pay-step.ts';

const person = (id: string): Employee => ({
  tenantId: 't',
  id,
  displayName: id,
  email: `${id}@example.test`,
  startDate: '2020-01-06',
  jobs: [],
  leave: [],
  probation: { status: 'passed' },
  managerChanges: [],
  hasOwnPc: true,
  orgRoles: [],
  payStep: { formalCapabilityProcess: false, liveDisciplinarySanction: false, mandatoryTrainingComplete: true },
});
const review = (status: DueItem['status'], completedOn?: string): DueItem => ({
  type: 'annual-review',
  jobIds: [],
  withIds: [],
  dueDate: '2027-04-01',
  windowStart: '2027-03-01',
  status,
  reason: '',
  policyRef: '003',
  ...(completedOn === undefined ? {} : { completedOn }),
});
const report = (id: string, item: DueItem): DueReport => ({
  employeeId: id,
  schemeId: 'somerset-career-conversations',
  on: '2027-05-03',
  items: [item],
});

describe('003 §5.8 pay step: criterion V for line managers', () => {
  const reports = new Map([
    ['mgr', report('mgr', review('completed', '2027-03-20'))],
    ['done', report('done', review('completed', '2027-03-10'))],
    ['late', report('late', review('overdue'))],
  ]);
  const decide = (team: Record<string, string[]>) =>
    payStepDecisionsFor(
      [person('mgr')],
      (id) => reports.get(id),
      (id) => team[id] ?? [],
      '2027-05-03',
    )[0];

  it("defers a line manager while one of their colleagues' Career Conversations is overdue", () => {
    const decision = decide({ mgr: ['done', 'late'] });
    expect(decision?.outstanding).toBe(1);
    expect(decision?.result.eligible).toBe(false);
    if (decision?.result.eligible === false) {
      expect(decision.result.failing.map((f) => f.criterion)).toEqual(['team-reviews-complete']);
    }
  });

  it('lets the step go ahead once every colleague has had theirs, and never applies V to someone without reports', () => {
    expect(decide({ mgr: ['done'] })?.result.eligible).toBe(true);
    expect(decide({})?.result.eligible).toBe(true);
  });
});
