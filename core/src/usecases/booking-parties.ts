/** Who meets whom when a conversation is booked, and where their calendars are. */
import type { ConversationRecord } from '../domain/conversations.ts';
import type { Employee, PersonId, Tenant } from '../domain/people.ts';
import { AppError } from '../errors.ts';
import { authorize } from '../permissions/decide.ts';
import { currentManagerIds, type SubjectContext } from '../permissions/relationships.ts';
import type { CalendarGateway } from '../ports/calendar.ts';
import { invitationOf } from './agenda.ts';
import type { AgendaLink } from './bookings.ts';
import { loadActor, loadSubject } from './context.ts';
import type { Caller, UseCaseDeps } from './deps.ts';
import { packOf } from './scheme.ts';

export const calendarOf = (deps: UseCaseDeps, tenantId: string): CalendarGateway => {
  const calendar = deps.calendarFor?.(tenantId);
  if (calendar === undefined)
    throw new AppError('unavailable', 'Calendar booking is not set up for your organisation.');
  return calendar;
};

/** Who organises and who is invited: the caller when they are one of the pair, else the manager (004 coordinator). */
export const pairOf = (
  subject: SubjectContext,
  callerId: PersonId,
): { organizerId: PersonId; managerId: PersonId; attendeeIds: PersonId[] } => {
  const managers = currentManagerIds(subject.employee);
  const managerId = managers.includes(callerId) ? callerId : managers[0];
  if (managerId === undefined)
    throw new AppError('validation', 'This colleague has no line manager on record to meet with.');
  const employeeId = subject.employee.id;
  const organizerId = callerId === employeeId || callerId === managerId ? callerId : managerId;
  return { organizerId, managerId, attendeeIds: [employeeId, managerId].filter((id) => id !== organizerId) };
};

/** The caller and the subject, once the caller may book for the subject. */
export const guardBooking = async (deps: UseCaseDeps, caller: Caller, employeeId: PersonId) => {
  const { actor, tenant, employee: me } = await loadActor(deps, caller);
  const subject = await loadSubject(deps, caller.tenantId, employeeId);
  authorize(actor, 'conversation.book', subject);
  return { tenant, subject, me };
};

/**
 * The addresses to invite, from the employee records: those already loaded are used as they are,
 * anyone else (the manager, when the colleague books) is read once.
 */
export const addressesOf = async (
  deps: UseCaseDeps,
  tenantId: string,
  ids: readonly PersonId[],
  known: readonly Employee[],
): Promise<string[]> =>
  Promise.all(
    ids.map(async (id) => {
      const person = known.find((k) => k.id === id) ?? (await deps.repos.employees.get(tenantId, id))?.item;
      if (person === undefined || person.email.trim() === '') {
        throw new AppError('not-found', 'A calendar for one of the people could not be found.');
      }
      return person.email;
    }),
  );

/**
 * The invitation the booking sweep sends when no one is signed in: whoever booked organises it
 * (the manager when a manager or coordinator booked), the other attends, and it links to `record`.
 */
export const sweptInvitation = async (
  deps: UseCaseDeps,
  tenant: Tenant,
  record: ConversationRecord,
  pair: { readonly employee: Employee; readonly managerId: PersonId; readonly bookedBy: PersonId | undefined },
  agendaLink: AgendaLink,
): Promise<{ owner: { organizerId: PersonId }; attendees: string[]; subject: string; bodyHtml: string }> => {
  const { employee, managerId } = pair;
  const organizerId = pair.bookedBy === employee.id ? employee.id : managerId;
  const attendeeIds = [employee.id, managerId].filter((id) => id !== organizerId);
  const invitation = invitationOf(packOf(tenant), record, employee.displayName, agendaLink(employee.id, record.id));
  return {
    owner: { organizerId },
    attendees: await addressesOf(deps, record.tenantId, attendeeIds, [employee]),
    subject: invitation.subject,
    bodyHtml: invitation.bodyHtml,
  };
};
