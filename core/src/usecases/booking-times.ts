import type { PersonId } from '../domain/people.ts';
import { AppError } from '../errors.ts';
import type { MeetingSlot } from '../ports/calendar.ts';
import { addDays, type IsoDate } from '../time/dates.ts';
import { createWorkingDayCalendar } from '../time/working-days.ts';
import { withinWorkingTime, workingDayRuns } from '../time/working-time.ts';
import { addressesOf, calendarOf, guardBooking, pairOf } from './booking-parties.ts';
import { daysOfRuns, freeTimes, hoursOf } from './booking-free-time.ts';
import type { Caller, UseCaseDeps } from './deps.ts';
import { zonedToUtc } from './zoned-time.ts';

export const NO_FREE_TIME =
  'No time is free in both calendars within working hours on those days (weekends and bank holidays are left out).';

/**
 * Only times when everyone's calendar shows them free are offered: the calendar service also
 * offers times when someone is busy or only tentatively free, rated lower, and those are left out.
 */
export const freeForEveryone = (slots: readonly MeetingSlot[]): MeetingSlot[] =>
  slots.filter((s) => s.availability.length > 0 && s.availability.every((a) => a === 'free'));

/** At most this many runs of working days are asked about in one suggestion: each is a Graph call. */
const MAX_RUNS = 4;
/** A coordinator is offered up to this many times, a few a day. */
const COORDINATOR_OFFERS = 12;

/**
 * Times free in both calendars on the chosen days, inside working time only: working days of the
 * employer's nation (never a weekend or a bank holiday), within each person's working hours in their
 * own zone, as their mailboxes set them (Graph getSchedule; office hours in the organisation's zone
 * when a mailbox does not say). When one of the pair books, Graph's findMeetingTimes looks from their
 * calendar outward, one run of consecutive working days a request, earliest first. A coordinator
 * (004) books for the pair without attending: the times come from the manager's calendar and the
 * member of staff's, read with the app's permission, never from the coordinator's own.
 */
export const suggestTimes = async (
  deps: UseCaseDeps,
  caller: Caller,
  input: { employeeId: PersonId; from: IsoDate; to: IsoDate; durationMinutes: number },
) => {
  const { tenant, subject, me } = await guardBooking(deps, caller, input.employeeId);
  if (caller.token === undefined) throw new AppError('unauthenticated', 'Please sign in again to use your calendar.');
  const { managerId } = pairOf(subject, caller.userId);
  const pair = [subject.employee.id, managerId];
  const inPair = pair.includes(caller.userId);
  const pairAddresses = await addressesOf(deps, caller.tenantId, pair, [subject.employee, me]);
  const days = createWorkingDayCalendar();
  const runs = workingDayRuns(input.from, input.to, tenant.nation, days).slice(0, MAX_RUNS);
  const calendar = calendarOf(deps, caller.tenantId);
  const first = runs[0];
  const last = runs.at(-1);
  if (first === undefined || last === undefined) return { slots: [], explanation: NO_FREE_TIME };
  const schedules = await calendar.schedules({
    // Through the caller's own mailbox with their token; a coordinator's through the manager's, as the app.
    mailboxId: inPair ? caller.userId : managerId,
    ...(inPair ? { userToken: caller.token } : {}),
    people: pairAddresses,
    from: zonedToUtc(first.from, '00:00', tenant.timeZone),
    to: zonedToUtc(addDays(last.to, 1), '00:00', tenant.timeZone),
  });
  const hours = pairAddresses.map((email) =>
    hoursOf(
      schedules.find((s) => s.email === email),
      tenant.timeZone,
    ),
  );
  if (!inPair) {
    const free = freeTimes({
      days: daysOfRuns(runs),
      schedules,
      employerZone: tenant.timeZone,
      nation: tenant.nation,
      calendar: days,
      durationMinutes: input.durationMinutes,
      notBefore: deps.clock.now(),
      max: COORDINATOR_OFFERS,
      perDay: 4,
    });
    const slots = free.map((s) => ({ ...s, confidence: 100 }));
    return slots.length > 0 ? { slots } : { slots: [], explanation: NO_FREE_TIME };
  }
  // Graph looks from the signed-in user's calendar outward; the other of the pair is an attendee.
  const attendees = pairAddresses.filter((_, i) => pair[i] !== caller.userId);
  const slots: { start: string; end: string; confidence: number }[] = [];
  for (const run of runs) {
    const offered = await calendar.suggestTimes({
      userToken: caller.token,
      organizerId: caller.userId,
      attendees,
      organizerAttends: true,
      from: zonedToUtc(run.from, '00:00', tenant.timeZone),
      to: zonedToUtc(addDays(run.to, 1), '00:00', tenant.timeZone),
      durationMinutes: input.durationMinutes,
      timeZone: tenant.timeZone,
    });
    for (const { start, end, confidence } of freeForEveryone(offered)) {
      if (withinWorkingTime({ start, end }, hours, tenant.nation, days)) slots.push({ start, end, confidence });
    }
  }
  slots.sort((a, b) => a.start.localeCompare(b.start));
  return slots.length > 0 ? { slots } : { slots: [], explanation: NO_FREE_TIME };
};
