import type { ConversationRecord } from '../domain/conversations.ts';
import type { Employee, PersonId, Tenant } from '../domain/people.ts';
import { isAppError } from '../errors.ts';
import { sweptInvitation } from './booking-parties.ts';
import { seriesRecords, sendSeries } from './booking-series-send.ts';
import type { AgendaLink } from './bookings.ts';
import type { UseCaseDeps } from './deps.ts';

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
  const head = (await seriesRecords(deps, record))[0]?.item ?? record;
  const bookedBy = record.booking?.bookedBy;
  try {
    await sendSeries(
      deps,
      tenant,
      record,
      await sweptInvitation(deps, tenant, head, { ...pair, bookedBy }, agendaLink),
    );
    return 'completed';
  } catch (error) {
    if (!isAppError(error)) throw error;
    return ['forbidden', 'unauthenticated', 'validation', 'not-found'].includes(error.code) ? 'failed' : 'left';
  }
};
