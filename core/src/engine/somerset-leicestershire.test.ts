import { describe, expect, it } from 'vitest';
import { due, employee, itemsOf, job, only, record } from './fixtures.test-support.ts';

const SOMERSET = 'somerset-career-conversations';
const LEICS = 'leicestershire-apr';

describe('003 Somerset: career conversations, induction and supervision', () => {
  const colleague = employee({
    startDate: '2020-09-14',
    incrementalDate: '2021-04-01',
    jobs: [job({ startDate: '2020-09-14' })],
  });
  it('003: the Career Conversation falls on each anniversary of the incremental date', () => {
    const item = only(due(SOMERSET, '2027-03-10', colleague), 'annual-review');
    expect(item).toMatchObject({
      windowStart: '2027-03-01',
      dueDate: '2027-04-01',
      status: 'due',
      policyRef: '003 §5.8',
    });
    expect(item.reason).toContain('incremental date');
  });
  it('003: until the month before the anniversary, last year’s conversation shows as done', () => {
    const history = [record('annual-review', '2026-03-25')];
    expect(only(due(SOMERSET, '2027-02-10', colleague, history), 'annual-review')).toMatchObject({
      status: 'completed',
      dueDate: '2026-04-01',
    });
  });
  it('003: after the anniversary without a conversation it is overdue', () => {
    expect(only(due(SOMERSET, '2027-04-02', colleague), 'annual-review').status).toBe('overdue');
  });
  it('003: a conversation in the month before completes the year; the next falls a year on', () => {
    const history = [record('annual-review', '2027-03-20')];
    expect(only(due(SOMERSET, '2027-05-01', colleague, history), 'annual-review')).toMatchObject({
      status: 'completed',
      completedOn: '2027-03-20',
      dueDate: '2027-04-01',
    });
    expect(only(due(SOMERSET, '2028-03-02', colleague, history), 'annual-review')).toMatchObject({
      status: 'due',
      dueDate: '2028-04-01',
    });
  });
  it('003: without an incremental date the start date anniversary is used and said so', () => {
    const item = only(due(SOMERSET, '2027-09-01', employee({ startDate: '2020-09-14' })), 'annual-review');
    expect(item.dueDate).toBe('2027-09-14');
    expect(item.reason).toContain('start date');
  });
  it('003: an induction meeting is due within two weeks of appointment', () => {
    const newcomer = employee({ startDate: '2027-05-03' });
    const item = only(due(SOMERSET, '2027-05-05', newcomer), 'induction');
    expect(item).toMatchObject({
      windowStart: '2027-05-03',
      dueDate: '2027-05-17',
      status: 'due',
      policyRef: '003 §5.1',
    });
    expect(only(due(SOMERSET, '2027-05-20', newcomer), 'induction').status).toBe('overdue');
  });
  it('003: a move to a new department brings a new induction meeting', () => {
    const mover = employee({
      startDate: '2020-09-14',
      jobs: [job({ id: 'job-9', title: 'Ward clerk', startDate: '2027-05-03' })],
    });
    const item = only(due(SOMERSET, '2027-05-05', mover), 'induction');
    expect(item.jobIds).toEqual(['job-9']);
    expect(item.reason).toContain('Ward clerk');
  });
  it('003: a held induction meeting is done; long-standing appointments raise none', () => {
    const newcomer = employee({ startDate: '2027-05-03' });
    expect(only(due(SOMERSET, '2027-05-20', newcomer, [record('induction', '2027-05-04')]), 'induction').status).toBe(
      'completed',
    );
    expect(itemsOf(due(SOMERSET, '2027-05-05', colleague), 'induction')).toEqual([]);
  });
  it('003: supervision follows the frequency the pair agreed at induction', () => {
    const agreed = employee({
      startDate: '2020-09-14',
      jobs: [job({ startDate: '2020-09-14', agreedRegularEveryWeeks: 2 })],
    });
    const item = only(due(SOMERSET, '2027-05-12', agreed, [record('regular', '2027-05-03')]), 'regular');
    expect(item).toMatchObject({ dueDate: '2027-05-17', status: 'due', policyRef: '003 §3.2' });
  });
});

describe('001 Leicestershire: one-to-ones and the APR', () => {
  it('001: the first APR is due 12 months after starting', () => {
    expect(only(due(LEICS, '2025-12-20'), 'annual-review')).toMatchObject({ dueDate: '2026-01-06', status: 'due' });
  });
  it('001: the APR is annual from the last one', () => {
    const item = only(due(LEICS, '2026-08-01', employee(), [record('annual-review', '2026-02-01')]), 'annual-review');
    expect(item).toMatchObject({ status: 'completed', completedOn: '2026-02-01', dueDate: '2026-01-06' });
    expect(item.reason).toContain('next is due by 1 February 2027');
    expect(
      only(due(LEICS, '2027-01-10', employee(), [record('annual-review', '2026-02-01')]), 'annual-review'),
    ).toMatchObject({
      status: 'due',
      dueDate: '2027-02-01',
    });
  });
  it('001: probation does not delay the APR (no such rule in 001)', () => {
    const starter = employee({ probation: { status: 'in-probation', endDate: '2026-06-30' } });
    expect(only(due(LEICS, '2026-01-10', starter), 'annual-review')).toMatchObject({
      dueDate: '2026-01-06',
      status: 'overdue',
    });
  });
  it('001: one-to-ones at the agreed frequency', () => {
    const agreed = employee({ jobs: [job({ agreedRegularEveryWeeks: 3 })] });
    const item = only(due(LEICS, '2026-03-20', agreed, [record('regular', '2026-03-02')]), 'regular');
    expect(item).toMatchObject({ dueDate: '2026-03-23', status: 'due', policyRef: '001 One-to-ones' });
  });
  it('001: long leave has no special rule in 001, so the APR stays due', () => {
    const onLeave = employee({ leave: [{ kind: 'maternity', start: '2025-09-01', end: '2026-06-30' }] });
    expect(only(due(LEICS, '2026-07-15', onLeave), 'annual-review')).toMatchObject({
      dueDate: '2026-01-06',
      status: 'overdue',
    });
  });
});
