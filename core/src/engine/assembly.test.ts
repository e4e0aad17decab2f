import { describe, expect, it } from 'vitest';
import { due, employee, itemsOf, job, only, record } from './fixtures.test-support.ts';

const ASSEMBLY = 'assembly-secretariat';
const colleague = employee({ startDate: '2027-01-15', jobs: [job({ startDate: '2027-01-15' })] });

describe('004 Assembly Secretariat: Regular and Big Picture conversations', () => {
  it('004: with no Big Picture conversation yet, the first is due four months after the start month', () => {
    const item = only(due(ASSEMBLY, '2027-01-20', colleague), 'big-picture');
    expect(item).toMatchObject({ status: 'upcoming', windowStart: '2027-05-01', dueDate: '2027-05-31' });
    expect(item.reason).toContain('the first belongs to May 2027');
  });
  it('004: the start month itself is not a Big Picture month', () => {
    expect(only(due(ASSEMBLY, '2027-01-20', colleague), 'regular').status).toBe('due');
  });
  it('004: Big Picture month suppresses Regular', () => {
    const item = only(due(ASSEMBLY, '2027-05-10', colleague, [record('regular', '2027-04-12')]), 'regular');
    expect(item).toMatchObject({ status: 'suppressed', policyRef: '004 Regular' });
    expect(item.reason).toContain('Big Picture performance conversation month');
  });
  it('004: the Big Picture conversation is due in its month', () => {
    const item = only(due(ASSEMBLY, '2027-05-10', colleague), 'big-picture');
    expect(item).toMatchObject({
      windowStart: '2027-05-01',
      dueDate: '2027-05-31',
      status: 'due',
      policyRef: '004 Big Picture',
    });
  });
  it('004: before the first Big Picture month it is coming up', () => {
    expect(only(due(ASSEMBLY, '2027-03-10', colleague), 'big-picture')).toMatchObject({
      status: 'upcoming',
      windowStart: '2027-05-01',
    });
  });
  it('004: a Big Picture conversation missed in its month is overdue until held, then done (late); the next is four months on', () => {
    expect(only(due(ASSEMBLY, '2027-06-10', colleague), 'big-picture').status).toBe('overdue');
    const late = [record('big-picture', '2027-06-05')];
    expect(only(due(ASSEMBLY, '2027-06-10', colleague, late), 'big-picture')).toMatchObject({
      status: 'completed',
      completedOn: '2027-06-05',
      dueDate: '2027-05-31',
    });
    expect(only(due(ASSEMBLY, '2027-09-02', colleague, late), 'big-picture')).toMatchObject({
      status: 'completed',
      completedOn: '2027-06-05',
    });
    expect(only(due(ASSEMBLY, '2027-10-02', colleague, late), 'big-picture')).toMatchObject({
      status: 'due',
      windowStart: '2027-10-01',
    });
  });
  it('004: a Big Picture conversation held in its month is done', () => {
    const history = [record('big-picture', '2027-05-04')];
    expect(only(due(ASSEMBLY, '2027-05-10', colleague, history), 'big-picture')).toMatchObject({
      status: 'completed',
      completedOn: '2027-05-04',
    });
  });
  it('004: a Regular conversation is due every month outside Big Picture months', () => {
    const item = only(due(ASSEMBLY, '2027-03-10', colleague, [record('regular', '2027-02-10')]), 'regular');
    expect(item).toMatchObject({ windowStart: '2027-03-01', dueDate: '2027-03-31', status: 'due' });
  });
  it('004: a Regular conversation held this month is done', () => {
    const history = [record('regular', '2027-02-10'), record('regular', '2027-03-05')];
    expect(only(due(ASSEMBLY, '2027-03-10', colleague, history), 'regular').status).toBe('completed');
  });
  it('004: last month’s missed Regular is overdue alongside this month’s', () => {
    const items = itemsOf(due(ASSEMBLY, '2027-03-10', colleague), 'regular');
    expect(items.map((i) => [i.windowStart, i.status])).toEqual([
      ['2027-02-01', 'overdue'],
      ['2027-03-01', 'due'],
    ]);
  });
  it('004: catching up this month clears last month’s overdue Regular', () => {
    const items = itemsOf(due(ASSEMBLY, '2027-03-10', colleague, [record('regular', '2027-03-02')]), 'regular');
    expect(items.map((i) => i.status)).toEqual(['completed']);
  });
  it('004: no Regular is owed for a Big Picture month that has passed', () => {
    const history = [record('big-picture', '2027-05-04')];
    expect(itemsOf(due(ASSEMBLY, '2027-06-10', colleague, history), 'regular').map((i) => i.windowStart)).toEqual([
      '2027-06-01',
    ]);
  });
  it('004: a Regular held in a Big Picture month anyway is shown as done', () => {
    const history = [record('regular', '2027-04-12'), record('regular', '2027-05-03')];
    expect(only(due(ASSEMBLY, '2027-05-10', colleague, history), 'regular').status).toBe('completed');
  });
  it('004: in-the-moment conversations are never chased', () => {
    expect(itemsOf(due(ASSEMBLY, '2027-03-10', colleague), 'in-the-moment')).toEqual([]);
  });
  it('004: a booked Regular is shown against the item', () => {
    const history = [record('regular', '2027-02-10'), record('regular', '2027-03-22', 'booked')];
    expect(only(due(ASSEMBLY, '2027-03-10', colleague, history), 'regular').bookedFor).toBe('2027-03-22');
  });
});

describe('004: a month with a Big Picture conversation needs no Regular one, wherever it lands', () => {
  // This colleague's first Big Picture conversation is due in May 2027, four months after starting.
  it('004: a late Big Picture conversation held in June suppresses June’s Regular', () => {
    const history = [record('regular', '2027-04-12'), record('big-picture', '2027-06-03')];
    const regular = itemsOf(due(ASSEMBLY, '2027-06-20', colleague, history), 'regular');
    expect(regular.map((i) => i.status)).toEqual(['suppressed']);
    expect(regular[0]?.reason).toContain('held or booked this month');
  });
  it('004: a Big Picture conversation booked for later this month already suppresses the Regular one', () => {
    const history = [record('regular', '2027-05-12'), record('big-picture', '2027-06-28', 'booked')];
    expect(itemsOf(due(ASSEMBLY, '2027-06-10', colleague, history), 'regular').map((i) => i.status)).toEqual([
      'suppressed',
    ]);
  });
  it('004: a Big Picture month does not leave the next month’s Regular overdue for it', () => {
    const history = [record('regular', '2027-04-12'), record('big-picture', '2027-06-03')];
    const july = itemsOf(due(ASSEMBLY, '2027-07-10', colleague, history), 'regular');
    expect(july.map((i) => i.status)).toEqual(['due']);
  });
  it('004: a cancelled Big Picture booking does not suppress the Regular one', () => {
    const history = [record('regular', '2027-05-12'), record('big-picture', '2027-06-28', 'cancelled')];
    expect(itemsOf(due(ASSEMBLY, '2027-06-10', colleague, history), 'regular').map((i) => i.status)).toEqual(['due']);
  });
});
