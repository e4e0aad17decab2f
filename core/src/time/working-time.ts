import type { Nation } from '../domain/people.ts';
import { addDays, type IsoDate, type IsoDateTime } from './dates.ts';
import type { WorkingDayCalendar } from './working-days.ts';

/** One person's working day as their mailbox (or, failing that, their employer) sets it. */
export interface WorkingHours {
  /** IANA zone the hours are in. */
  readonly timeZone: string;
  /** `HH:MM`, local. */
  readonly start: string;
  readonly end: string;
}

/** Hours assumed when a person's own are not known: 09:00 to 17:00 in their employer's zone. */
export const officeHours = (timeZone: string): WorkingHours => ({ timeZone, start: '09:00', end: '17:00' });

const minutesOf = (hhmm: string): number => {
  const [h = '0', m = '0'] = hhmm.split(':');
  return Number(h) * 60 + Number(m);
};

/** The local day and minute of the day an instant falls on in a zone. */
const localTime = (instantMs: number, timeZone: string): { day: IsoDate; minutes: number } => {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(instantMs));
  const get = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '00';
  return {
    day: `${get('year')}-${get('month')}-${get('day')}`,
    minutes: Number(get('hour')) * 60 + Number(get('minute')),
  };
};

/**
 * Whether [start, end) lies wholly inside everyone's working time: one working day of the employer's
 * nation (never a weekend or a bank holiday) in each person's own zone, between their hours.
 */
export const withinWorkingTime = (
  slot: { readonly start: IsoDateTime; readonly end: IsoDateTime },
  people: readonly WorkingHours[],
  nation: Nation,
  calendar: WorkingDayCalendar,
): boolean => {
  const startMs = Date.parse(slot.start);
  const endMs = Date.parse(slot.end);
  if (!(endMs > startMs)) return false;
  return people.every((p) => {
    const from = localTime(startMs, p.timeZone);
    // The last minute of the slot, so a slot ending at 17:00 sharp ends on the same day.
    const to = localTime(endMs - 60_000, p.timeZone);
    return (
      from.day === to.day &&
      calendar.isWorkingDay(from.day, nation) &&
      from.minutes >= minutesOf(p.start) &&
      to.minutes + 1 <= minutesOf(p.end)
    );
  });
};

/**
 * The working days from `from` to `to` (inclusive) in runs of consecutive days, earliest first: a
 * calendar service asked one run at a time never spends its candidates on a weekend or a bank holiday.
 */
export const workingDayRuns = (
  from: IsoDate,
  to: IsoDate,
  nation: Nation,
  calendar: WorkingDayCalendar,
): { from: IsoDate; to: IsoDate }[] => {
  const runs: { from: IsoDate; to: IsoDate }[] = [];
  let open: { from: IsoDate; to: IsoDate } | undefined;
  for (let day = from; day <= to; day = addDays(day, 1)) {
    if (!calendar.isWorkingDay(day, nation)) {
      open = undefined;
      continue;
    }
    if (open === undefined) {
      open = { from: day, to: day };
      runs.push(open);
    } else open.to = day;
  }
  return runs;
};
