import type { Booking, ConversationRecord } from '../domain/conversations.ts';
import type { Tenant } from '../domain/people.ts';
import { isAppError } from '../errors.ts';
import type { CalendarOwner, CreatedCalendarEvent } from '../ports/calendar.ts';
import type { Stored } from '../ports/repositories.ts';
import { calendarOf } from './booking-parties.ts';
import { withoutPending } from './booking-rules.ts';
import { retryOnConflict } from './concurrency.ts';
import type { UseCaseDeps } from './deps.ts';
import { rememberMeeting } from './meeting.ts';
import { watchBooking } from './calendar-truth.ts';

/** Marks the feedback on this agenda as used, so no later booking offers it again; safe to repeat. */
const markOnAgenda = async (deps: UseCaseDeps, record: ConversationRecord): Promise<void> => {
  for (const item of record.agenda) {
    if (item.source !== 'feedback' || item.sourceId === undefined) continue;
    const stored = await deps.repos.feedback.get(record.tenantId, record.employeeId, item.sourceId);
    if (stored && stored.item.agendaConversationId === undefined) {
      await deps.repos.feedback.update({ ...stored.item, agendaConversationId: record.id }, stored.etag);
    }
  }
};

/** Calendar refusals after which no event can exist. */
const NOT_SENT: ReadonlySet<string> = new Set(['forbidden', 'unauthenticated', 'validation', 'not-found']);

/** A booking whose invitations were refused earlier, booked again by a retry of the same request. */
const reopen = (deps: UseCaseDeps, stored: Stored<ConversationRecord>): Promise<Stored<ConversationRecord>> =>
  deps.repos.conversations.update({ ...stored.item, status: 'booked', updatedAt: deps.clock.now() }, stored.etag);

/**
 * Sends the invitations of a pending booking and completes its record. The calendar create
 * carries the record's id as its idempotency key, so a retry after a failure between the two
 * steps gets back the event the first attempt made: never a second invitation pair.
 */
export const completeBooking = async (
  deps: UseCaseDeps,
  tenant: Tenant,
  first: Stored<ConversationRecord>,
  invitation: { owner: CalendarOwner; attendees: readonly string[]; subject: string; bodyHtml: string },
): Promise<Stored<ConversationRecord>> => {
  const booking = first.item.booking;
  if (booking?.pending !== 'invitations') return first;
  const open = first.item.status === 'booked' ? first : await reopen(deps, first);
  let created: CreatedCalendarEvent;
  try {
    created = await calendarOf(deps, tenant.tenantId).createEvent({
      ...invitation.owner,
      attendees: invitation.attendees,
      subject: invitation.subject,
      bodyHtml: invitation.bodyHtml,
      start: booking.start,
      end: booking.end,
      timeZone: tenant.timeZone,
      online: true,
      idempotencyKey: first.item.id,
    });
  } catch (error) {
    // Refused outright, so no invitation went: the record must not say booked. A retry with the
    // same key, once the cause is put right, reopens it. After a timeout it stays pending instead.
    if (isAppError(error) && NOT_SENT.has(error.code)) {
      await deps.repos.conversations.update(
        { ...open.item, status: 'cancelled', updatedAt: deps.clock.now() },
        open.etag,
      );
    }
    throw error;
  }
  await markOnAgenda(deps, open.item);
  let current = open;
  const done = await retryOnConflict(async () => {
    const was = current.item.booking;
    if (was?.pending !== 'invitations') return current;
    const completed: Booking = {
      ...withoutPending(was),
      eventIds: { [invitation.owner.organizerId]: created.eventId },
      ...(created.onlineMeetingUrl === undefined ? {} : { onlineMeetingUrl: created.onlineMeetingUrl }),
    };
    try {
      return await deps.repos.conversations.update(
        { ...current.item, status: 'booked', booking: completed, updatedAt: deps.clock.now() },
        current.etag,
      );
    } catch (error) {
      const fresh = await deps.repos.conversations.get(current.item.tenantId, current.item.employeeId, current.item.id);
      if (fresh !== undefined) current = fresh;
      throw error;
    }
  });
  // The meeting's side panel and its end event find the record by the meeting's chat.
  await rememberMeeting(deps, done.item);
  // Moves, cancellations and declines made in Outlook come back to the record.
  await watchBooking(deps, done.item);
  return done;
};
