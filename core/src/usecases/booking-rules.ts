import type { Booking } from '../domain/conversations.ts';
import type { PersonId } from '../domain/people.ts';
import { AppError } from '../errors.ts';
import type { CalendarOwner } from '../ports/calendar.ts';
import type { IsoDateTime } from '../time/dates.ts';
import type { Caller } from './deps.ts';

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
