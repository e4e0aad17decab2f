import type { PersonId } from '../domain/people.ts';
import { AppError } from '../errors.ts';
import type { MeetingSlot } from '../ports/calendar.ts';
import { addDays, type IsoDate } from '../time/dates.ts';
import { createWorkingDayCalendar } from '../time/working-days.ts';
import { officeHours, withinWorkingTime, workingDayRuns } from '../time/working-time.ts';
import { addressesOf, calendarOf, guardBooking, pairOf } from './booking-parties.ts';
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

/**
 * Times free in both calendars on the chosen days, inside working time only: working days of the
 * employer's nation (never a weekend or a bank holiday), within each person's working hours in their
 * own zone. Neither person's mailbox settings reach the calendar port yet, so both work office hours
 * in the organisation's zone. Each run of consecutive working days is one request, earliest first.
 */
export const suggestTimes = async (
  deps: UseCaseDeps,
  caller: Caller,
  input: { employeeId: PersonId; from: IsoDate; to: IsoDate; durationMinutes: number },
) => {
  const { tenant, subject, me } = await guardBooking(deps, caller, input.employeeId);
  if (caller.token === undefined) throw new AppError('unauthenticated', 'Please sign in again to use your calendar.');
  // Graph looks from the signed-in user's calendar outward; whoever else of the pair meets is an attendee.
  // A coordinator (004) books for the pair without attending, so only the pair's calendars count.
  const { managerId } = pairOf(subject, caller.userId);
  const pair = [subject.employee.id, managerId];
  const attendeeIds = pair.filter((id) => id !== caller.userId);
  const attendees = await addressesOf(deps, caller.tenantId, attendeeIds, [subject.employee, me]);
  const days = createWorkingDayCalendar();
  const hours = pair.map(() => officeHours(tenant.timeZone));
  const calendar = calendarOf(deps, caller.tenantId);
  const slots: { start: string; end: string; confidence: number }[] = [];
  for (const run of workingDayRuns(input.from, input.to, tenant.nation, days).slice(0, MAX_RUNS)) {
    const offered = await calendar.suggestTimes({
      userToken: caller.token,
      organizerId: caller.userId,
      attendees,
      organizerAttends: pair.includes(caller.userId),
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
