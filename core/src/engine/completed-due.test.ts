import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ConversationRecord } from '../domain/conversations.ts';
import type { SchemeId } from '../domain/people.ts';
import { daysBetween, fromUtcDate } from '../time/dates.ts';
import { quarterContaining, teamCompliance } from '../rules/compliance.ts';
import { due, employee, job, only, record } from './fixtures.test-support.ts';

const arbDate = (min: string, max: string) =>
  fc
    .date({ min: new Date(`${min}T00:00:00Z`), max: new Date(`${max}T00:00:00Z`), noInvalidDate: true })
    .map(fromUtcDate);

const longServing = employee({ startDate: '2012-03-01', jobs: [job({ startDate: '2012-03-01' })] });

describe('000 Cumbria: a completed appraisal carries the due date it answered', () => {
  it('000 Appendix 1: with one earlier appraisal years before, the cycle answered is the latest one that had fallen due', () => {
    const history = [record('annual-review', '2019-06-01'), record('annual-review', '2026-05-01')];
    expect(only(due('cumbria-vip', '2026-06-01', longServing, history), 'annual-review')).toMatchObject({
      status: 'completed',
      completedOn: '2026-05-01',
      dueDate: '2025-06-01',
      windowStart: '2025-05-04',
    });
  });
  it('000 Appendix 1: the first appraisal on file for someone who started years ago does not reach back to their first year', () => {
    const inWindow = only(
      due('cumbria-vip', '2026-03-10', longServing, [record('annual-review', '2026-02-10')]),
      'annual-review',
    );
    expect(inWindow).toMatchObject({ status: 'completed', completedOn: '2026-02-10', dueDate: '2026-03-01' });
    const beforeWindow = only(
      due('cumbria-vip', '2026-03-10', longServing, [record('annual-review', '2026-01-10')]),
      'annual-review',
    );
    expect(beforeWindow).toMatchObject({ completedOn: '2026-01-10', dueDate: '2025-03-01' });
  });
  it('000 Appendix 1: an appraisal held in the window keeps the due date it was held for, and counts as on time', () => {
    const history = [record('annual-review', '2025-03-01'), record('annual-review', '2026-02-20')];
    const item = only(due('cumbria-vip', '2026-03-10', longServing, history), 'annual-review');
    expect(item).toMatchObject({ dueDate: '2026-03-01', completedOn: '2026-02-20' });
  });
  it('000 Appendix 1: a late appraisal is late against the date that was outstanding', () => {
    const history = [record('annual-review', '2025-03-01'), record('annual-review', '2026-07-20')];
    expect(only(due('cumbria-vip', '2026-08-10', longServing, history), 'annual-review')).toMatchObject({
      dueDate: '2026-03-01',
      completedOn: '2026-07-20',
    });
  });
});

describe('000 Cumbria: on-time figures count completed appraisals in the quarter they were due', () => {
  it('000 Appendix 1: appraisals held in their window this quarter count as on time, whatever lies on file before them', () => {
    const member = (id: string) => employee({ id, startDate: '2012-03-01', jobs: [job({ startDate: '2012-03-01' })] });
    const held = (id: string, date: string) => record('annual-review', date, 'held', { employeeId: id, id: `r-${id}` });
    const on = '2026-03-31';
    const reports = [
      due('cumbria-vip', on, member('first-on-file'), [held('first-on-file', '2026-02-20')]),
      due('cumbria-vip', on, member('gap'), [
        held('gap', '2019-03-01'),
        { ...held('gap', '2026-02-25'), id: 'r-gap-2' },
      ]),
    ];
    expect(teamCompliance(reports, quarterContaining(on))).toMatchObject({
      reviewsDue: 2,
      completedOnTime: 2,
      percentOnTime: 100,
    });
  });
});

describe('001 Leicestershire, 002 Bexley and 004 Assembly: completed conversations on a rolling clock', () => {
  it('001 One-to-ones: the first one-to-one on file answers the latest four-week cycle, not one from the start date', () => {
    const item = only(
      due('leicestershire-apr', '2026-03-05', longServing, [record('regular', '2026-03-02')]),
      'regular',
    );
    expect(item.status).toBe('completed');
    expect(daysBetween(item.dueDate, '2026-03-02')).toBeGreaterThanOrEqual(-7);
    expect(daysBetween(item.dueDate, '2026-03-02')).toBeLessThan(21);
  });
  it('002 §2 Reviewing progress: a 1:1 after a long gap answers the last three-month cycle that fell due', () => {
    const history = [record('regular', '2024-01-15'), record('regular', '2026-03-02')];
    expect(only(due('bexley-pms', '2026-03-05', longServing, history), 'regular')).toMatchObject({
      status: 'completed',
      dueDate: '2026-01-15',
    });
  });
  it('004 Big Picture: one held in a Big Picture month of the rhythm answers that month', () => {
    const colleague = employee({ startDate: '2020-01-15', jobs: [job({ startDate: '2020-01-15' })] });
    expect(
      only(due('assembly-secretariat', '2027-05-10', colleague, [record('big-picture', '2027-05-04')]), 'big-picture'),
    ).toMatchObject({ status: 'completed', windowStart: '2027-05-01', dueDate: '2027-05-31' });
  });
  it('004 Big Picture: one held long after its month answers the latest Big Picture month that had begun', () => {
    const colleague = employee({ startDate: '2027-01-15', jobs: [job({ startDate: '2027-01-15' })] });
    const history = [record('big-picture', '2027-06-03'), record('big-picture', '2028-09-10')];
    expect(only(due('assembly-secretariat', '2028-09-20', colleague, history), 'big-picture')).toMatchObject({
      status: 'completed',
      windowStart: '2028-06-01',
      dueDate: '2028-06-30',
    });
  });

  const limits: readonly [SchemeId, ConversationRecord['type'], number][] = [
    ['cumbria-vip', 'annual-review', 366],
    ['leicestershire-apr', 'annual-review', 366],
    ['bexley-pms', 'regular', 92],
    ['assembly-secretariat', 'big-picture', 124],
  ];
  it.each(limits)(
    '%s: for any history, a completed %s is never dated more than one cycle before the day it was held',
    (scheme, type, maxDays) => {
      fc.assert(
        fc.property(
          arbDate('2010-01-01', '2026-12-31'),
          fc.array(arbDate('2010-01-01', '2028-12-31'), { minLength: 1, maxLength: 6 }),
          arbDate('2011-01-01', '2029-12-31'),
          (start, dates, on) => {
            const who = employee({ startDate: start, jobs: [job({ startDate: start })] });
            const history = dates.filter((d) => d >= start).map((d) => record(type, d));
            for (const item of due(scheme, on, who, history).items.filter(
              (i) => i.type === type && i.status === 'completed',
            )) {
              expect(daysBetween(item.dueDate, item.completedOn ?? item.dueDate)).toBeLessThanOrEqual(maxDays);
            }
          },
        ),
        { numRuns: 300 },
      );
    },
  );
});
