/** Read mode: the booking record behind an appointment already in the calendar, and changes to it. */
import type { z } from 'zod';
import type { conversationFull } from '@pc/core/api';
import type { ApiClient } from '@pc/core/api';
import type { AppointmentSnapshot } from '../office/item.ts';
import type { BookingResult, TeamMember } from './booking.ts';

export type FullConversation = z.infer<typeof conversationFull>;

export interface FoundBooking {
  readonly person: TeamMember['person'];
  readonly conversation: FullConversation;
}

const sameInstant = (a: string | Date, b: string | Date): boolean => new Date(a).getTime() === new Date(b).getTime();

/**
 * Matches the open appointment to a booked conversation with one of the people on it: by the
 * calendar event id the record keeps per mailbox, or else by its start time.
 */
export const findBooking = async (
  api: ApiClient,
  members: readonly TeamMember[],
  appointment: AppointmentSnapshot,
  restId: string | undefined,
): Promise<FoundBooking | undefined> => {
  const emails = new Set(
    [...appointment.attendees, ...(appointment.organizer === undefined ? [] : [appointment.organizer])].map((a) =>
      a.email.toLowerCase(),
    ),
  );
  const people = members.filter((m) => emails.has(m.person.email.toLowerCase())).map((m) => m.person);
  for (const person of people) {
    const page = await api.call('conversations.list', { params: { personId: person.id }, query: { pageSize: 100 } });
    for (const view of page.items) {
      if (view.kind !== 'full') continue;
      const booking = view.record.booking;
      if (booking === undefined || view.record.status !== 'booked') continue;
      const byId = restId !== undefined && Object.values(booking.eventIds).includes(restId);
      if (byId || sameInstant(booking.start, appointment.start)) return { person, conversation: view };
    }
  }
  return undefined;
};

/** The calendar moved but the record did not (the event was dragged in Outlook). */
export const driftFrom = (
  found: FoundBooking,
  appointment: AppointmentSnapshot,
): { start: string; end: string } | undefined => {
  const booking = found.conversation.record.booking;
  if (booking === undefined) return undefined;
  if (sameInstant(booking.start, appointment.start) && sameInstant(booking.end, appointment.end)) return undefined;
  return { start: appointment.start.toISOString(), end: appointment.end.toISOString() };
};

export const reschedule = (
  api: ApiClient,
  found: FoundBooking,
  times: { start: string; end: string },
): Promise<BookingResult> =>
  api.call('bookings.reschedule', {
    params: { personId: found.person.id, conversationId: found.conversation.record.id },
    body: times,
    ifMatch: found.conversation.etag,
  });

export const cancel = async (api: ApiClient, found: FoundBooking): Promise<void> => {
  await api.call('bookings.cancel', {
    params: { personId: found.person.id, conversationId: found.conversation.record.id },
    ifMatch: found.conversation.etag,
  });
};
