/**
 * Calendar dates are plain ISO strings (`YYYY-MM-DD`) with no time zone: a
 * review is due on a day, not at an instant. Arithmetic is done in UTC so that
 * it never shifts across daylight-saving changes.
 */
export type IsoDate = string;
/** An instant, ISO 8601 with offset, e.g. `2027-05-01T09:30:00.000Z`. */
export type IsoDateTime = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export const isIsoDate = (value: string): boolean => {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
};

export const toUtcDate = (date: IsoDate): Date => new Date(`${date}T00:00:00Z`);
export const fromUtcDate = (date: Date): IsoDate => date.toISOString().slice(0, 10);

/**
 * A plain `YYYY-MM-DD` of a real day as [year, month, day], or undefined for anything else (which
 * then takes the slower `Date` path, with its errors). The scheme engine does this arithmetic
 * several times per person and rule, so it avoids making a `Date` and formatting it back each time.
 */
const partsOf = (date: IsoDate): readonly [number, number, number] | undefined => {
  if (date.length !== 10 || date.charCodeAt(4) !== 45 || date.charCodeAt(7) !== 45) return undefined;
  const y = digits(date, 0, 4);
  const m = digits(date, 5, 7);
  const d = digits(date, 8, 10);
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m) ? [y, m, d] : undefined;
};

/** The number written in `text` from `from` to `to`, or -1 if anything there is not a digit. */
const digits = (text: string, from: number, to: number): number => {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
};

const isLeapYear = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;
/** Days in month `m` (1–12) of year `y`. */
export const daysInMonth = (y: number, m: number): number =>
  m === 2 && isLeapYear(y) ? 29 : (MONTH_DAYS[m - 1] ?? 31);

/** Days since 1970-01-01 of a proleptic Gregorian date (the civil-from-days algorithm, inverted). */
const dayNumber = (y: number, m: number, d: number): number => {
  const year = m <= 2 ? y - 1 : y;
  const era = Math.floor(year / 400);
  const yearOfEra = year - era * 400;
  const dayOfYear = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
};

const pad2 = (n: number): string => (n < 10 ? `0${String(n)}` : String(n));

/** `YYYY-MM-DD` for years 0–9999, as `toISOString` writes them; other years take the `Date` path. */
const format = (y: number, m: number, d: number): IsoDate =>
  y >= 0 && y <= 9999
    ? `${String(y).padStart(4, '0')}-${pad2(m)}-${pad2(d)}`
    : fromUtcDate(new Date(Date.UTC(y, m - 1, d)));

/** The date `days` after 1970-01-01. */
const fromDayNumber = (days: number): IsoDate => {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const d = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return format(yearOfEra + era * 400 + (m <= 2 ? 1 : 0), m, d);
};

export const addDays = (date: IsoDate, days: number): IsoDate => {
  const parts = partsOf(date);
  if (parts !== undefined && Number.isInteger(days)) return fromDayNumber(dayNumber(...parts) + days);
  const d = toUtcDate(date);
  d.setUTCDate(d.getUTCDate() + days);
  return fromUtcDate(d);
};

/** Adds calendar months, clamping to the last day of a shorter month (31 Jan + 1 month = 28/29 Feb). */
export const addMonths = (date: IsoDate, months: number): IsoDate => {
  const parts = partsOf(date);
  if (parts !== undefined && Number.isInteger(months)) {
    const [y, m, d] = parts;
    const index = y * 12 + m - 1 + months;
    const year = Math.floor(index / 12);
    const month = index - year * 12 + 1;
    return format(year, month, Math.min(d, daysInMonth(year, month)));
  }
  const d = toUtcDate(date);
  const day = d.getUTCDate();
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return fromUtcDate(target);
};

/** Whole days from `a` to `b` (positive when b is later). */
export const daysBetween = (a: IsoDate, b: IsoDate): number => {
  const from = partsOf(a);
  const to = partsOf(b);
  if (from !== undefined && to !== undefined) return dayNumber(...to) - dayNumber(...from);
  return Math.round((toUtcDate(b).getTime() - toUtcDate(a).getTime()) / 86_400_000);
};

export const compareDates = (a: IsoDate, b: IsoDate): number => (a < b ? -1 : a > b ? 1 : 0);
export const minDate = (a: IsoDate, b: IsoDate): IsoDate => (a <= b ? a : b);
export const maxDate = (a: IsoDate, b: IsoDate): IsoDate => (a >= b ? a : b);
/** `YYYY-MM` of a date. */
export const monthOf = (date: IsoDate): string => date.slice(0, 7);
