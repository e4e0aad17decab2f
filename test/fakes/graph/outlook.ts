/**
 * What people do in Outlook itself, outside the product: the organiser moves or cancels a meeting,
 * an attendee declines it. Each change lands in the fake's calendars as Exchange would make it,
 * so subscriptions notify it and delta queries report it.
 */
import { fromMillis, type DateTimeTimeZone } from './http.ts';
import type { FakeEvent, GraphState } from './state.ts';

const utc = (iso: string): DateTimeTimeZone => fromMillis(Date.parse(iso));

const organisersEvent = (state: GraphState, mailboxId: string, eventId: string): FakeEvent => {
  const event = state.calendar(mailboxId).get(eventId);
  if (event === undefined) throw new Error(`no event ${eventId} in ${mailboxId}'s calendar`);
  return event;
};

/** Each attendee's own copy of the organiser's event (same iCalUId). */
const copiesOf = (state: GraphState, tenantId: string, event: FakeEvent) =>
  event.attendees.flatMap((a) => {
    const person = state.user(tenantId, a.emailAddress.address);
    if (person === undefined) return [];
    const calendar = state.calendar(person.id);
    return [...calendar.values()].filter((e) => e.iCalUId === event.iCalUId).map((copy) => ({ calendar, copy }));
  });

export interface FakeOutlook {
  /** The organiser drags the meeting to a new time. */
  move(mailboxId: string, eventId: string, slot: { readonly start: string; readonly end: string }): void;
  /** The organiser cancels the meeting in Outlook. */
  cancel(mailboxId: string, eventId: string): void;
  /** An attendee answers the invitation; the organiser's event records the answer. */
  respond(attendeeEmail: string, organiserMailboxId: string, eventId: string, response: 'accepted' | 'declined'): void;
}

export const fakeOutlook = (state: GraphState, tenantOf: (mailboxId: string) => string): FakeOutlook => ({
  move: (mailboxId, eventId, slot) => {
    const event = organisersEvent(state, mailboxId, eventId);
    const moved: FakeEvent = { ...event, start: utc(slot.start), end: utc(slot.end) };
    for (const { calendar, copy } of copiesOf(state, tenantOf(mailboxId), event)) {
      calendar.set(copy.id, { ...copy, start: moved.start, end: moved.end });
    }
    state.calendar(mailboxId).set(eventId, moved);
  },
  cancel: (mailboxId, eventId) => {
    const event = organisersEvent(state, mailboxId, eventId);
    for (const { calendar, copy } of copiesOf(state, tenantOf(mailboxId), event)) {
      calendar.set(copy.id, { ...copy, isCancelled: true, showAs: 'free' });
    }
    state.calendar(mailboxId).delete(eventId);
  },
  respond: (attendeeEmail, organiserMailboxId, eventId, response) => {
    const event = organisersEvent(state, organiserMailboxId, eventId);
    const attendees = event.attendees.map((a) =>
      a.emailAddress.address.toLowerCase() === attendeeEmail.toLowerCase()
        ? { ...a, status: { response, time: new Date().toISOString() } }
        : a,
    );
    state.calendar(organiserMailboxId).set(eventId, { ...event, attendees });
  },
});
