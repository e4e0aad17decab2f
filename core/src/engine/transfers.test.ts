import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Employee } from '../domain/people.ts';
import { addDays, addMonths, fromUtcDate } from '../time/dates.ts';
import { due, employee, itemsOf, job, only, record } from './fixtures.test-support.ts';

const VIP = 'cumbria-vip';
const SOMERSET = 'somerset-career-conversations';

const arbDate = (min: string, max: string) =>
  fc
    .date({ min: new Date(`${min}T00:00:00Z`), max: new Date(`${max}T00:00:00Z`), noInvalidDate: true })
    .map(fromUtcDate);

/** Someone who left job-1 (manager-1) the day before `transfer` and holds job-2 (manager-2) from then on. */
const transferred = (start: string, transfer: string, extra: Partial<Employee> = {}): Employee =>
  employee({
    startDate: start,
    jobs: [
      job({ startDate: start, endDate: addDays(transfer, -1) }),
      job({ id: 'job-2', title: 'Team leader', managerIds: ['manager-2'], startDate: transfer }),
    ],
    ...extra,
  });

describe('000 Cumbria: the VIP Summary Appraisal follows the person across an internal transfer', () => {
  const moved = transferred('2018-03-01', '2025-10-01');
  const lastReview = record('annual-review', '2025-06-10', 'held', { jobIds: ['job-1'] });

  it('000 Appendix 1: an appraisal held in the old job completes the year in the new one', () => {
    const item = only(due(VIP, '2026-02-01', moved, [lastReview]), 'annual-review');
    expect(item).toMatchObject({ status: 'completed', completedOn: '2025-06-10', jobIds: ['job-2'] });
    expect(item.reason).toContain('next is due by 10 June 2026');
  });
  it('000 Appendix 1: the next appraisal is due 12 months after the one held in the old job, not years back', () => {
    expect(only(due(VIP, '2026-06-01', moved, [lastReview]), 'annual-review')).toMatchObject({
      status: 'due',
      dueDate: '2026-06-10',
      withIds: ['manager-2'],
    });
  });
  it('000: a VIP conversation with the old manager does not stand in for one with the new manager', () => {
    const item = only(
      due(VIP, '2025-10-20', moved, [record('regular', '2025-09-25', 'held', { jobIds: ['job-1'] })]),
      'regular',
    );
    expect(item.reason).toContain('starting from 1 October 2025');
  });
  it('000: a review recorded against a job still held keeps counting only for that job (dual roles)', () => {
    const dual = employee({
      jobs: [job(), job({ id: 'job-2', managerIds: ['manager-2'], isMain: false })],
    });
    const items = itemsOf(
      due(VIP, '2026-02-01', dual, [record('annual-review', '2026-01-05', 'held', { jobIds: ['job-1'] })]),
      'annual-review',
    );
    expect(items.map((i) => [i.jobIds, i.status])).toEqual([
      [['job-1'], 'completed'],
      [['job-2'], 'overdue'],
    ]);
  });
  it('000 Appendix 1: for any transfer date, the next appraisal is never earlier than 12 months after the last one held in any job', () => {
    fc.assert(
      fc.property(
        arbDate('2012-01-01', '2024-12-31'),
        fc.integer({ min: 13, max: 60 }),
        fc.integer({ min: 1, max: 900 }),
        fc.integer({ min: 0, max: 900 }),
        (start, reviewAfterMonths, transferAfterDays, onAfterDays) => {
          const held = addMonths(start, reviewAfterMonths);
          const transfer = addDays(held, transferAfterDays);
          const on = addDays(transfer, onAfterDays);
          const who = transferred(start, transfer);
          const history = [record('annual-review', held, 'held', { jobIds: ['job-1'] })];
          const item = only(due(VIP, on, who, history), 'annual-review');
          if (item.status === 'completed') expect(item.completedOn).toBe(held);
          else expect(item.dueDate >= addMonths(held, 12)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('003 Somerset: the Career Conversation year runs from the incremental date across a move', () => {
  const base = { incrementalDate: '2021-04-01' };
  it('003 §2.5: a Career Conversation held before a move to another department completes that year', () => {
    const mover = transferred('2020-09-14', '2026-09-01', base);
    const history = [record('annual-review', '2026-03-20', 'held', { jobIds: ['job-1'] })];
    expect(only(due(SOMERSET, '2026-10-01', mover, history), 'annual-review')).toMatchObject({
      status: 'completed',
      completedOn: '2026-03-20',
      dueDate: '2026-04-01',
    });
    expect(only(due(SOMERSET, '2027-03-05', mover, history), 'annual-review')).toMatchObject({
      status: 'due',
      dueDate: '2027-04-01',
    });
  });
  it('003 §5.1: the move itself brings an introductory meeting for the new job', () => {
    const mover = transferred('2020-09-14', '2026-09-01', base);
    expect(only(due(SOMERSET, '2026-09-03', mover), 'induction')).toMatchObject({ jobIds: ['job-2'], status: 'due' });
  });
  it('003 §2.5: for any move, a conversation recorded in the old job counts exactly as one recorded in the new job', () => {
    fc.assert(
      fc.property(
        arbDate('2012-01-01', '2024-12-31'),
        fc.integer({ min: 1, max: 72 }),
        fc.integer({ min: 1, max: 700 }),
        fc.integer({ min: 0, max: 700 }),
        (start, heldAfterMonths, transferAfterDays, onAfterDays) => {
          const held = addMonths(start, heldAfterMonths);
          const transfer = addDays(held, transferAfterDays);
          const on = addDays(transfer, onAfterDays);
          const mover = transferred(start, transfer, { incrementalDate: addMonths(start, 6) });
          const stamped = (jobId: string) => [record('annual-review', held, 'held', { jobIds: [jobId] })];
          expect(only(due(SOMERSET, on, mover, stamped('job-1')), 'annual-review')).toEqual(
            only(due(SOMERSET, on, mover, stamped('job-2')), 'annual-review'),
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});
