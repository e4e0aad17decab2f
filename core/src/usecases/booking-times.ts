import type { PersonId } from '../domain/people.ts';
import { AppError } from '../errors.ts';
import type { MeetingSlot } from '../ports/calendar.ts';
import { addDays, type IsoDate } from '../time/dates.ts';
import { addressesOf, calendarOf, guardBooking, pairOf } from './booking-parties.ts';
import type { Caller, UseCaseDeps } from './deps.ts';
import { zonedToUtc } from './zoned-time.ts';

export const NO_FREE_TIME = 'No time is free in both calendars within working hours on those days.';

/**
 * Only times when everyone's calendar shows them free are offered: the calendar service also
 * offers times when someone is busy or only tentatively free, rated lower, and those are left out.
 */
export const freeForEveryone = (slots: readonly MeetingSlot[]): MeetingSlot[] =>
  slots.filter((s) => s.availability.length > 0 && s.availability.every((a) => a === 'free'));

/** Times free in both calendars on the chosen days (whole days in the organisation's time zone). */
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
  const offered = await calendarOf(deps, caller.tenantId).suggestTimes({
    userToken: caller.token,
    organizerId: caller.userId,
    attendees: await addressesOf(deps, caller.tenantId, attendeeIds, [subject.employee, me]),
    organizerAttends: pair.includes(caller.userId),
    from: zonedToUtc(input.from, '00:00', tenant.timeZone),
    to: zonedToUtc(addDays(input.to, 1), '00:00', tenant.timeZone),
    durationMinutes: input.durationMinutes,
    timeZone: tenant.timeZone,
  });
  const slots = freeForEveryone(offered).map(({ start, end, confidence }) => ({ start, end, confidence }));
  return slots.length > 0 ? { slots } : { slots: [], explanation: NO_FREE_TIME };
};
