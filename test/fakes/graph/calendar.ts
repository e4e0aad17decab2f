import { randomUUID } from 'node:crypto';
import type { FakeUser } from '../org.ts';
import type { Caller, DateTimeTimeZone, GraphReply } from './http.ts';
import { graphError, notFound, ok, toMillis } from './http.ts';
import { cancelOccurrence, inUtc, occurrencesOf, type FakeRecurrence } from './recurrence.ts';
import type { FakeAttendee, FakeEvent, GraphState } from './state.ts';

interface EventInput {
  readonly subject?: string;
  readonly body?: FakeEvent['body'];
  readonly start?: DateTimeTimeZone;
  readonly end?: DateTimeTimeZone;
  readonly attendees?: readonly FakeAttendee[];
  readonly isOnlineMeeting?: boolean;
  readonly onlineMeetingProvider?: string;
  readonly showAs?: FakeEvent['showAs'];
  readonly transactionId?: string;
  readonly recurrence?: FakeRecurrence;
}

const joinUrlFor = (iCalUId: string): string =>
  `https://teams.microsoft.com/l/meetup-join/19%3ameeting_${iCalUId}%40thread.v2/0`;

/** Attendees who are people of the same org receive their own copy, as Exchange delivers invitations. */
const deliverCopies = (state: GraphState, tenantId: string, organizer: FakeUser, event: FakeEvent): void => {
  for (const attendee of event.attendees) {
    const person = state.user(tenantId, attendee.emailAddress.address);
    if (person === undefined || person.id === organizer.id) continue;
    const calendar = state.calendar(person.id);
    const existing = [...calendar.values()].find((e) => e.iCalUId === event.iCalUId);
    const id = existing?.id ?? randomUUID();
    calendar.set(id, { ...event, id, isOrganizer: false, showAs: 'tentative' });
  }
};

const cancelCopies = (state: GraphState, event: FakeEvent, keep: ReadonlySet<string>, tenantId: string): void => {
  for (const attendee of event.attendees) {
    const person = state.user(tenantId, attendee.emailAddress.address);
    if (person === undefined || keep.has(person.id)) continue;
    const calendar = state.calendar(person.id);
    for (const copy of calendar.values()) {
      if (copy.iCalUId === event.iCalUId) calendar.set(copy.id, { ...copy, isCancelled: true, showAs: 'free' });
    }
  }
};

/**
 * A delegated token writes its own user's calendar only (Calendars.ReadWrite); anyone else's needs
 * delegated access to that mailbox, which the product never asks for, or the app's own permission.
 */
const refusedWrite = (caller: Caller, organizer: FakeUser): GraphReply | undefined =>
  caller.delegated && organizer.id !== caller.oid
    ? graphError(403, 'ErrorAccessDenied', 'Access is denied. Check credentials and try again.')
    : undefined;

export const createEvent = (state: GraphState, caller: Caller, mailbox: string, input: EventInput): GraphReply => {
  const organizer = state.user(caller.tenantId, mailbox);
  if (organizer === undefined) return notFound(mailbox);
  const refused = refusedWrite(caller, organizer);
  if (refused !== undefined) return refused;
  // A series may be set in the organiser's zone; the fake keeps UTC and the zone on the recurrence.
  const start = input.start === undefined ? undefined : inUtc(input.start);
  const end = input.end === undefined ? undefined : inUtc(input.end);
  if (start === undefined || end === undefined || toMillis(end) <= toMillis(start)) {
    return graphError(400, 'ErrorInvalidRequest', 'The event needs a start before its end.');
  }
  const calendar = state.calendar(organizer.id);
  // Graph uses transactionId to make retried creates idempotent.
  const duplicate = [...calendar.values()].find(
    (e) => input.transactionId !== undefined && e.transactionId === input.transactionId,
  );
  if (duplicate !== undefined) return ok(duplicate, 201);
  const iCalUId = randomUUID();
  const online = input.isOnlineMeeting === true && input.onlineMeetingProvider === 'teamsForBusiness';
  const event: FakeEvent = {
    id: randomUUID(),
    iCalUId,
    subject: input.subject ?? '',
    ...(input.body === undefined ? {} : { body: input.body }),
    start,
    end,
    attendees: input.attendees ?? [],
    organizer: { emailAddress: { address: organizer.mail, name: organizer.displayName } },
    isOrganizer: true,
    isOnlineMeeting: online,
    onlineMeetingProvider: online ? 'teamsForBusiness' : 'unknown',
    onlineMeeting: online ? { joinUrl: joinUrlFor(iCalUId) } : null,
    isCancelled: false,
    showAs: input.showAs ?? 'busy',
    ...(input.transactionId === undefined ? {} : { transactionId: input.transactionId }),
    ...(input.recurrence === undefined ? {} : { recurrence: input.recurrence, type: 'seriesMaster' as const }),
  };
  calendar.set(event.id, event);
  deliverCopies(state, caller.tenantId, organizer, event);
  return ok(event, 201);
};

export const updateEvent = (
  state: GraphState,
  caller: Caller,
  mailbox: string,
  id: string,
  patch: EventInput,
): GraphReply => {
  const organizer = state.user(caller.tenantId, mailbox);
  const event = organizer === undefined ? undefined : state.calendar(organizer.id).get(id);
  if (organizer === undefined || event === undefined) return notFound(id);
  const refused = refusedWrite(caller, organizer);
  if (refused !== undefined) return refused;
  const updated: FakeEvent = { ...event, ...patch, id: event.id, iCalUId: event.iCalUId };
  state.calendar(organizer.id).set(id, updated);
  const stillInvited = new Set(
    updated.attendees.flatMap((a) => state.user(caller.tenantId, a.emailAddress.address)?.id ?? []),
  );
  cancelCopies(state, event, stillInvited, caller.tenantId);
  if (updated.isOrganizer) deliverCopies(state, caller.tenantId, organizer, updated);
  return ok(updated);
};

/** DELETE and POST /cancel: the organiser's event goes, attendees' copies are marked cancelled. */
export const cancelEvent = (
  state: GraphState,
  caller: Caller,
  mailbox: string,
  id: string,
  status: number,
): GraphReply => {
  const organizer = state.user(caller.tenantId, mailbox);
  const event = organizer === undefined ? undefined : state.calendar(organizer.id).get(id);
  const refused = organizer === undefined ? undefined : refusedWrite(caller, organizer);
  if (refused !== undefined) return refused;
  if (organizer !== undefined && event === undefined && cancelOccurrence(state, organizer.id, caller.tenantId, id)) {
    return { status };
  }
  if (organizer === undefined || event === undefined) return notFound(id);
  state.calendar(organizer.id).delete(id);
  if (event.isOrganizer) cancelCopies(state, event, new Set([organizer.id]), caller.tenantId);
  return { status };
};

export const listEvents = (
  state: GraphState,
  caller: Caller,
  mailbox: string,
  query: URLSearchParams,
  view: boolean,
): GraphReply => {
  const user = state.user(caller.tenantId, mailbox);
  if (user === undefined) return notFound(mailbox);
  let events = [...state.calendar(user.id).values()];
  if (view) {
    const from = query.get('startDateTime');
    const to = query.get('endDateTime');
    if (from === null || to === null) {
      return graphError(400, 'ErrorInvalidParameter', 'calendarView needs startDateTime and endDateTime.');
    }
    const [lo, hi] = [toMillis({ dateTime: from, timeZone: 'UTC' }), toMillis({ dateTime: to, timeZone: 'UTC' })];
    // The calendar view lists a series' meetings, not its master.
    events = events
      .flatMap(occurrencesOf)
      .filter((e) => !e.isCancelled && toMillis(e.start) < hi && toMillis(e.end) > lo);
  }
  return ok({ value: events.sort((a, b) => toMillis(a.start) - toMillis(b.start)) });
};

export type { EventInput };
