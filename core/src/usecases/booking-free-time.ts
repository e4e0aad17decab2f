/** Free times of two people from their calendars' busy times and working hours (no calendar service choosing). */
import type { Nation } from '../domain/people.ts';
import type { PersonSchedule } from '../ports/calendar.ts';
import { addDays, type IsoDate, type IsoDateTime } from '../time/dates.ts';
import type { WorkingDayCalendar } from '../time/working-days.ts';
import { officeHours, withinWorkingTime, type WorkingHours } from '../time/working-time.ts';
import { zonedToUtc } from './zoned-time.ts';

const STEP_MS = 30 * 60_000;

/** Every day of the runs of working days, in order. */
export const daysOfRuns = (runs: readonly { from: IsoDate; to: IsoDate }[]): IsoDate[] =>
  runs.flatMap((r) => {
    const days: IsoDate[] = [];
    for (let d = r.from; d <= r.to; d = addDays(d, 1)) days.push(d);
    return days;
  });

/** Each person's hours as their mailbox sets them, else office hours in the employer's zone. */
export const hoursOf = (schedule: PersonSchedule | undefined, employerZone: string): WorkingHours =>
  schedule?.workingHours ?? officeHours(employerZone);

const weekdayIn = (instantMs: number, timeZone: string): string =>
  new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'long' }).format(new Date(instantMs)).toLowerCase();

/** A day the mailbox does not work (a part-time day off) is never offered; no list means every working day. */
const onTheirDays = (startMs: number, schedules: readonly PersonSchedule[]): boolean =>
  schedules.every((s) => {
    const hours = s.workingHours;
    return (
      hours === undefined ||
      hours.daysOfWeek.length === 0 ||
      hours.daysOfWeek.includes(weekdayIn(startMs, hours.timeZone))
    );
  });

export interface FreeTimeQuery {
  /** The days to look at, in the employer's zone. */
  readonly days: readonly IsoDate[];
  readonly schedules: readonly PersonSchedule[];
  readonly employerZone: string;
  readonly nation: Nation;
  readonly calendar: WorkingDayCalendar;
  readonly durationMinutes: number;
  /** Nothing starting before this is offered. */
  readonly notBefore: IsoDateTime;
  readonly max: number;
  /** At most this many a day, so the offer spans several days. */
  readonly perDay: number;
}

/**
 * Half-hourly starts on the given days when everyone is inside their working time (a working day
 * of the employer's nation, between their own hours in their own zone, on a day their mailbox
 * works) and nobody's calendar shows them taken, earliest first.
 */
export const freeTimes = (q: FreeTimeQuery): { start: IsoDateTime; end: IsoDateTime }[] => {
  const hours = q.schedules.map((s) => hoursOf(s, q.employerZone));
  const busy = q.schedules.flatMap((s) => s.busy.map((b) => ({ start: Date.parse(b.start), end: Date.parse(b.end) })));
  const length = q.durationMinutes * 60_000;
  const earliest = Date.parse(q.notBefore);
  const found: { start: IsoDateTime; end: IsoDateTime }[] = [];
  for (const day of q.days) {
    let today = 0;
    const from = Date.parse(zonedToUtc(day, '00:00', q.employerZone));
    for (let t = from; t < from + 24 * 3_600_000 && today < q.perDay && found.length < q.max; t += STEP_MS) {
      const slot = { start: new Date(t).toISOString(), end: new Date(t + length).toISOString() };
      if (t < earliest || !withinWorkingTime(slot, hours, q.nation, q.calendar) || !onTheirDays(t, q.schedules))
        continue;
      if (busy.some((b) => b.start < t + length && b.end > t)) continue;
      found.push(slot);
      today += 1;
    }
  }
  return found;
};
