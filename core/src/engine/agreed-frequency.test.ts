import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Employee } from '../domain/people.ts';
import { addDays, fromUtcDate, minDate } from '../time/dates.ts';
import { due, employee, itemsOf, job, only, record } from './fixtures.test-support.ts';
import { lastOfMonth } from './rules/months.ts';

const ASSEMBLY = 'assembly-secretariat';
const start = '2027-01-15';
const pair = (weeks?: number) =>
  employee({
    startDate: start,
    jobs: [job({ startDate: start, ...(weeks === undefined ? {} : { agreedRegularEveryWeeks: weeks }) })],
  });
const regularItems = (on: string, who: Employee) => itemsOf(due(ASSEMBLY, on, who, []), 'regular');

describe('004 Assembly: a pair may agree to meet more often than monthly', () => {
  it('004 Regular: a fortnightly agreement makes the next Regular conversation due two weeks after the last', () => {
    const history = [record('regular', '2027-03-03')];
    const done = only(due(ASSEMBLY, '2027-03-10', pair(2), history), 'regular');
    expect(done).toMatchObject({ status: 'completed', completedOn: '2027-03-03' });
    expect(done.reason).toContain('every 2 weeks as agreed by you both');
    expect(done.reason).toContain('next is due by 17 March 2027');
    expect(only(due(ASSEMBLY, '2027-03-18', pair(2), history), 'regular')).toMatchObject({
      status: 'overdue',
      dueDate: '2027-03-17',
    });
  });
  it('004 Regular: the agreement can be recorded in the conversation where the pair made it', () => {
    const history = [record('regular', '2027-03-03', 'agreed', { agreedRegularEveryWeeks: 1 })];
    expect(only(due(ASSEMBLY, '2027-03-12', pair(), history), 'regular')).toMatchObject({
      status: 'overdue',
      dueDate: '2027-03-10',
    });
  });
  it('004 Regular: an agreement to meet less often than monthly does not lower the monthly expectation', () => {
    expect(only(due(ASSEMBLY, '2027-03-10', pair(6), [record('regular', '2027-02-10')]), 'regular')).toMatchObject({
      status: 'due',
      dueDate: '2027-03-31',
    });
  });
  it('004 Big Picture: a fortnightly agreement still expects no Regular conversation in a Big Picture month', () => {
    const history = [record('regular', '2027-04-20')];
    expect(only(due(ASSEMBLY, '2027-05-10', pair(2), history), 'regular').status).toBe('suppressed');
  });
  it('004: the first month after starting follows the agreed rhythm from the start of the month', () => {
    expect(regularItems('2027-02-03', pair(2))).toEqual([
      expect.objectContaining({ windowStart: '2027-01-01', status: 'overdue' }),
      expect.objectContaining({ windowStart: '2027-02-01', dueDate: '2027-02-15', status: 'due' }),
    ]);
  });

  const arbDate = (min: string, max: string) =>
    fc
      .date({ min: new Date(`${min}T00:00:00Z`), max: new Date(`${max}T00:00:00Z`), noInvalidDate: true })
      .map(fromUtcDate);
  it('004: for any agreed frequency more often than monthly, this month’s Regular is due within that many weeks, and by month end', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3 }),
        fc.array(arbDate('2027-01-15', '2028-12-31'), { maxLength: 10 }),
        arbDate('2027-01-15', '2028-12-31'),
        (weeks, dates, on) => {
          const history = dates.map((d) => record('regular', d));
          const month = `${on.slice(0, 7)}-01`;
          const current = itemsOf(due(ASSEMBLY, on, pair(weeks), history), 'regular').find(
            (i) => i.windowStart === month,
          );
          if (current === undefined || current.status === 'suppressed') return;
          const last = dates
            .filter((d) => d <= on)
            .sort()
            .at(-1);
          const from = last !== undefined && last > month ? last : month;
          expect(current.dueDate <= minDate(addDays(from, weeks * 7), lastOfMonth(month))).toBe(true);
          if (current.status === 'completed') expect(on < addDays(from, weeks * 7)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('000, 001 and 003: the frequency the pair agreed is read from their records', () => {
  it('003 §5.1: the supervision frequency agreed at the introductory meeting is honoured', () => {
    const newcomer = employee({ startDate: '2027-05-03', jobs: [job({ startDate: '2027-05-03' })] });
    const history = [record('induction', '2027-05-04', 'held', { agreedRegularEveryWeeks: 2 })];
    const item = only(due('somerset-career-conversations', '2027-05-12', newcomer, history), 'regular');
    expect(item).toMatchObject({ dueDate: '2027-05-17', status: 'due' });
    expect(item.reason).toContain('as agreed by you both');
  });
  it('000: a later agreement replaces an earlier one, and a booking alone agrees nothing', () => {
    const history = [
      record('regular', '2025-02-03', 'held', { agreedRegularEveryWeeks: 2 }),
      record('regular', '2025-02-17', 'agreed', { agreedRegularEveryWeeks: 6 }),
      record('regular', '2025-03-03', 'booked', { agreedRegularEveryWeeks: 1 }),
    ];
    expect(only(due('cumbria-vip', '2025-03-20', employee(), history), 'regular').reason).toContain(
      'next is due by 31 March 2025',
    );
    expect(only(due('cumbria-vip', '2025-03-26', employee(), history), 'regular')).toMatchObject({
      status: 'due',
      dueDate: '2025-03-31',
    });
  });
  it('001 One-to-ones: an agreement recorded by the pair wins over the one on the job', () => {
    const who = employee({ jobs: [job({ agreedRegularEveryWeeks: 8 })] });
    const history = [record('regular', '2026-03-02', 'held', { agreedRegularEveryWeeks: 3 })];
    expect(only(due('leicestershire-apr', '2026-03-20', who, history), 'regular').dueDate).toBe('2026-03-23');
  });
  it('000: an agreement with a previous manager does not bind the new pair', () => {
    const moved = employee({
      jobs: [job({ endDate: '2025-05-31' }), job({ id: 'job-2', managerIds: ['manager-2'], startDate: '2025-06-01' })],
    });
    const history = [record('regular', '2025-05-20', 'held', { jobIds: ['job-1'], agreedRegularEveryWeeks: 1 })];
    expect(only(due('cumbria-vip', '2025-06-03', moved, history), 'regular').reason).toContain('default');
  });
});
