import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ConversationRecord } from '../domain/conversations.ts';
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
const arbDate = (min: string, max: string) =>
  fc
    .date({ min: new Date(`${min}T00:00:00Z`), max: new Date(`${max}T00:00:00Z`), noInvalidDate: true })
    .map(fromUtcDate);
const regularItems = (on: string, who: Employee) => itemsOf(due(ASSEMBLY, on, who, []), 'regular');

describe('004 Assembly: a pair may agree to meet more often than monthly', () => {
  it('004 Regular: a fortnightly agreement makes the next Regular conversation due two weeks after the last', () => {
    const history = [record('regular', '2027-03-03')];
    const done = only(due(ASSEMBLY, '2027-03-10', pair(2), history), 'regular');
    expect(done).toMatchObject({ status: 'completed', completedOn: '2027-03-03' });
    expect(done.reason).toContain('every 2 weeks, as agreed for this job');
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

/** A record both agreed, each on the day given (employee first). */
const agreedRecord = (
  type: 'regular' | 'induction',
  date: string,
  weeks: number,
  agreedOn: readonly [string, string] = [date, date],
  extra: Partial<ConversationRecord> = {},
) =>
  record(type, date, 'agreed', {
    agreedRegularEveryWeeks: weeks,
    agreement: { employeeAgreedAt: `${agreedOn[0]}T10:00:00.000Z`, managerAgreedAt: `${agreedOn[1]}T15:00:00.000Z` },
    ...extra,
  });

describe('001, 003 and 004: the frequency the pair agreed takes effect once both have agreed the record', () => {
  it('003 §5.1: the supervision frequency agreed at the introductory meeting is honoured, and the reason says when it was agreed', () => {
    const newcomer = employee({ startDate: '2027-05-03', jobs: [job({ startDate: '2027-05-03' })] });
    const history = [agreedRecord('induction', '2027-05-04', 2, ['2027-05-04', '2027-05-06'])];
    const item = only(due('somerset-career-conversations', '2027-05-12', newcomer, history), 'regular');
    expect(item).toMatchObject({ dueDate: '2027-05-17', status: 'due' });
    expect(item.reason).toContain('every 2 weeks, as you agreed on 6 May 2027');
  });
  it('003 §5.1: a frequency in a record only one of the pair has agreed does not apply yet', () => {
    const newcomer = employee({ startDate: '2027-05-03', jobs: [job({ startDate: '2027-05-03' })] });
    const oneSided = record('induction', '2027-05-04', 'held', {
      agreedRegularEveryWeeks: 2,
      agreement: { managerAgreedAt: '2027-05-04T15:00:00.000Z' },
    });
    const item = only(due('somerset-career-conversations', '2027-05-12', newcomer, [oneSided]), 'regular');
    expect(item).toMatchObject({ dueDate: '2027-05-31', status: 'upcoming' });
    expect(item.reason).toContain('the default until you agree a frequency');
  });
  it('001 One-to-ones: an agreement recorded by the pair wins over the one on the job', () => {
    const who = employee({ jobs: [job({ agreedRegularEveryWeeks: 8 })] });
    const history = [agreedRecord('regular', '2026-03-02', 3)];
    const item = only(due('leicestershire-apr', '2026-03-20', who, history), 'regular');
    expect(item.dueDate).toBe('2026-03-23');
    expect(item.reason).toContain('every 3 weeks, as you agreed on 2 March 2026');
  });
  it('001 One-to-ones: until the record is agreed, the job’s frequency still applies', () => {
    const who = employee({ jobs: [job({ agreedRegularEveryWeeks: 8 })] });
    const history = [record('regular', '2026-03-02', 'held', { agreedRegularEveryWeeks: 3 })];
    const item = only(due('leicestershire-apr', '2026-03-20', who, history), 'regular');
    expect(item.status).toBe('completed');
    expect(item.reason).toContain('the next is due by 27 April 2026');
  });
  it('004 Regular: a fortnightly agreement applies from the day both agreed, not before', () => {
    const history = [agreedRecord('regular', '2027-03-03', 2, ['2027-03-03', '2027-03-09'])];
    expect(only(due(ASSEMBLY, '2027-03-08', pair(), history), 'regular')).toMatchObject({ dueDate: '2027-03-31' });
    const after = only(due(ASSEMBLY, '2027-03-10', pair(), history), 'regular');
    expect(after).toMatchObject({ status: 'completed', completedOn: '2027-03-03' });
    expect(after.reason).toContain('every 2 weeks, as you agreed on 9 March 2027');
  });
  it('004 Regular: someone new to their job is told they may agree to meet more often, marked as the organisation’s choice', () => {
    const february = [record('regular', '2027-02-10')];
    const reason = only(due(ASSEMBLY, '2027-03-10', pair(), february), 'regular').reason;
    expect(reason).toContain('Someone new to their job needs more frequent conversations');
    expect(reason).toContain("the organisation's choice");
    const settled = employee({ startDate: '2025-01-06', jobs: [job({ startDate: '2025-01-06' })] });
    expect(only(due(ASSEMBLY, '2027-03-10', settled, february), 'regular').reason).not.toContain('new to their job');
    const agreed = [agreedRecord('regular', '2027-03-03', 2)];
    expect(only(due(ASSEMBLY, '2027-03-10', pair(), agreed), 'regular').reason).not.toContain('new to their job');
  });
  it('004: the day an agreement took effect is the employer’s day, not UTC’s', () => {
    // Agreed at 00:30 on 1 July in London, which is still 30 June in UTC.
    const history = [
      record('regular', '2027-06-29', 'agreed', {
        agreedRegularEveryWeeks: 1,
        agreement: { employeeAgreedAt: '2027-06-29T10:00:00.000Z', managerAgreedAt: '2027-06-30T23:30:00.000Z' },
      }),
    ];
    expect(only(due(ASSEMBLY, '2027-07-02', pair(), history), 'regular').reason).toContain(
      'as you agreed on 1 July 2027',
    );
  });
  it('001, 003, 004: for any pair of agreement days, the frequency applies exactly from the later one', () => {
    fc.assert(
      fc.property(
        arbDate('2026-01-05', '2026-06-30'),
        fc.integer({ min: 0, max: 20 }),
        fc.integer({ min: 0, max: 20 }),
        fc.integer({ min: 0, max: 60 }),
        fc.constantFrom('leicestershire-apr', 'somerset-career-conversations' as const),
        (held, employeeLag, managerLag, onLag, scheme) => {
          const agreedOn = [addDays(held, employeeLag), addDays(held, managerLag)] as const;
          const effective = agreedOn[0] > agreedOn[1] ? agreedOn[0] : agreedOn[1];
          const on = addDays(held, onLag);
          const item = only(due(scheme, on, employee(), [agreedRecord('regular', held, 1, agreedOn)]), 'regular');
          const weeks = on >= effective ? 1 : 4;
          expect(item.dueDate === addDays(held, weeks * 7) || item.status === 'completed').toBe(true);
          if (item.status !== 'completed') expect(item.reason.includes('as you agreed on')).toBe(on >= effective);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('000: the line manager arranges the frequency of VIP conversations', () => {
  it('000 Scheduling VIP conversations: a frequency the manager sets in a held conversation applies from that conversation', () => {
    const history = [record('regular', '2025-02-03', 'held', { agreedRegularEveryWeeks: 2 })];
    const item = only(due('cumbria-vip', '2025-02-12', employee(), history), 'regular');
    expect(item).toMatchObject({ status: 'due', dueDate: '2025-02-17' });
    expect(item.reason).toContain('every 2 weeks, as your line manager set on 3 February 2025');
  });
  it('000: a later setting replaces an earlier one, and a booking alone sets nothing', () => {
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
  it('000: until the manager sets one, the default says who sets it', () => {
    expect(only(due('cumbria-vip', '2025-01-20', employee(), []), 'regular').reason).toContain(
      'the default until your line manager sets a frequency',
    );
  });
  it('000: a frequency set with a previous manager does not bind the new pair', () => {
    const moved = employee({
      jobs: [job({ endDate: '2025-05-31' }), job({ id: 'job-2', managerIds: ['manager-2'], startDate: '2025-06-01' })],
    });
    const history = [record('regular', '2025-05-20', 'held', { jobIds: ['job-1'], agreedRegularEveryWeeks: 1 })];
    expect(only(due('cumbria-vip', '2025-06-03', moved, history), 'regular').reason).toContain('default');
  });
});
