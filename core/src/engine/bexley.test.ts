import { describe, expect, it } from 'vitest';
import type { Employee } from '../domain/people.ts';
import { due, employee, itemsOf, job, only, record } from './fixtures.test-support.ts';

const BEXLEY = 'bexley-pms';

describe('002 Bexley: the financial-year cycle', () => {
  it('002: the April/May conversation is due between 1 April and 31 May', () => {
    const item = only(due(BEXLEY, '2027-04-15'), 'annual-review');
    expect(item).toMatchObject({
      windowStart: '2027-04-01',
      dueDate: '2027-05-31',
      status: 'due',
      policyRef: '002 §2 Step 2',
    });
    expect(item.reason).toContain('between April 2027 and May 2027, by 31 May 2027');
  });
  it('002: before April, last year’s conversation still shows as done', () => {
    const history = [record('annual-review', '2026-05-01')];
    expect(only(due(BEXLEY, '2027-03-20', employee(), history), 'annual-review')).toMatchObject({
      status: 'completed',
      dueDate: '2026-05-31',
      completedOn: '2026-05-01',
    });
  });
  it('002: last year’s missed conversation stays overdue until the next window opens', () => {
    expect(only(due(BEXLEY, '2027-03-20'), 'annual-review')).toMatchObject({
      status: 'overdue',
      dueDate: '2026-05-31',
    });
  });
  it('002: a conversation not held by 31 May is overdue', () => {
    expect(only(due(BEXLEY, '2027-06-01'), 'annual-review')).toMatchObject({
      status: 'overdue',
      dueDate: '2027-05-31',
    });
  });
  it('002: held in May it shows as done for the year, and next April the new one is due', () => {
    const history = [record('annual-review', '2027-05-10')];
    expect(only(due(BEXLEY, '2027-06-02', employee(), history), 'annual-review')).toMatchObject({
      status: 'completed',
      completedOn: '2027-05-10',
    });
    expect(only(due(BEXLEY, '2028-04-02', employee(), history), 'annual-review')).toMatchObject({
      status: 'due',
      windowStart: '2028-04-01',
    });
  });
  it('002: a late conversation still completes the year it belongs to, and shows it was late', () => {
    const history = [record('annual-review', '2027-06-15')];
    const item = only(due(BEXLEY, '2027-06-20', employee(), history), 'annual-review');
    expect(item).toMatchObject({ status: 'completed', completedOn: '2027-06-15', dueDate: '2027-05-31' });
  });
  it('002: last year’s conversation does not count for this year', () => {
    const history = [record('annual-review', '2026-05-10')];
    expect(only(due(BEXLEY, '2027-05-01', employee(), history), 'annual-review').status).toBe('due');
  });
  it('002: someone who joins after 1 April has their first April/May conversation the following year', () => {
    const starter = employee({ startDate: '2027-04-10' });
    expect(only(due(BEXLEY, '2027-04-20', starter), 'annual-review')).toMatchObject({
      status: 'upcoming',
      windowStart: '2028-04-01',
    });
  });
});

describe('002 Bexley: formal progress records', () => {
  it('002: a progress record is due in June/July', () => {
    const item = only(due(BEXLEY, '2027-06-10'), 'progress-record');
    expect(item).toMatchObject({ windowStart: '2027-06-01', dueDate: '2027-07-31', status: 'due' });
  });
  it('002: a missed June/July record is overdue in August', () => {
    expect(only(due(BEXLEY, '2027-08-15'), 'progress-record').status).toBe('overdue');
  });
  it('002: once June/July is recorded it is done, and September/October follows', () => {
    const history = [record('progress-record', '2027-07-05')];
    expect(only(due(BEXLEY, '2027-08-15', employee(), history), 'progress-record').status).toBe('completed');
    expect(only(due(BEXLEY, '2027-09-02', employee(), history), 'progress-record')).toMatchObject({
      status: 'due',
      windowStart: '2027-09-01',
      dueDate: '2027-10-31',
    });
  });
  it('002: the December/January window runs across the new year', () => {
    expect(only(due(BEXLEY, '2028-01-20'), 'progress-record')).toMatchObject({
      windowStart: '2027-12-01',
      dueDate: '2028-01-31',
      status: 'due',
    });
  });
  it('002: progress records start after the first six months of probation meetings', () => {
    const starter = employee({ startDate: '2027-03-01', probation: { status: 'in-probation' } });
    expect(only(due(BEXLEY, '2027-06-10', starter), 'progress-record')).toMatchObject({
      status: 'upcoming',
      windowStart: '2027-09-01',
    });
  });
});

describe('002 Bexley: 1:1s and probation', () => {
  it('002: a 1:1 is needed at least every three months', () => {
    const history = [record('regular', '2027-03-01')];
    const item = only(due(BEXLEY, '2027-05-20', employee(), history), 'regular');
    expect(item).toMatchObject({ dueDate: '2027-06-01', status: 'due' });
    expect(only(due(BEXLEY, '2027-06-02', employee(), history), 'regular').status).toBe('overdue');
  });
  it('002: a progress record or the annual conversation counts as a 1:1', () => {
    const history = [record('regular', '2027-03-01'), record('progress-record', '2027-06-10')];
    const item = only(due(BEXLEY, '2027-07-01', employee(), history), 'regular');
    expect(item).toMatchObject({ status: 'completed', completedOn: '2027-06-10', dueDate: '2027-06-01' });
    expect(item.reason).toContain('next is due by 10 September 2027');
  });
  it('002: probation meetings fall 4 weeks, 3 months and 5 months after the start, and the outcome at 6 months', () => {
    const starter = employee({ startDate: '2027-01-04', probation: { status: 'in-probation' } });
    const items = itemsOf(due(BEXLEY, '2027-01-20', starter), 'probation-review');
    expect(items.map((i) => [i.dueDate, i.status])).toEqual([
      ['2027-02-01', 'upcoming'],
      ['2027-04-04', 'upcoming'],
      ['2027-06-04', 'upcoming'],
      ['2027-07-04', 'upcoming'],
    ]);
    expect(items[0]?.policyRef).toBe('002 §5');
    expect(items[1]?.reason).toBe(
      'Your Probation performance meeting at 3 months is due by 4 April 2027, 3 months after you started.',
    );
    expect(items[3]?.reason).toContain('outcome of your probation');
  });
  it('002: a missed 4-week probation meeting is overdue; a held one is done', () => {
    const starter = employee({ startDate: '2027-01-04', probation: { status: 'in-probation' } });
    expect(itemsOf(due(BEXLEY, '2027-02-10', starter), 'probation-review')[0]?.status).toBe('overdue');
    const held = itemsOf(
      due(BEXLEY, '2027-02-10', starter, [record('probation-review', '2027-02-01')]),
      'probation-review',
    );
    expect(held.map((i) => i.status)).toEqual(['completed', 'upcoming', 'upcoming', 'upcoming']);
  });
  it('002: the 3-month meeting is due in the week before it', () => {
    const starter = employee({ startDate: '2027-01-04', probation: { status: 'in-probation' } });
    const history = [record('probation-review', '2027-02-01')];
    expect(itemsOf(due(BEXLEY, '2027-03-30', starter, history), 'probation-review')[1]?.status).toBe('due');
  });
  it('002: no probation meetings once probation is passed', () => {
    expect(itemsOf(due(BEXLEY, '2027-02-10', employee({ startDate: '2027-01-04' })), 'probation-review')).toEqual([]);
  });
  it('002: probation meetings are raised once even with two line managers', () => {
    const starter = employee({
      startDate: '2027-01-04',
      probation: { status: 'in-probation' },
      jobs: [
        job({ startDate: '2027-01-04' }),
        job({ id: 'job-2', startDate: '2027-01-04', managerIds: ['manager-2'], isMain: false }),
      ],
    });
    expect(itemsOf(due(BEXLEY, '2027-01-20', starter), 'probation-review')).toHaveLength(4);
  });
});

describe('002 Bexley: the probation outcome and any extension', () => {
  const starter = (probation: Employee['probation']) =>
    employee({ startDate: '2027-01-04', jobs: [job({ startDate: '2027-01-04' })], probation });
  const outcomeOf = (report: ReturnType<typeof due>) =>
    itemsOf(report, 'probation-review').find((i) => i.reason.includes('outcome of your probation'));

  it('002 §5: the outcome is settled when the first six months end, and says which setting timed it', () => {
    const item = outcomeOf(due(BEXLEY, '2027-06-30', starter({ status: 'in-probation' })));
    expect(item).toMatchObject({ dueDate: '2027-07-04', windowStart: '2027-06-27', status: 'due' });
    expect(item?.reason).toContain('6 months: policy 002 §5');
  });
  it('002 §5: a recorded probation end date sets the outcome meeting', () => {
    const item = outcomeOf(due(BEXLEY, '2027-06-30', starter({ status: 'in-probation', endDate: '2027-07-31' })));
    expect(item).toMatchObject({ dueDate: '2027-07-31', status: 'upcoming' });
  });
  it('002 §5: an extension moves the outcome meeting to the end of the extension', () => {
    const history = [
      record('probation-review', '2027-02-01'),
      record('probation-review', '2027-04-02'),
      record('probation-review', '2027-06-03'),
      record('probation-review', '2027-07-02'),
    ];
    const extended = starter({ status: 'extended', endDate: '2027-10-04' });
    const item = outcomeOf(due(BEXLEY, '2027-09-01', extended, history));
    expect(item).toMatchObject({ dueDate: '2027-10-04', status: 'upcoming' });
    expect(item?.reason).toContain('extended to 4 October 2027');
    expect(outcomeOf(due(BEXLEY, '2027-10-06', extended, history))?.status).toBe('overdue');
    const settled = [...history, record('probation-review', '2027-10-01')];
    expect(outcomeOf(due(BEXLEY, '2027-10-06', extended, settled))).toMatchObject({
      status: 'completed',
      completedOn: '2027-10-01',
    });
  });
  it('002 §5: an extension without an end date waits for one rather than chasing the six-month date', () => {
    const item = outcomeOf(due(BEXLEY, '2027-08-01', starter({ status: 'extended' })));
    expect(item?.status).toBe('suppressed');
    expect(item?.reason).toContain('once its end date is recorded');
  });
  it('002 §5: nothing about probation once it is passed', () => {
    expect(itemsOf(due(BEXLEY, '2027-06-30', starter({ status: 'passed' })), 'probation-review')).toEqual([]);
  });
});
