import Holidays from 'date-holidays';
import type { Nation } from '../domain/people.ts';
import { AppError } from '../errors.ts';
import { addDays, fromUtcDate, toUtcDate, type IsoDate } from './dates.ts';

/** date-holidays names the UK nations as regions of GB; Wales shares England's bank holidays. */
const REGION_OF: Readonly<Record<Nation, string>> = Object.freeze({
  'england-and-wales': 'ENG',
  scotland: 'SCT',
  'northern-ireland': 'NIR',
});

/** Only days off in law count; observances such as Mother's Day do not. */
const COUNTED_TYPES: ReadonlySet<string> = new Set(['public', 'bank']);

export interface WorkingDayCalendar {
  /** Bank holidays (including substitute days) of the nation in a calendar year. */
  bankHolidays(nation: Nation, year: number): ReadonlySet<IsoDate>;
  isBankHoliday(date: IsoDate, nation: Nation): boolean;
  /** Monday to Friday and not a bank holiday of the nation. */
  isWorkingDay(date: IsoDate, nation: Nation): boolean;
  /**
   * The n-th working day after `date` (before it when n is negative); the start day itself
   * is never counted, so "within 10 working days of 1 May" ends on the 10th working day after it.
   */
  addWorkingDays(date: IsoDate, n: number, nation: Nation): IsoDate;
  /** Working days in the half-open range (from, to]; negative when `to` is earlier. */
  workingDaysBetween(from: IsoDate, to: IsoDate, nation: Nation): number;
}

const isWeekend = (date: IsoDate): boolean => {
  const day = toUtcDate(date).getUTCDay();
  return day === 0 || day === 6;
};

/**
 * Building a holiday table costs milliseconds, so each calendar remembers the years it has
 * looked up. The memo lives inside the calendar, never at module level: create one per
 * request or per batch and pass it on.
 */
export const createWorkingDayCalendar = (): WorkingDayCalendar => {
  const engines = new Map<Nation, Holidays>();
  const years = new Map<string, ReadonlySet<IsoDate>>();

  const engineFor = (nation: Nation): Holidays => {
    const known = engines.get(nation);
    if (known) return known;
    const created = new Holidays('GB', REGION_OF[nation]);
    engines.set(nation, created);
    return created;
  };

  const bankHolidays = (nation: Nation, year: number): ReadonlySet<IsoDate> => {
    const key = `${nation}:${year}`;
    const known = years.get(key);
    if (known) return known;
    const days = new Set(
      engineFor(nation)
        .getHolidays(year)
        .filter((h) => COUNTED_TYPES.has(h.type))
        .map((h) => h.date.slice(0, 10)),
    );
    years.set(key, days);
    return days;
  };

  const isBankHoliday = (date: IsoDate, nation: Nation): boolean =>
    bankHolidays(nation, toUtcDate(date).getUTCFullYear()).has(date);

  const isWorkingDay = (date: IsoDate, nation: Nation): boolean => !isWeekend(date) && !isBankHoliday(date, nation);

  const addWorkingDays = (date: IsoDate, n: number, nation: Nation): IsoDate => {
    if (!Number.isInteger(n)) throw new AppError('validation', 'A number of working days must be a whole number.');
    const step = n < 0 ? -1 : 1;
    let remaining = Math.abs(n);
    let current = fromUtcDate(toUtcDate(date));
    while (remaining > 0) {
      current = addDays(current, step);
      if (isWorkingDay(current, nation)) remaining -= 1;
    }
    return current;
  };

  const workingDaysBetween = (from: IsoDate, to: IsoDate, nation: Nation): number => {
    if (to < from) return -workingDaysBetween(to, from, nation);
    let count = 0;
    for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (isWorkingDay(d, nation)) count += 1;
    return count;
  };

  return { bankHolidays, isBankHoliday, isWorkingDay, addWorkingDays, workingDaysBetween };
};

/** One-off check; pass a calendar when making many calls so holiday tables are built once. */
export const isWorkingDay = (
  date: IsoDate,
  nation: Nation,
  calendar: WorkingDayCalendar = createWorkingDayCalendar(),
): boolean => calendar.isWorkingDay(date, nation);

/** One-off deadline; pass a calendar when making many calls so holiday tables are built once. */
export const addWorkingDays = (
  date: IsoDate,
  n: number,
  nation: Nation,
  calendar: WorkingDayCalendar = createWorkingDayCalendar(),
): IsoDate => calendar.addWorkingDays(date, n, nation);
