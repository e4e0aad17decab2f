import type { IsoDate, IsoDateTime } from '../time/dates.ts';

const offsetMinutes = (instantMs: number, timeZone: string): number => {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(instantMs));
  const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value ?? '0');
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((asUtc - instantMs) / 60_000);
};

/** The instant at which a wall-clock time on a date happens in a zone (e.g. 09:30 in Europe/London). */
export const zonedToUtc = (date: IsoDate, hhmm: string, timeZone: string): IsoDateTime => {
  const guess = Date.parse(`${date}T${hhmm}:00Z`);
  const first = offsetMinutes(guess, timeZone);
  let instant = guess - first * 60_000;
  const second = offsetMinutes(instant, timeZone);
  if (second !== first) instant = guess - second * 60_000;
  return new Date(instant).toISOString();
};

/** The calendar date an instant falls on in a zone. */
export const zonedDate = (instant: IsoDateTime, timeZone: string): IsoDate =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(instant),
  );
