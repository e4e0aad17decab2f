import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Nation } from '../domain/people.ts';
import { AppError } from '../errors.ts';
import { addDays, fromUtcDate } from './dates.ts';
import { addWorkingDays, createWorkingDayCalendar, isWorkingDay } from './working-days.ts';

const NATIONS: readonly Nation[] = ['england-and-wales', 'scotland', 'northern-ireland'];
const calendar = createWorkingDayCalendar();

const arbDate = fc
  .date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2035-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => fromUtcDate(d));
const arbNation = fc.constantFrom(...NATIONS);

describe('bank holidays of each UK nation', () => {
  it('England and Wales: Easter Monday is a bank holiday, Scotland works it', () => {
    expect(isWorkingDay('2026-04-06', 'england-and-wales')).toBe(false);
    expect(isWorkingDay('2026-04-06', 'northern-ireland')).toBe(false);
    expect(isWorkingDay('2026-04-06', 'scotland')).toBe(true);
  });
  it('Good Friday is a holiday in every nation', () => {
    for (const nation of NATIONS) expect(calendar.isWorkingDay('2026-04-03', nation)).toBe(false);
  });
  it('Scotland: 2 January is a bank holiday, with a substitute Monday when it falls at a weekend', () => {
    expect(calendar.isWorkingDay('2026-01-02', 'scotland')).toBe(false);
    expect(calendar.isWorkingDay('2026-01-02', 'england-and-wales')).toBe(true);
    expect(calendar.isWorkingDay('2027-01-04', 'scotland')).toBe(false);
    expect(calendar.isWorkingDay('2027-01-04', 'england-and-wales')).toBe(true);
  });
  it("Scotland: St Andrew's Day on a Sunday moves to the Monday", () => {
    expect(calendar.isBankHoliday('2025-11-30', 'scotland')).toBe(true);
    expect(calendar.isWorkingDay('2025-12-01', 'scotland')).toBe(false);
    expect(calendar.isWorkingDay('2025-12-01', 'england-and-wales')).toBe(true);
    expect(calendar.isWorkingDay('2026-11-30', 'scotland')).toBe(false);
  });
  it("Northern Ireland: St Patrick's Day and the Twelfth, with its substitute day", () => {
    expect(calendar.isWorkingDay('2026-03-17', 'northern-ireland')).toBe(false);
    expect(calendar.isWorkingDay('2026-03-17', 'england-and-wales')).toBe(true);
    expect(calendar.isWorkingDay('2027-07-12', 'northern-ireland')).toBe(false);
    expect(calendar.isWorkingDay('2026-07-13', 'northern-ireland')).toBe(false);
    expect(calendar.isWorkingDay('2027-07-12', 'scotland')).toBe(true);
  });
  it('summer bank holiday is early August in Scotland and late August elsewhere', () => {
    expect(calendar.isWorkingDay('2026-08-03', 'scotland')).toBe(false);
    expect(calendar.isWorkingDay('2026-08-03', 'england-and-wales')).toBe(true);
    expect(calendar.isWorkingDay('2026-08-31', 'england-and-wales')).toBe(false);
    expect(calendar.isWorkingDay('2026-08-31', 'scotland')).toBe(true);
  });
  it('Boxing Day on a Saturday gives a substitute Monday', () => {
    expect(calendar.isWorkingDay('2026-12-28', 'england-and-wales')).toBe(false);
    expect(calendar.isWorkingDay('2026-12-29', 'england-and-wales')).toBe(true);
  });
  it("observances such as Mother's Day are not days off", () => {
    expect(calendar.bankHolidays('england-and-wales', 2027).has('2027-03-07')).toBe(false);
  });
  it('weekends are never working days', () => {
    expect(calendar.isWorkingDay('2026-05-09', 'england-and-wales')).toBe(false);
    expect(calendar.isWorkingDay('2026-05-10', 'scotland')).toBe(false);
    expect(calendar.isWorkingDay('2026-05-11', 'northern-ireland')).toBe(true);
  });
});

describe('adding working days', () => {
  it('skips Good Friday and Easter Monday in England and Wales', () => {
    expect(addWorkingDays('2026-04-02', 10, 'england-and-wales')).toBe('2026-04-20');
  });
  it('skips only Good Friday in Scotland over the same Easter', () => {
    expect(addWorkingDays('2026-04-02', 10, 'scotland')).toBe('2026-04-17');
  });
  it('skips the Christmas substitute days', () => {
    expect(addWorkingDays('2027-12-23', 1, 'england-and-wales')).toBe('2027-12-24');
    expect(addWorkingDays('2027-12-24', 1, 'england-and-wales')).toBe('2027-12-29');
  });
  it('zero working days leaves the date as it is', () => {
    expect(addWorkingDays('2026-05-09', 0, 'scotland')).toBe('2026-05-09');
  });
  it('counts backwards for a negative number', () => {
    expect(addWorkingDays('2026-04-07', -1, 'england-and-wales')).toBe('2026-04-02');
  });
  it('refuses a fractional number of days', () => {
    expect(() => addWorkingDays('2026-04-07', 1.5, 'england-and-wales')).toThrow(AppError);
  });
  it('counts working days in a half-open range', () => {
    expect(calendar.workingDaysBetween('2026-04-02', '2026-04-20', 'england-and-wales')).toBe(10);
    expect(calendar.workingDaysBetween('2026-04-20', '2026-04-02', 'england-and-wales')).toBe(-10);
  });
});

describe('working-day properties', () => {
  it('a deadline n ≥ 1 working days later is never a weekend or a bank holiday of the nation', () => {
    fc.assert(
      fc.property(arbDate, fc.integer({ min: 1, max: 40 }), arbNation, (date, n, nation) => {
        const deadline = calendar.addWorkingDays(date, n, nation);
        const day = new Date(`${deadline}T00:00:00Z`).getUTCDay();
        expect(day === 0 || day === 6).toBe(false);
        expect(calendar.isBankHoliday(deadline, nation)).toBe(false);
      }),
    );
  });
  it('is monotonic: more working days never gives an earlier date', () => {
    fc.assert(
      fc.property(
        arbDate,
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 0, max: 30 }),
        arbNation,
        (d, a, b, n) => {
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          expect(calendar.addWorkingDays(d, lo, n) <= calendar.addWorkingDays(d, hi, n)).toBe(true);
        },
      ),
    );
  });
  it('n working days later has exactly n working days in between', () => {
    fc.assert(
      fc.property(arbDate, fc.integer({ min: 0, max: 40 }), arbNation, (date, n, nation) => {
        const later = calendar.addWorkingDays(date, n, nation);
        expect(calendar.workingDaysBetween(date, later, nation)).toBe(n);
      }),
    );
  });
  it('going forward then back lands on the previous working day at or before the start', () => {
    fc.assert(
      fc.property(arbDate, fc.integer({ min: 1, max: 20 }), arbNation, (date, n, nation) => {
        const back = calendar.addWorkingDays(calendar.addWorkingDays(date, n, nation), -n, nation);
        expect(back <= date).toBe(true);
        expect(calendar.workingDaysBetween(back, date, nation)).toBe(0);
      }),
    );
  });
  it('a working-day deadline is never sooner than the same number of calendar days', () => {
    fc.assert(
      fc.property(arbDate, fc.integer({ min: 0, max: 30 }), arbNation, (date, n, nation) => {
        expect(calendar.addWorkingDays(date, n, nation) >= addDays(date, n)).toBe(true);
      }),
    );
  });
});
