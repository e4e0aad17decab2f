import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, addMonths, fromUtcDate, type IsoDate } from '../time/dates.ts';
import { due, employee, itemsOf, job, only, record } from './fixtures.test-support.ts';
import { lastOfMonth } from './rules/months.ts';

const ASSEMBLY = 'assembly-secretariat';
const colleague = employee({ startDate: '2027-01-15', jobs: [job({ startDate: '2027-01-15' })] });

const arbDate = (min: string, max: string) =>
  fc
    .date({ min: new Date(`${min}T00:00:00Z`), max: new Date(`${max}T00:00:00Z`), noInvalidDate: true })
    .map(fromUtcDate);

/** A day in the month `n` months after the month of `date`, `day` clamped to the month. */
const dayInMonth = (date: IsoDate, n: number, day: number): IsoDate => {
  const first = addMonths(`${date.slice(0, 7)}-01`, n);
  const last = lastOfMonth(first);
  const d = addDays(first, day - 1);
  return d > last ? last : d;
};

describe('004 Assembly Secretariat: Big Picture months follow the pair’s Big Picture conversations', () => {
  // A pair who meet every four months, but starting in June rather than in the colleague's fourth month.
  const history = [
    record('big-picture', '2027-06-03'),
    record('big-picture', '2027-10-05'),
    record('big-picture', '2028-02-07'),
  ];
  const months = ['2027-07', '2027-08', '2027-09', '2027-10', '2027-11', '2027-12', '2028-01', '2028-02'];

  it('004 Big Picture: a pair meeting every four months is never shown a Big Picture conversation overdue', () => {
    for (const m of months) {
      expect(only(due(ASSEMBLY, `${m}-20`, colleague, history), 'big-picture').status).not.toBe('overdue');
    }
  });
  it('004 Regular: a Regular conversation is expected in every month without a Big Picture one', () => {
    const regularStatus = months.map((m) => {
      const items = itemsOf(due(ASSEMBLY, `${m}-20`, colleague, history), 'regular');
      return items.find((i) => i.windowStart === `${m}-01`)?.status;
    });
    expect(regularStatus).toEqual(['due', 'due', 'due', 'suppressed', 'due', 'due', 'due', 'suppressed']);
  });
  it('004 Big Picture: the next one belongs four months after the last one held, and says so', () => {
    const item = only(due(ASSEMBLY, '2027-07-20', colleague, history), 'big-picture');
    expect(item).toMatchObject({ status: 'completed', completedOn: '2027-06-03' });
    expect(item.reason).toContain('the next belongs to October 2027');
    expect(only(due(ASSEMBLY, '2027-10-01', colleague, history.slice(0, 1)), 'big-picture')).toMatchObject({
      status: 'due',
      windowStart: '2027-10-01',
      dueDate: '2027-10-31',
    });
  });
  it('004 Big Picture: one held early moves the next one earlier and frees its old month for a Regular one', () => {
    const early = [record('big-picture', '2027-04-20')];
    expect(only(due(ASSEMBLY, '2027-05-10', colleague, early), 'regular').status).toBe('due');
    expect(only(due(ASSEMBLY, '2027-08-10', colleague, early), 'big-picture')).toMatchObject({
      status: 'due',
      windowStart: '2027-08-01',
    });
    const august = itemsOf(due(ASSEMBLY, '2027-08-10', colleague, early), 'regular');
    expect(august.map((i) => [i.windowStart, i.status])).toEqual([
      ['2027-07-01', 'overdue'],
      ['2027-08-01', 'suppressed'],
    ]);
  });
  it('004 Regular: while a Big Picture conversation is overdue, the months after its due month expect a Regular one', () => {
    const report = due(ASSEMBLY, '2027-06-10', colleague, [record('regular', '2027-04-12')]);
    expect(only(report, 'big-picture')).toMatchObject({ status: 'overdue', windowStart: '2027-05-01' });
    expect(itemsOf(report, 'regular').map((i) => [i.windowStart, i.status])).toEqual([['2027-06-01', 'due']]);
  });

  it('004: for any Big Picture date, no Regular is expected in that month, one is expected in each month up to the next Big Picture, and none in the month the next is due', () => {
    fc.assert(
      fc.property(
        arbDate('2022-01-01', '2028-12-31'),
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 1, max: 31 }),
        fc.integer({ min: 1, max: 31 }),
        (start, monthsToBigPicture, bigPictureDay, onDay) => {
          const who = employee({ startDate: start, jobs: [job({ startDate: start })] });
          const held = dayInMonth(start, monthsToBigPicture, bigPictureDay);
          if (held < start) return;
          const history = [record('big-picture', held)];
          const regularIn = (n: number) => {
            const day = dayInMonth(held, n, onDay);
            const on = day < start ? start : day;
            return itemsOf(due(ASSEMBLY, on, who, history), 'regular').filter(
              (i) => i.windowStart === `${on.slice(0, 7)}-01`,
            );
          };
          expect(regularIn(0).map((i) => i.status)).toEqual(['suppressed']);
          for (const n of [1, 2, 3]) expect(regularIn(n).map((i) => i.status)).toEqual(['due']);
          expect(regularIn(4).map((i) => i.status)).toEqual(['suppressed']);
          const next = only(due(ASSEMBLY, dayInMonth(held, 4, onDay), who, history), 'big-picture');
          expect(next.windowStart).toBe(dayInMonth(held, 4, 1));
        },
      ),
      { numRuns: 300 },
    );
  });
});
