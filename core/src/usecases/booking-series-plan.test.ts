import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { employee, job, record, tenantFor } from '../engine/fixtures.test-support.ts';
import { isAppError } from '../errors.ts';
import { addDays, addMonths, fromUtcDate, toUtcDate } from '../time/dates.ts';
import { isWorkingDay } from '../time/working-days.ts';
import { planSeries, type SeriesRequest } from './booking-series-plan.ts';
import { zonedDate, zonedToUtc } from './zoned-time.ts';

const ASSEMBLY = tenantFor('assembly-secretariat');
const colleague = (weeks?: number) =>
  employee({
    startDate: '2027-01-15',
    jobs: [job({ startDate: '2027-01-15', ...(weeks === undefined ? {} : { agreedRegularEveryWeeks: weeks }) })],
  });

const request = (overrides: Partial<SeriesRequest> & { day: string; time?: string }): SeriesRequest => {
  const { day, time = '10:00', ...rest } = overrides;
  const start = zonedToUtc(day, time, 'Europe/London');
  return {
    tenant: ASSEMBLY,
    employee: colleague(),
    managerId: 'manager-1',
    history: [],
    start,
    end: new Date(Date.parse(start) + 60 * 60_000).toISOString(),
    until: addMonths(day, 6),
    ...rest,
  };
};

const months = (dates: readonly string[]) => dates.map((d) => d.slice(0, 7));

describe('004 Regular: a series of Regular conversations as one Outlook series', () => {
  // Big Picture held in June 2027: the next belongs to October, the one after to February 2028.
  const history = [record('big-picture', '2027-06-03')];
  const march = [record('big-picture', '2027-03-10')];

  it('004 Big Picture: a monthly series leaves out the month that holds the Big Picture conversation, and says why', () => {
    const plan = planSeries(request({ day: '2027-07-13', history, until: '2028-01-31' }));
    expect(plan.pattern).toEqual({ type: 'relativeMonthly', interval: 1, dayOfWeek: 'tuesday', index: 'second' });
    expect(plan.every).toBe('every month on the second Tuesday');
    expect(plan.occurrences.map((o) => o.date)).toEqual([
      '2027-07-13',
      '2027-08-10',
      '2027-09-14',
      '2027-11-09',
      '2027-12-14',
      '2028-01-11',
    ]);
    expect(plan.skipped.map(({ date, why }) => ({ date, why }))).toEqual([{ date: '2027-10-12', why: 'big-picture' }]);
    expect(plan.skipped[0]?.reason).toContain('October');
    expect(plan.skipped[0]?.reason).toContain('Big Picture');
  });

  it('004 Big Picture: the Big Picture month after next is left out too, counted on from the next one held when due', () => {
    const plan = planSeries(request({ day: '2027-07-13', history, until: '2028-03-31' }));
    expect(months(plan.skipped.map((s) => s.date))).toEqual(['2027-10', '2028-02']);
    expect(months(plan.occurrences.map((o) => o.date))).toContain('2028-03');
  });

  it('004 Big Picture: a Big Picture conversation already booked early moves the month left out with it', () => {
    const early = [...history, record('big-picture', '2027-09-20', 'booked')];
    const plan = planSeries(request({ day: '2027-07-13', history: early, until: '2027-12-31' }));
    expect(months(plan.skipped.map((s) => s.date))).toEqual(['2027-09']);
    expect(months(plan.occurrences.map((o) => o.date))).toEqual([
      '2027-07',
      '2027-08',
      '2027-10',
      '2027-11',
      '2027-12',
    ]);
  });

  it('004 Regular: a pair who agreed to meet fortnightly get a fortnightly series, still without the Big Picture month', () => {
    const plan = planSeries(request({ day: '2027-09-01', employee: colleague(2), history, until: '2027-11-30' }));
    expect(plan.pattern).toEqual({ type: 'weekly', interval: 2, dayOfWeek: 'wednesday' });
    expect(plan.every).toBe('every 2 weeks on Wednesday');
    expect(months(plan.occurrences.map((o) => o.date))).not.toContain('2027-10');
    expect(plan.skipped.map((s) => s.date)).toEqual(['2027-10-13', '2027-10-27']);
  });

  it('a meeting that would fall on a bank holiday is left out and named, never booked', () => {
    // The first Monday of May 2027 is the early May bank holiday.
    // A Big Picture conversation held in March: the next belongs to July.
    const plan = planSeries(request({ day: '2027-04-05', history: march, until: '2027-06-30' }));
    expect(plan.skipped).toEqual([expect.objectContaining({ date: '2027-05-03', why: 'bank-holiday' })]);
    expect(plan.skipped[0]?.reason).toContain('3 May 2027');
    expect(plan.occurrences.map((o) => o.date)).toEqual(['2027-04-05', '2027-06-07']);
  });

  it('every meeting keeps the first one’s wall-clock time across the clock change', () => {
    const plan = planSeries(request({ day: '2027-04-13', time: '10:30', history: march, until: '2027-06-30' }));
    expect(plan.occurrences.map((o) => o.start)).toEqual([
      '2027-04-13T09:30:00.000Z',
      '2027-05-11T09:30:00.000Z',
      '2027-06-08T09:30:00.000Z',
    ]);
    const winter = planSeries(request({ day: '2027-10-12', time: '10:30', history: march, until: '2027-11-30' }));
    expect(winter.occurrences.map((o) => o.start)).toEqual(['2027-10-12T09:30:00.000Z', '2027-11-09T10:30:00.000Z']);
    expect(plan.time).toBe('10:30');
  });

  it('001: a pair on a four-weekly default get a series every four weeks', () => {
    const plan = planSeries({
      ...request({ day: '2027-03-02', until: '2027-05-31' }),
      tenant: tenantFor('leicestershire-apr'),
    });
    expect(plan.pattern).toEqual({ type: 'weekly', interval: 4, dayOfWeek: 'tuesday' });
    expect(plan.occurrences.map((o) => o.date)).toEqual(['2027-03-02', '2027-03-30', '2027-04-27', '2027-05-25']);
  });

  it('refuses a first meeting on a weekend or a bank holiday, an end before it, and more than a year', () => {
    const codeOf = (r: SeriesRequest) => {
      try {
        planSeries(r);
        return 'planned';
      } catch (error) {
        return isAppError(error) ? error.code : 'other';
      }
    };
    expect(codeOf(request({ day: '2027-07-10' }))).toBe('validation');
    expect(codeOf(request({ day: '2027-05-03' }))).toBe('validation');
    expect(codeOf(request({ day: '2027-07-13', until: '2027-07-01' }))).toBe('validation');
    expect(codeOf(request({ day: '2027-07-13', until: '2028-08-01' }))).toBe('validation');
  });

  it('004: for any Big Picture date and first meeting, no meeting falls in a Big Picture month (the one held, then every four months) and every meeting is on a working day', () => {
    const arbDay = fc
      .date({ min: new Date('2027-02-01T00:00:00Z'), max: new Date('2028-06-30T00:00:00Z'), noInvalidDate: true })
      .map(fromUtcDate);
    fc.assert(
      fc.property(
        arbDay,
        fc.integer({ min: 0, max: 3 }),
        fc.integer({ min: 1, max: 28 }),
        fc.constantFrom(undefined, 1, 2, 3),
        fc.integer({ min: 2, max: 12 }),
        (first, monthsBack, bigPictureDay, weeks, length) => {
          const day = isWorkingDay(first, 'england-and-wales') ? first : undefined;
          if (day === undefined) return;
          const held = addDays(`${addMonths(day, -monthsBack).slice(0, 7)}-01`, bigPictureDay - 1);
          if (held < '2027-01-15' || held > day) return;
          const plan = planSeries(
            request({
              day,
              employee: colleague(weeks),
              history: [record('big-picture', held)],
              until: addMonths(day, length),
            }),
          );
          const bigPictureMonths = new Set(Array.from({ length: 8 }, (_, n) => addMonths(held, 4 * n).slice(0, 7)));
          for (const o of plan.occurrences) {
            expect(bigPictureMonths.has(o.date.slice(0, 7))).toBe(false);
            expect(isWorkingDay(o.date, 'england-and-wales')).toBe(true);
            expect(zonedDate(o.start, 'Europe/London')).toBe(o.date);
            expect(toUtcDate(o.date).getUTCDay()).toBe(toUtcDate(day).getUTCDay());
          }
          for (const s of plan.skipped.filter((x) => x.why === 'big-picture')) {
            expect(bigPictureMonths.has(s.date.slice(0, 7))).toBe(true);
          }
        },
      ),
      { numRuns: 50 },
    );
  });
});
