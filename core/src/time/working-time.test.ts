import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Nation } from '../domain/people.ts';
import { addDays } from './dates.ts';
import { createWorkingDayCalendar } from './working-days.ts';
import { officeHours, withinWorkingTime, workingDayRuns, type WorkingHours } from './working-time.ts';

const calendar = createWorkingDayCalendar();
const NATIONS: readonly Nation[] = ['england-and-wales', 'scotland', 'northern-ireland'];
const LONDON = officeHours('Europe/London');
const NEW_YORK: WorkingHours = { timeZone: 'America/New_York', start: '09:00', end: '17:00' };

/** The wall clock in a zone, worked out independently of the code under test. */
const wall = (instant: number, timeZone: string) => {
  const f = (o: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat('en-GB', { timeZone, ...o }).format(instant);
  return {
    weekday: f({ weekday: 'long' }),
    day: new Intl.DateTimeFormat('en-CA', { timeZone }).format(instant),
    hhmm: f({ hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }),
  };
};

const MINUTE = 60_000;
/** Slots of 15 minutes to 4 hours starting on a quarter hour in the daytime (UTC 06:00–20:00), 2026 to 2028. */
const slotArb = fc
  .record({
    day: fc.integer({ min: 0, max: 3 * 365 }),
    quarter: fc.integer({ min: 6 * 4, max: 20 * 4 }),
    quarters: fc.integer({ min: 1, max: 16 }),
  })
  .map(({ day, quarter, quarters }) => {
    const at = Date.UTC(2026, 0, 1 + day) + quarter * 15 * MINUTE;
    return { start: new Date(at).toISOString(), end: new Date(at + quarters * 15 * MINUTE).toISOString() };
  });

describe('#19 slots only inside working time', () => {
  it('an accepted slot is on a weekday that is no bank holiday of the nation, between 09:00 and 17:00 for everyone in their own zone', () => {
    fc.assert(
      fc.property(slotArb, fc.constantFrom(...NATIONS), fc.boolean(), (slot, nation, abroad) => {
        const people = abroad ? [LONDON, NEW_YORK] : [LONDON, LONDON];
        fc.pre(withinWorkingTime(slot, people, nation, calendar));
        for (const p of people) {
          const from = wall(Date.parse(slot.start), p.timeZone);
          const to = wall(Date.parse(slot.end) - MINUTE, p.timeZone);
          expect(['Saturday', 'Sunday']).not.toContain(from.weekday);
          expect(calendar.isBankHoliday(from.day, nation)).toBe(false);
          expect(to.day).toBe(from.day);
          expect(from.hhmm >= '09:00').toBe(true);
          expect(to.hhmm < '17:00').toBe(true);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('never accepts a slot at a weekend, whatever the hours', () => {
    fc.assert(
      fc.property(slotArb, fc.constantFrom(...NATIONS), (slot, nation) => {
        const weekday = wall(Date.parse(slot.start), 'Europe/London').weekday;
        fc.pre(weekday === 'Saturday' || weekday === 'Sunday');
        const allDay: WorkingHours = { timeZone: 'Europe/London', start: '00:00', end: '24:00' };
        expect(withinWorkingTime(slot, [allDay], nation, calendar)).toBe(false);
      }),
    );
  });

  it('accepts any hour inside the working day of an ordinary working day', () => {
    const mondays = fc.integer({ min: 0, max: 150 }).map((w) => addDays('2026-01-05', w * 7 + 1));
    fc.assert(
      fc.property(mondays, fc.integer({ min: 9, max: 16 }), (tuesday, hour) => {
        fc.pre(calendar.isWorkingDay(tuesday, 'england-and-wales'));
        const start = Date.parse(`${tuesday}T12:00:00Z`);
        // 12:00 UTC is 12:00 or 13:00 in London; move to the wanted local hour.
        const offset = Number(wall(start, 'Europe/London').hhmm.slice(0, 2)) - 12;
        const at = start + (hour - 12 - offset) * 60 * MINUTE;
        const slot = { start: new Date(at).toISOString(), end: new Date(at + 60 * MINUTE).toISOString() };
        expect(withinWorkingTime(slot, [LONDON, LONDON], 'england-and-wales', calendar)).toBe(hour <= 16);
      }),
    );
  });

  it('the employer’s own bank holidays: Scotland works on the English summer bank holiday, England on the Scottish one', () => {
    const at = (day: string) => ({ start: `${day}T10:00:00.000Z`, end: `${day}T11:00:00.000Z` });
    expect(withinWorkingTime(at('2027-08-30'), [LONDON], 'england-and-wales', calendar)).toBe(false);
    expect(withinWorkingTime(at('2027-08-30'), [LONDON], 'scotland', calendar)).toBe(true);
    expect(withinWorkingTime(at('2027-08-02'), [LONDON], 'scotland', calendar)).toBe(false);
    expect(withinWorkingTime(at('2027-08-02'), [LONDON], 'england-and-wales', calendar)).toBe(true);
    // Early May bank holiday, everywhere in the UK.
    expect(withinWorkingTime(at('2027-05-03'), [LONDON], 'northern-ireland', calendar)).toBe(false);
  });

  it('both people’s zones count: London 09:00 is before New York’s day starts, 15:00 is inside both', () => {
    const day = '2027-05-04';
    const nineLondon = { start: `${day}T08:00:00.000Z`, end: `${day}T09:00:00.000Z` };
    const threeLondon = { start: `${day}T14:00:00.000Z`, end: `${day}T15:00:00.000Z` };
    expect(withinWorkingTime(nineLondon, [LONDON, LONDON], 'england-and-wales', calendar)).toBe(true);
    expect(withinWorkingTime(nineLondon, [LONDON, NEW_YORK], 'england-and-wales', calendar)).toBe(false);
    expect(withinWorkingTime(threeLondon, [LONDON, NEW_YORK], 'england-and-wales', calendar)).toBe(true);
  });
});

describe('#19 runs of working days to ask the calendar about', () => {
  it('cover every working day in the range once, in order, and nothing else', () => {
    const dayArb = fc.integer({ min: 0, max: 1000 }).map((n) => addDays('2026-01-01', n));
    fc.assert(
      fc.property(dayArb, fc.integer({ min: 0, max: 40 }), fc.constantFrom(...NATIONS), (from, length, nation) => {
        const to = addDays(from, length);
        const runs = workingDayRuns(from, to, nation, calendar);
        const covered: string[] = [];
        for (const run of runs) {
          for (let d = run.from; d <= run.to; d = addDays(d, 1)) covered.push(d);
        }
        const expected: string[] = [];
        for (let d = from; d <= to; d = addDays(d, 1)) if (calendar.isWorkingDay(d, nation)) expected.push(d);
        expect(covered).toEqual(expected);
        // Runs are separated by at least one day off, so none could be merged into the next.
        runs.slice(1).forEach((run, i) => {
          expect(run.from > addDays(runs[i]?.to ?? '', 1)).toBe(true);
        });
      }),
    );
  });
});
