import type { ConversationRecord } from '../domain/conversations.ts';
import type { PersonId } from '../domain/people.ts';
import { AppError } from '../errors.ts';
import type { Stored } from '../ports/repositories.ts';
import type { IsoDateTime } from '../time/dates.ts';
import { invitationOf } from './agenda.ts';
import { calendarOf, guardBooking } from './booking-parties.ts';
import { checkTimes, ownerOf, withoutPending } from './booking-rules.ts';
import type { AgendaLink, BookingOutcome } from './bookings.ts';
import type { Caller, UseCaseDeps } from './deps.ts';
import { packOf } from './scheme.ts';
import { zonedDate } from './zoned-time.ts';

const loadBooked = async (
  deps: UseCaseDeps,
  caller: Caller,
  personId: PersonId,
  conversationId: string,
  forCancelling = false,
) => {
  const { tenant, subject } = await guardBooking(deps, caller, personId);
  const stored = await deps.repos.conversations.get(caller.tenantId, personId, conversationId);
  if (!stored) throw new AppError('not-found', 'No such conversation.');
  const booking = stored.item.booking;
  const event = booking ? Object.entries(booking.eventIds)[0] : undefined;
  if (booking?.pending === 'invitations') {
    throw new AppError('validation', 'This booking is still being made; book it again to finish it first.');
  }
  if (booking?.pending === 'cancellation' && !forCancelling) {
    throw new AppError('validation', 'This booking is being cancelled.');
  }
  if (stored.item.status !== 'booked' || booking === undefined || event === undefined) {
    throw new AppError('validation', 'Only a booked conversation can be moved or cancelled.');
  }
  return { tenant, subject, stored, booking, organizerId: event[0], eventId: event[1] };
};

export const rescheduleBooking = async (
  deps: UseCaseDeps,
  caller: Caller,
  personId: PersonId,
  conversationId: string,
  change: { start: IsoDateTime; end: IsoDateTime },
  etag: string,
  agendaLink: AgendaLink,
): Promise<BookingOutcome> => {
  const { tenant, subject, stored, booking, organizerId, eventId } = await loadBooked(
    deps,
    caller,
    personId,
    conversationId,
  );
  checkTimes(change.start, change.end);
  if (stored.etag !== etag)
    throw new AppError('conflict', 'This booking changed since you loaded it; reload and try again.');
  await calendarOf(deps, caller.tenantId).updateEvent(ownerOf(caller, organizerId), eventId, {
    ...change,
    timeZone: tenant.timeZone,
  });
  const next: ConversationRecord = {
    ...stored.item,
    date: zonedDate(change.start, tenant.timeZone),
    booking: { ...booking, ...change },
    updatedAt: deps.clock.now(),
  };
  const saved = await deps.repos.conversations.update(next, etag);
  const link = agendaLink(saved.item.employeeId, saved.item.id);
  return { stored: saved, ...invitationOf(packOf(tenant), saved.item, subject.employee.displayName, link) };
};

/**
 * Marks the booking as being cancelled, withdraws the invitations, then records it cancelled: a
 * failure between the steps leaves a record that says so, and a retry (whose ETag the mark has
 * made stale; the mark already states the intent) finishes the cancellation.
 */
export const cancelBooking = async (
  deps: UseCaseDeps,
  caller: Caller,
  personId: PersonId,
  conversationId: string,
  etag: string,
): Promise<Stored<ConversationRecord>> => {
  const { stored, booking, organizerId, eventId } = await loadBooked(deps, caller, personId, conversationId, true);
  let marked = stored;
  if (booking.pending !== 'cancellation') {
    if (stored.etag !== etag)
      throw new AppError('conflict', 'This booking changed since you loaded it; reload and try again.');
    marked = await deps.repos.conversations.update(
      { ...stored.item, booking: { ...booking, pending: 'cancellation' }, updatedAt: deps.clock.now() },
      etag,
    );
  }
  await calendarOf(deps, caller.tenantId).cancelEvent(
    ownerOf(caller, organizerId),
    eventId,
    'This performance conversation has been cancelled.',
  );
  return deps.repos.conversations.update(
    { ...marked.item, status: 'cancelled', booking: withoutPending(booking), updatedAt: deps.clock.now() },
    marked.etag,
  );
};
