import type { ConversationRecord } from '../domain/conversations.ts';
import type { Employee, PersonId, Tenant } from '../domain/people.ts';
import { isAppError } from '../errors.ts';
import { invitationOf } from './agenda.ts';
import { addressesOf } from './booking-parties.ts';
import { seriesRecords, sendSeries } from './booking-series-send.ts';
import type { AgendaLink } from './bookings.ts';
import type { UseCaseDeps } from './deps.ts';
import { packOf } from './scheme.ts';

/**
 * The booking sweep's step for a meeting of a series: the whole series is made (or found again by
 * its transactionId) and trimmed, and every pending record of it completes, as the client's own
 * retry would have. No one is signed in, so the organiser's calendar is written with the app's
 * permission. A refusal has cancelled the records; a passing failure leaves them for the next sweep.
 */
export const sweepSeries = async (
  deps: UseCaseDeps,
  tenant: Tenant,
  record: ConversationRecord,
  pair: { employee: Employee; managerId: PersonId },
  agendaLink: AgendaLink,
): Promise<'completed' | 'failed' | 'left'> => {
  const { employee, managerId } = pair;
  const organizerId = record.booking?.bookedBy === employee.id ? employee.id : managerId;
  const attendeeIds = [employee.id, managerId].filter((id) => id !== organizerId);
  const head = (await seriesRecords(deps, record))[0]?.item ?? record;
  const invitation = invitationOf(packOf(tenant), head, employee.displayName, agendaLink(employee.id, head.id));
  try {
    await sendSeries(deps, tenant, record, {
      owner: { organizerId },
      attendees: await addressesOf(deps, record.tenantId, attendeeIds, [employee]),
      subject: invitation.subject,
      bodyHtml: invitation.bodyHtml,
    });
    return 'completed';
  } catch (error) {
    if (!isAppError(error)) throw error;
    return ['forbidden', 'unauthenticated', 'validation', 'not-found'].includes(error.code) ? 'failed' : 'left';
  }
};
