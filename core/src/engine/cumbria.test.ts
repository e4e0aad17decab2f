import { describe, expect, it } from 'vitest';
import { due, employee, itemsOf, job, only, record } from './fixtures.test-support.ts';

const VIP = 'cumbria-vip';

describe('000 Cumbria: VIP Summary Appraisal scheduling', () => {
  it('000: a new starter’s first appraisal is due 12 months after the start date', () => {
    const item = only(due(VIP, '2025-11-01'), 'annual-review');
    expect(item).toMatchObject({ dueDate: '2026-01-06', windowStart: '2025-12-09', status: 'upcoming' });
    expect(item.policyRef).toBe('000 Appendix 1');
    expect(item.reason).toContain('12 months after you started');
  });
  it('000: the appraisal is due in the four weeks before the anniversary and overdue after it', () => {
    expect(only(due(VIP, '2025-12-20'), 'annual-review').status).toBe('due');
    expect(only(due(VIP, '2026-01-06'), 'annual-review').status).toBe('due');
    expect(only(due(VIP, '2026-01-07'), 'annual-review').status).toBe('overdue');
  });
  it('000: probation concludes before the first appraisal', () => {
    const starter = employee({ probation: { status: 'extended', endDate: '2026-03-31' } });
    const item = only(due(VIP, '2026-01-20', starter), 'annual-review');
    expect(item).toMatchObject({ dueDate: '2026-03-31', status: 'upcoming' });
    expect(item.reason).toContain('probation');
  });
  it('000: with probation still open and no end date, the first appraisal waits', () => {
    const starter = employee({ probation: { status: 'in-probation' } });
    const item = only(due(VIP, '2026-02-01', starter), 'annual-review');
    expect(item.status).toBe('suppressed');
    expect(item.reason).toContain('probation concludes');
  });
  it('000: a probation that ends before 12 months does not bring the appraisal forward', () => {
    const starter = employee({ probation: { status: 'in-probation', endDate: '2025-07-06' } });
    expect(only(due(VIP, '2025-11-01', starter), 'annual-review').dueDate).toBe('2026-01-06');
  });
  it('000: rolling 12 months — a held appraisal completes the cycle and sets the next due date', () => {
    const history = [record('annual-review', '2026-01-10')];
    const item = only(due(VIP, '2026-03-01', employee(), history), 'annual-review');
    expect(item).toMatchObject({ status: 'completed', completedOn: '2026-01-10', dueDate: '2026-01-06' });
    expect(item.reason).toContain('next is due by 10 January 2027');
    expect(only(due(VIP, '2026-12-20', employee(), history), 'annual-review')).toMatchObject({
      status: 'due',
      dueDate: '2027-01-10',
    });
  });
  it('000: an appraisal agreed counts as completed too', () => {
    const history = [record('annual-review', '2026-01-10', 'agreed')];
    expect(only(due(VIP, '2026-03-01', employee(), history), 'annual-review').status).toBe('completed');
  });
  it('000: booked and cancelled appraisals do not complete the cycle; the booking is shown', () => {
    const history = [
      record('annual-review', '2026-01-05', 'cancelled'),
      record('annual-review', '2026-01-20', 'booked'),
    ];
    const item = only(due(VIP, '2026-01-10', employee(), history), 'annual-review');
    expect(item.status).toBe('overdue');
    expect(item.bookedFor).toBe('2026-01-20');
  });
  it('000: an appraisal falling due during maternity leave is due within 3 months of return and looks forward', () => {
    const onLeave = employee({ leave: [{ kind: 'maternity', start: '2025-09-01', end: '2026-06-30' }] });
    const item = only(due(VIP, '2026-07-15', onLeave), 'annual-review');
    expect(item).toMatchObject({
      windowStart: '2026-07-01',
      dueDate: '2026-09-30',
      status: 'due',
      forwardLooking: true,
    });
    expect(item.reason).toContain('within 3 months of your return');
    expect(only(due(VIP, '2026-10-01', onLeave), 'annual-review').status).toBe('overdue');
  });
  it('000: while the employee is still on long leave the appraisal is not chased', () => {
    const onLeave = employee({ leave: [{ kind: 'sickness', start: '2025-11-01' }] });
    const item = only(due(VIP, '2026-02-01', onLeave), 'annual-review');
    expect(item.status).toBe('suppressed');
    expect(item.reason).toContain('on leave');
  });
  it('000: a short absence over the due date does not move the appraisal', () => {
    const away = employee({ leave: [{ kind: 'other', start: '2026-01-01', end: '2026-01-14' }] });
    const item = only(due(VIP, '2026-01-20', away), 'annual-review');
    expect(item).toMatchObject({ dueDate: '2026-01-06', status: 'overdue' });
    expect(item.forwardLooking).toBeUndefined();
  });
  it('000: an internal transfer keeps the 12-month appraisal and owes a handover between managers', () => {
    const moved = employee({
      jobs: [job({ managerIds: ['manager-2'] })],
      managerChanges: [{ jobId: 'job-1', previousManagerId: 'manager-1', newManagerId: 'manager-2', on: '2025-10-01' }],
    });
    const report = due(VIP, '2025-10-10', moved);
    expect(only(report, 'annual-review').dueDate).toBe('2026-01-06');
    const handover = only(report, 'handover');
    expect(handover).toMatchObject({ withIds: ['manager-1', 'manager-2'], status: 'due', dueDate: '2025-10-29' });
    expect(handover.policyRef).toBe('000 Appendix 1 Internal Transfers');
    expect(only(due(VIP, '2025-11-01', moved), 'handover').status).toBe('overdue');
  });
  it('000: a completed handover is no longer owed', () => {
    const moved = employee({
      managerChanges: [
        {
          jobId: 'job-1',
          previousManagerId: 'manager-0',
          newManagerId: 'manager-1',
          on: '2025-10-01',
          handoverCompletedOn: '2025-10-05',
        },
      ],
    });
    expect(itemsOf(due(VIP, '2025-10-10', moved), 'handover')).toEqual([]);
  });
  it('000: a held handover conversation shows as done', () => {
    const moved = employee({
      managerChanges: [{ jobId: 'job-1', previousManagerId: 'manager-0', newManagerId: 'manager-1', on: '2025-10-01' }],
    });
    const item = only(due(VIP, '2025-10-10', moved, [record('handover', '2025-10-03')]), 'handover');
    expect(item).toMatchObject({ status: 'completed', completedOn: '2025-10-03' });
  });
  it('000: dual roles with the same manager — one appraisal covers both jobs', () => {
    const dual = employee({
      jobs: [job(), job({ id: 'job-2', title: 'Clerk', isMain: false, contract: 'additional' })],
    });
    const item = only(due(VIP, '2025-12-20', dual), 'annual-review');
    expect(item.jobIds).toEqual(['job-1', 'job-2']);
    expect(item.reason).toContain('covering all your jobs');
  });
  it('000: dual roles with different managers — each manager has an appraisal item', () => {
    const dual = employee({
      jobs: [job(), job({ id: 'job-2', managerIds: ['manager-2'], isMain: false, contract: 'supply' })],
    });
    const items = itemsOf(due(VIP, '2025-12-20', dual), 'annual-review');
    expect(items.map((i) => [i.jobIds, i.withIds])).toEqual([
      [['job-1'], ['manager-1']],
      [['job-2'], ['manager-2']],
    ]);
  });
  it('000: one appraisal recorded against both jobs completes both', () => {
    const dual = employee({ jobs: [job(), job({ id: 'job-2', managerIds: ['manager-2'], isMain: false })] });
    const history = [record('annual-review', '2026-01-05', 'held', { jobIds: ['job-1', 'job-2'] })];
    const items = itemsOf(due(VIP, '2026-02-01', dual, history), 'annual-review');
    expect(items.map((i) => i.status)).toEqual(['completed', 'completed']);
  });
  it('000: an appraisal recorded against one job leaves the other job’s appraisal outstanding', () => {
    const dual = employee({ jobs: [job(), job({ id: 'job-2', managerIds: ['manager-2'], isMain: false })] });
    const history = [record('annual-review', '2026-01-05', 'held', { jobIds: ['job-1'] })];
    const items = itemsOf(due(VIP, '2026-02-01', dual, history), 'annual-review');
    expect(items.find((i) => i.jobIds.includes('job-2'))?.status).toBe('overdue');
    expect(items.find((i) => i.jobIds.includes('job-1'))?.status).toBe('completed');
  });
  it('000: one role with two managers — either or both can hold the appraisal', () => {
    const shared = employee({ jobs: [job({ managerIds: ['manager-1', 'manager-2'] })] });
    expect(only(due(VIP, '2025-12-20', shared), 'annual-review').withIds).toEqual(['manager-1', 'manager-2']);
  });
  it('000: VIP conversations default to every four weeks until the pair agrees a frequency', () => {
    const item = only(due(VIP, '2025-01-20', employee(), []), 'regular');
    expect(item).toMatchObject({ dueDate: '2025-02-03', status: 'upcoming' });
    expect(item.reason).toContain('default');
  });
  it('000: VIP conversations follow the frequency agreed for the job', () => {
    const agreed = employee({ jobs: [job({ agreedRegularEveryWeeks: 6 })] });
    const history = [record('regular', '2025-02-10')];
    const done = only(due(VIP, '2025-03-01', agreed, history), 'regular');
    expect(done).toMatchObject({ status: 'completed', completedOn: '2025-02-10', dueDate: '2025-02-17' });
    expect(done.reason).toContain('next is due by 24 March 2025');
    const next = only(due(VIP, '2025-03-20', agreed, history), 'regular');
    expect(next).toMatchObject({ status: 'due', dueDate: '2025-03-24' });
    expect(next.reason).toContain('every 6 weeks, as agreed for this job');
  });
  it('000: team conversations are never chased', () => {
    expect(itemsOf(due(VIP, '2026-06-01'), 'team')).toEqual([]);
  });
});
