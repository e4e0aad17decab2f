import type { BookingInput } from '../api/bookings.ts';
import type { Booking, ConversationRecord, ConversationTypeId } from '../domain/conversations.ts';
import type { FeedbackEntry } from '../domain/feedback.ts';
import type { Employee, PersonId, Tenant } from '../domain/people.ts';
import { AppError, isAppError } from '../errors.ts';
import { stableId } from '../feedback/ids.ts';
import type { SubjectContext } from '../permissions/relationships.ts';
import type { CalendarOwner, CreatedCalendarEvent } from '../ports/calendar.ts';
import type { Stored } from '../ports/repositories.ts';
import type { IsoDate, IsoDateTime } from '../time/dates.ts';
import { buildAgenda, feedbackForAgenda, invitationOf } from './agenda.ts';
import { addressesOf, calendarOf, guardBooking, pairOf } from './booking-parties.ts';
import { retryOnConflict } from './concurrency.ts';
import { loadActor } from './context.ts';
import type { Caller, UseCaseDeps } from './deps.ts';
import { historyOf } from './people.ts';
import { packOf } from './scheme.ts';
import { zonedDate, zonedToUtc } from './zoned-time.ts';

export { calendarOf } from './booking-parties.ts';
export { freeForEveryone, NO_FREE_TIME, suggestTimes } from './booking-times.ts';

/** Where the tab shows a conversation and its agenda; invitations link there instead of quoting it. */
export type AgendaLink = (personId: PersonId, conversationId: string) => string;

export interface BookingOutcome {
  readonly stored: Stored<ConversationRecord>;
  readonly subject: string;
  readonly bodyHtml: string;
}

const checkTimes = (start: IsoDateTime, end: IsoDateTime): void => {
  const minutes = (Date.parse(end) - Date.parse(start)) / 60_000;
  if (!(minutes >= 15 && minutes <= 240)) {
    throw new AppError('validation', 'A conversation lasts between 15 minutes and 4 hours.', {
      details: [{ path: 'end', message: 'Must be 15 to 240 minutes after start.' }],
    });
  }
};

const unusedFeedback = async (deps: UseCaseDeps, tenantId: string, employeeId: PersonId): Promise<FeedbackEntry[]> => [
  ...(await deps.repos.feedback.listForSubject(tenantId, employeeId, { pageSize: 50 })).items,
];

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

/** One booking per idempotency key, caller and colleague: a retried request finds the record it started. */
const bookingIdFor = (tenantId: string, callerId: PersonId, key: string, employeeId: PersonId): string =>
  stableId('booking', tenantId, callerId, key, employeeId);

/**
 * Writes to the organiser's calendar on their behalf when they are the one signed in; anyone else
 * (004: a coordinator booking for the pair) acts through the app's own, policy-limited permission.
 */
const ownerOf = (caller: Caller, organizerId: PersonId): CalendarOwner => {
  if (caller.userId !== organizerId) return { organizerId };
  if (caller.token === undefined) throw new AppError('unauthenticated', 'Please sign in again to use your calendar.');
  return { organizerId, userToken: caller.token };
};

const withoutPending = ({ bookedBy, start, end, eventIds, onlineMeetingUrl }: Booking): Booking => ({
  bookedBy,
  start,
  end,
  eventIds,
  ...(onlineMeetingUrl === undefined ? {} : { onlineMeetingUrl }),
});

/** The record, 'booked' with its invitations pending; an earlier attempt's record when one exists. */
const storePending = async (
  deps: UseCaseDeps,
  caller: Caller,
  tenant: Tenant,
  subject: SubjectContext,
  input: BookingInput,
  ids: { id: string; managerId: PersonId },
): Promise<Stored<ConversationRecord>> => {
  const employee = subject.employee;
  const history = await historyOf(deps, caller.tenantId, employee.id);
  const feedback = feedbackForAgenda(await unusedFeedback(deps, caller.tenantId, employee.id), history);
  const source = caller.userId === employee.id ? ('employee' as const) : ('manager' as const);
  const agenda = buildAgenda({
    pack: packOf(tenant),
    type: input.type,
    history,
    feedback,
    typed: input.agenda.map((text) => ({ text, source })),
    newId: deps.newId,
  });
  const now = deps.clock.now();
  const current = employee.jobs.filter((j) => j.endDate === undefined);
  const jobIds = input.jobIds ?? current.filter((j) => j.managerIds.includes(ids.managerId)).map((j) => j.id);
  const record: ConversationRecord = {
    tenantId: caller.tenantId,
    id: ids.id,
    employeeId: employee.id,
    managerIds: [ids.managerId],
    jobIds,
    type: input.type,
    status: 'booked',
    date: zonedDate(input.start, tenant.timeZone),
    booking: { bookedBy: caller.userId, start: input.start, end: input.end, eventIds: {}, pending: 'invitations' },
    topics: [],
    sections: {},
    notes: '',
    issuesRaised: [],
    actionsAgreed: [],
    agenda,
    agreement: {},
    createdAt: now,
    updatedAt: now,
  };
  try {
    return await deps.repos.conversations.create(record);
  } catch (error) {
    // The same request arriving twice at once: the other delivery stored it first.
    const earlier =
      isAppError(error) && error.code === 'conflict'
        ? await deps.repos.conversations.get(caller.tenantId, employee.id, ids.id)
        : undefined;
    if (earlier === undefined) throw error;
    return earlier;
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
const completeBooking = async (
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
  return retryOnConflict(async () => {
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
};

const book = async (
  deps: UseCaseDeps,
  caller: Caller,
  tenant: Tenant,
  parties: { subject: SubjectContext; me: Employee },
  input: BookingInput,
  agendaLink: AgendaLink,
  idempotencyKey: string | undefined,
): Promise<BookingOutcome> => {
  const { subject } = parties;
  checkTimes(input.start, input.end);
  const employee = subject.employee;
  const { organizerId, managerId, attendeeIds } = pairOf(subject, caller.userId);
  const owner = ownerOf(caller, organizerId);
  const id =
    idempotencyKey === undefined
      ? deps.newId()
      : bookingIdFor(caller.tenantId, caller.userId, idempotencyKey, employee.id);
  const earlier =
    idempotencyKey === undefined ? undefined : await deps.repos.conversations.get(caller.tenantId, employee.id, id);
  if (
    earlier !== undefined &&
    (earlier.item.booking?.start !== input.start || earlier.item.booking.end !== input.end)
  ) {
    throw new AppError('conflict', 'That idempotency key was already used for a booking at another time.');
  }
  const pending = earlier ?? (await storePending(deps, caller, tenant, subject, input, { id, managerId }));
  const invitation = invitationOf(packOf(tenant), pending.item, employee.displayName, agendaLink(employee.id, id));
  const subjectLine = input.subject ?? invitation.subject;
  const stored = await completeBooking(deps, tenant, pending, {
    owner,
    attendees: await addressesOf(deps, caller.tenantId, attendeeIds, [employee, parties.me]),
    subject: subjectLine,
    bodyHtml: invitation.bodyHtml,
  });
  return { stored, subject: subjectLine, bodyHtml: invitation.bodyHtml };
};

/**
 * Books into both calendars with a Teams meeting and stores the conversation as 'booked' (004
 * booked in Outlook). The record is written first with its invitations pending; with an
 * idempotency key (the API's Idempotency-Key header) a retry finishes that record.
 */
export const bookConversation = async (
  deps: UseCaseDeps,
  caller: Caller,
  input: BookingInput,
  agendaLink: AgendaLink,
  idempotencyKey?: string,
): Promise<BookingOutcome> => {
  const { tenant, subject, me } = await guardBooking(deps, caller, input.employeeId);
  return book(deps, caller, tenant, { subject, me }, input, agendaLink, idempotencyKey);
};

export interface BulkBookingInput {
  readonly type: Exclude<ConversationTypeId, 'in-the-moment'>;
  readonly employeeIds: readonly PersonId[];
  readonly days: readonly IsoDate[];
  readonly dayStart: string;
  readonly dayEnd: string;
  readonly durationMinutes: number;
  readonly gapMinutes: number;
}

/** Slots of one day from dayStart to dayEnd (local time), each `duration` long with `gap` between. */
const slotsOfDay = (day: IsoDate, input: BulkBookingInput, timeZone: string): { start: string; end: string }[] => {
  const startMs = Date.parse(zonedToUtc(day, input.dayStart, timeZone));
  const endMs = Date.parse(zonedToUtc(day, input.dayEnd, timeZone));
  const step = (input.durationMinutes + input.gapMinutes) * 60_000;
  const slots = [];
  for (let t = startMs; t + input.durationMinutes * 60_000 <= endMs; t += step) {
    slots.push({ start: new Date(t).toISOString(), end: new Date(t + input.durationMinutes * 60_000).toISOString() });
  }
  return slots;
};

/**
 * A team's round spread over the chosen days: people go to the days in turn so each day
 * fills evenly, one booking at a time so Graph's per-mailbox limits are respected.
 */
export const bulkBook = async (
  deps: UseCaseDeps,
  caller: Caller,
  input: BulkBookingInput,
  agendaLink: AgendaLink,
  idempotencyKey?: string,
) => {
  const { tenant } = await loadActor(deps, caller);
  const days = [...new Set(input.days)].sort().map((day) => slotsOfDay(day, input, tenant.timeZone));
  const booked: (BookingOutcome & { employeeId: PersonId })[] = [];
  const notBooked: { employeeId: PersonId; reason: string }[] = [];
  let turn = 0;
  for (const employeeId of input.employeeIds) {
    const withRoom = days.filter((d) => d.length > 0);
    const slot = withRoom.length === 0 ? undefined : withRoom[turn % withRoom.length]?.shift();
    turn += 1;
    if (slot === undefined) {
      notBooked.push({ employeeId, reason: 'No time left on the chosen days.' });
      continue;
    }
    try {
      const parties = await guardBooking(deps, caller, employeeId);
      booked.push({
        employeeId,
        ...(await book(
          deps,
          caller,
          tenant,
          parties,
          { employeeId, type: input.type, ...slot, agenda: [] },
          agendaLink,
          idempotencyKey,
        )),
      });
    } catch (error) {
      // One person's refusal (no manager, not allowed) must not stop the round; it is reported back.
      if (!(error instanceof AppError) || !['forbidden', 'not-found', 'validation'].includes(error.code)) throw error;
      notBooked.push({ employeeId, reason: error.message });
    }
  }
  return { booked, notBooked };
};

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
