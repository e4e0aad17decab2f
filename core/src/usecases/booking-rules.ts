import { EXISTING_BOOKING } from '../api/bookings.ts';
import type { Booking, ConversationTypeId } from '../domain/conversations.ts';
import type { PersonId, Tenant } from '../domain/people.ts';
import { AppError } from '../errors.ts';
import type { CalendarOwner } from '../ports/calendar.ts';
import { bookedTime } from '../time/booked-time.ts';
import { addDays, addMonths, type IsoDateTime } from '../time/dates.ts';
import type { Caller, UseCaseDeps } from './deps.ts';
import { zonedDate } from './zoned-time.ts';

export const checkTimes = (start: IsoDateTime, end: IsoDateTime): void => {
  const minutes = (Date.parse(end) - Date.parse(start)) / 60_000;
  if (!(minutes >= 15 && minutes <= 240)) {
    throw new AppError('validation', 'A conversation lasts between 15 minutes and 4 hours.', {
      details: [{ path: 'end', message: 'Must be 15 to 240 minutes after start.' }],
    });
  }
};

/**
 * Writes to the organiser's calendar on their behalf when they are the one signed in; anyone else
 * (004: a coordinator booking for the pair) acts through the app's own, policy-limited permission.
 */
export const ownerOf = (caller: Caller, organizerId: PersonId): CalendarOwner => {
  if (caller.userId !== organizerId) return { organizerId };
  if (caller.token === undefined) throw new AppError('unauthenticated', 'Please sign in again to use your calendar.');
  return { organizerId, userToken: caller.token };
};

export const withoutPending = ({ bookedBy, start, end, eventIds, onlineMeetingUrl }: Booking): Booking => ({
  bookedBy,
  start,
  end,
  eventIds,
  ...(onlineMeetingUrl === undefined ? {} : { onlineMeetingUrl }),
});

/**
 * One conversation of a type per pair in a calendar month (004: Regular conversations are monthly;
 * the rarer types never fall twice in one month): a second booking is refused, naming the first so
 * the person can move it instead. A retry of the same booking is the same record and never refused.
 */
export const refuseSecondInMonth = async (
  deps: UseCaseDeps,
  tenant: Tenant,
  booking: { id: string; employeeId: PersonId; managerId: PersonId; type: ConversationTypeId; start: IsoDateTime },
  words: { label: string; whose: string },
): Promise<void> => {
  const first = `${zonedDate(booking.start, tenant.timeZone).slice(0, 7)}-01`;
  const { items } = await deps.repos.conversations.listForEmployee(tenant.tenantId, booking.employeeId, {
    type: booking.type,
    from: first,
    to: addDays(addMonths(first, 1), -1),
  });
  const existing = items.find(
    (c) =>
      c.id !== booking.id &&
      c.status === 'booked' &&
      c.booking !== undefined &&
      c.managerIds.includes(booking.managerId),
  );
  if (existing?.booking === undefined) return;
  const when = bookedTime(existing.booking.start, tenant.timeZone);
  throw new AppError(
    'validation',
    `${words.whose} ${words.label} this month is already booked for ${when}. Move that one to the new time instead of booking a second.`,
    { details: [{ path: EXISTING_BOOKING, message: existing.id }] },
  );
};
