import type { BookingInput } from '../api/bookings.ts';
import type { ConversationRecord, ConversationTypeId } from '../domain/conversations.ts';
import type { FeedbackEntry } from '../domain/feedback.ts';
import type { Employee, PersonId, Tenant } from '../domain/people.ts';
import { AppError } from '../errors.ts';
import type { SubjectContext } from '../permissions/relationships.ts';
import type { Stored } from '../ports/repositories.ts';
import type { IsoDate, IsoDateTime } from '../time/dates.ts';
import { buildAgenda, feedbackForAgenda, invitationOf } from './agenda.ts';
import { addressesOf, calendarOf, guardBooking, pairOf } from './booking-parties.ts';
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

const markOnAgenda = async (
  deps: UseCaseDeps,
  entries: readonly FeedbackEntry[],
  conversationId: string,
): Promise<void> => {
  for (const entry of entries) {
    const stored = await deps.repos.feedback.get(entry.tenantId, entry.subjectId, entry.id);
    if (stored && stored.item.agendaConversationId === undefined) {
      await deps.repos.feedback.update({ ...stored.item, agendaConversationId: conversationId }, stored.etag);
    }
  }
};

const book = async (
  deps: UseCaseDeps,
  caller: Caller,
  tenant: Tenant,
  parties: { subject: SubjectContext; me: Employee },
  input: BookingInput,
  agendaLink: AgendaLink,
): Promise<BookingOutcome> => {
  const { subject } = parties;
  checkTimes(input.start, input.end);
  const pack = packOf(tenant);
  const employee = subject.employee;
  const { organizerId, managerId, attendeeIds } = pairOf(subject, caller.userId);
  const history = await historyOf(deps, caller.tenantId, employee.id);
  const feedback = feedbackForAgenda(await unusedFeedback(deps, caller.tenantId, employee.id), history);
  const source = caller.userId === employee.id ? ('employee' as const) : ('manager' as const);
  const agenda = buildAgenda({
    pack,
    type: input.type,
    history,
    feedback,
    typed: input.agenda.map((text) => ({ text, source })),
    newId: deps.newId,
  });
  const id = deps.newId();
  const invitation = invitationOf(
    pack,
    { type: input.type, agenda },
    employee.displayName,
    agendaLink(employee.id, id),
  );
  const subjectLine = input.subject ?? invitation.subject;
  const created = await calendarOf(deps, caller.tenantId).createEvent({
    organizerId,
    attendees: await addressesOf(deps, caller.tenantId, attendeeIds, [employee, parties.me]),
    subject: subjectLine,
    bodyHtml: invitation.bodyHtml,
    start: input.start,
    end: input.end,
    timeZone: tenant.timeZone,
    online: true,
  });
  const now = deps.clock.now();
  const current = employee.jobs.filter((j) => j.endDate === undefined);
  const jobIds = input.jobIds ?? current.filter((j) => j.managerIds.includes(managerId)).map((j) => j.id);
  const record: ConversationRecord = {
    tenantId: caller.tenantId,
    id,
    employeeId: employee.id,
    managerIds: [managerId],
    jobIds,
    type: input.type,
    status: 'booked',
    date: zonedDate(input.start, tenant.timeZone),
    booking: {
      bookedBy: caller.userId,
      start: input.start,
      end: input.end,
      eventIds: { [organizerId]: created.eventId },
      ...(created.onlineMeetingUrl === undefined ? {} : { onlineMeetingUrl: created.onlineMeetingUrl }),
    },
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
  const stored = await deps.repos.conversations.create(record);
  await markOnAgenda(deps, feedback, record.id);
  return { stored, subject: subjectLine, bodyHtml: invitation.bodyHtml };
};

/** Books into both calendars with a Teams meeting and stores the conversation as 'booked' (004 booked in Outlook). */
export const bookConversation = async (
  deps: UseCaseDeps,
  caller: Caller,
  input: BookingInput,
  agendaLink: AgendaLink,
): Promise<BookingOutcome> => {
  const { tenant, subject, me } = await guardBooking(deps, caller, input.employeeId);
  return book(deps, caller, tenant, { subject, me }, input, agendaLink);
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
export const bulkBook = async (deps: UseCaseDeps, caller: Caller, input: BulkBookingInput, agendaLink: AgendaLink) => {
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

const loadBooked = async (deps: UseCaseDeps, caller: Caller, personId: PersonId, conversationId: string) => {
  const { tenant, subject } = await guardBooking(deps, caller, personId);
  const stored = await deps.repos.conversations.get(caller.tenantId, personId, conversationId);
  if (!stored) throw new AppError('not-found', 'No such conversation.');
  const booking = stored.item.booking;
  const event = booking ? Object.entries(booking.eventIds)[0] : undefined;
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
  await calendarOf(deps, caller.tenantId).updateEvent(organizerId, eventId, { ...change, timeZone: tenant.timeZone });
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

export const cancelBooking = async (
  deps: UseCaseDeps,
  caller: Caller,
  personId: PersonId,
  conversationId: string,
  etag: string,
): Promise<Stored<ConversationRecord>> => {
  const { stored, organizerId, eventId } = await loadBooked(deps, caller, personId, conversationId);
  if (stored.etag !== etag)
    throw new AppError('conflict', 'This booking changed since you loaded it; reload and try again.');
  await calendarOf(deps, caller.tenantId).cancelEvent(
    organizerId,
    eventId,
    'This performance conversation has been cancelled.',
  );
  return deps.repos.conversations.update({ ...stored.item, status: 'cancelled', updatedAt: deps.clock.now() }, etag);
};
