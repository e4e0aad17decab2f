import type { BookingInput } from '../api/bookings.ts';
import type { ConversationRecord } from '../domain/conversations.ts';
import type { Employee, PersonId, Tenant } from '../domain/people.ts';
import { AppError } from '../errors.ts';
import { stableId } from '../feedback/ids.ts';
import type { SubjectContext } from '../permissions/relationships.ts';
import type { Stored } from '../ports/repositories.ts';
import { invitationOf } from './agenda.ts';
import { completeBooking } from './booking-completion.ts';
import { addressesOf, guardBooking, pairOf } from './booking-parties.ts';
import { checkTimes, ownerOf, refuseSecondInMonth } from './booking-rules.ts';
import type { Caller, UseCaseDeps } from './deps.ts';
import { storePending } from './pending-booking.ts';
import { labelOf, packOf } from './scheme.ts';

export { calendarOf } from './booking-parties.ts';
export { freeForEveryone, NO_FREE_TIME, suggestTimes } from './booking-times.ts';
export { bulkBook, type BulkBookingInput } from './booking-round.ts';
export { bookSeries, planBookingSeries, type SeriesOutcome } from './booking-series.ts';
export type { SeriesPlan } from './booking-series-plan.ts';

/** Where the tab shows a conversation and its agenda; invitations link there instead of quoting it. */
export type AgendaLink = (personId: PersonId, conversationId: string) => string;

export interface BookingOutcome {
  readonly stored: Stored<ConversationRecord>;
  readonly subject: string;
  readonly bodyHtml: string;
}

/** One booking per idempotency key, caller and colleague: a retried request finds the record it started. */
export const bookingIdFor = (tenantId: string, callerId: PersonId, key: string, employeeId: PersonId): string =>
  stableId('booking', tenantId, callerId, key, employeeId);

export const book = async (
  deps: UseCaseDeps,
  caller: Caller,
  tenant: Tenant,
  parties: { subject: SubjectContext; me: Employee },
  input: BookingInput,
  agendaLink: AgendaLink,
  idempotencyKey: string | undefined,
  options: BookingOptions = {},
): Promise<BookingOutcome> => {
  const { subject } = parties;
  checkTimes(input.start, input.end);
  const employee = subject.employee;
  const { organizerId, managerId, attendeeIds } = pairOf(subject, caller.userId);
  const owner = options.throughApp === true ? { organizerId } : ownerOf(caller, organizerId);
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
  if (earlier === undefined) {
    const whose = caller.userId === employee.id ? 'Your' : `${employee.displayName}'s`;
    await refuseSecondInMonth(
      deps,
      tenant,
      { ...input, id, employeeId: employee.id, managerId },
      {
        whose,
        label: labelOf(packOf(tenant), input.type),
      },
    );
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

export interface BookingOptions {
  /**
   * Writes the organiser's calendar with the app's own permission rather than their token: for the
   * bot, whose turns carry no user token (docs/security.md, the Exchange application access policy).
   */
  readonly throughApp?: boolean;
}

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
  options: BookingOptions = {},
): Promise<BookingOutcome> => {
  const { tenant, subject, me } = await guardBooking(deps, caller, input.employeeId);
  return book(deps, caller, tenant, { subject, me }, input, agendaLink, idempotencyKey, options);
};
