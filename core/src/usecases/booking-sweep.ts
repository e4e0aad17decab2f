import type { ConversationRecord } from '../domain/conversations.ts';
import type { Tenant, TenantId } from '../domain/people.ts';
import { isAppError } from '../errors.ts';
import type { Stored } from '../ports/repositories.ts';
import { completeBooking } from './booking-completion.ts';
import { sweptInvitation } from './booking-parties.ts';
import { withoutPending } from './booking-rules.ts';
import { sweepSeries } from './booking-series-sweep.ts';
import type { AgendaLink } from './bookings.ts';
import type { UseCaseDeps } from './deps.ts';

export interface BookingSweepOptions {
  /** A booking pending for less than this is left to the client's own retry. */
  readonly pendingForMs: number;
  /** Where invitations link to the conversation and its agenda in the tab. */
  readonly agendaLink: AgendaLink;
}

/** What one sweep of a tenant did with each booking it found. */
export interface BookingSweepResult {
  /** Invitations sent (or found already sent) and the record completed. */
  completed: number;
  /** No invitation can go (refused, the meeting time has passed, a party has gone): the record says cancelled. */
  failed: number;
  /** Taken by another sweeper or a client's retry first, or still failing for a passing reason. */
  left: number;
}

type Outcome = keyof BookingSweepResult;

const PAGE_SIZE = 20;

/**
 * Marks a booking that can no longer be completed as cancelled, its pending step cleared, so the
 * organiser sees it cancelled instead of "invitations pending" for ever. ETag-guarded: if anyone
 * changed the record since it was claimed, they own its fate.
 */
const markFailed = async (deps: UseCaseDeps, stored: Stored<ConversationRecord>): Promise<void> => {
  const booking = stored.item.booking;
  if (booking === undefined) return;
  await deps.repos.conversations.update(
    { ...stored.item, status: 'cancelled', booking: withoutPending(booking), updatedAt: deps.clock.now() },
    stored.etag,
  );
};

/**
 * Claims a record for this sweeper: a write of its `updatedAt` with the ETag it was read with.
 * Of several sweepers (or a sweeper and the client's retry) only one write succeeds; the claim also
 * takes the record out of the other sweepers' queries until the pending time passes again.
 */
const claim = async (
  deps: UseCaseDeps,
  record: ConversationRecord,
  updatedBefore: string,
): Promise<Stored<ConversationRecord> | undefined> => {
  const current = await deps.repos.conversations.get(record.tenantId, record.employeeId, record.id);
  const item = current?.item;
  if (current === undefined || item?.status !== 'booked' || item.booking?.pending !== 'invitations') return undefined;
  if (item.updatedAt >= updatedBefore) return undefined;
  try {
    return await deps.repos.conversations.update({ ...item, updatedAt: deps.clock.now() }, current.etag);
  } catch (error) {
    if (isAppError(error) && error.code === 'conflict') return undefined;
    throw error;
  }
};

/** Sends a claimed booking's invitations as the first attempt would have, or gives it up. */
const converge = async (
  deps: UseCaseDeps,
  tenant: Tenant,
  claimed: Stored<ConversationRecord>,
  agendaLink: AgendaLink,
): Promise<Outcome> => {
  const record = claimed.item;
  const booking = record.booking;
  const managerId = record.managerIds[0];
  const employee = (await deps.repos.employees.get(record.tenantId, record.employeeId))?.item;
  if (booking?.series !== undefined && managerId !== undefined && employee !== undefined) {
    return sweepSeries(deps, tenant, record, { employee, managerId }, agendaLink);
  }
  // A meeting whose time has passed is not worth inviting anyone to; a pair that is gone cannot meet.
  if (
    booking === undefined ||
    managerId === undefined ||
    employee === undefined ||
    Date.parse(booking.start) <= Date.parse(deps.clock.now())
  ) {
    await markFailed(deps, claimed);
    return 'failed';
  }
  try {
    // No one is signed in here: the organiser's calendar is written with the app's own permission,
    // as for a coordinator's booking. The record's id is Graph's transactionId, so an event the
    // first attempt made is found again, never made twice.
    await completeBooking(
      deps,
      tenant,
      claimed,
      await sweptInvitation(deps, tenant, record, { employee, managerId, bookedBy: booking.bookedBy }, agendaLink),
    );
    return 'completed';
  } catch (error) {
    if (!isAppError(error)) throw error;
    // completeBooking has already recorded a calendar refusal as cancelled; a missing mailbox has not.
    if (error.code === 'not-found') {
      const fresh = await deps.repos.conversations.get(record.tenantId, record.employeeId, record.id);
      if (fresh?.item.status === 'booked') await markFailed(deps, fresh);
      return 'failed';
    }
    if (['forbidden', 'unauthenticated', 'validation'].includes(error.code)) return 'failed';
    // Graph or the store is unavailable for now: the record stays pending for the next sweep.
    return 'left';
  }
};

/**
 * Finishes a tenant's bookings that a client started and never retried (issue #17.7): each record
 * still 'invitations pending' after `pendingForMs` is claimed with its ETag, then completed with
 * the same transactionId or, when no invitation can go, marked cancelled. Safe to run on several
 * instances at once: each record is worked on by the one sweeper whose claim wins.
 */
export const sweepPendingBookings = async (
  deps: UseCaseDeps,
  tenantId: TenantId,
  options: BookingSweepOptions,
): Promise<BookingSweepResult> => {
  const result: BookingSweepResult = { completed: 0, failed: 0, left: 0 };
  const tenant = (await deps.repos.tenants.get(tenantId))?.item;
  if (tenant === undefined) return result;
  const updatedBefore = new Date(Date.parse(deps.clock.now()) - options.pendingForMs).toISOString();
  let continuationToken: string | undefined;
  do {
    const page = await deps.repos.conversations.listPendingBookings(tenantId, updatedBefore, {
      pageSize: PAGE_SIZE,
      ...(continuationToken === undefined ? {} : { continuationToken }),
    });
    for (const record of page.items) {
      const claimed = await claim(deps, record, updatedBefore);
      result[claimed === undefined ? 'left' : await converge(deps, tenant, claimed, options.agendaLink)] += 1;
    }
    continuationToken = page.continuationToken;
  } while (continuationToken !== undefined);
  return result;
};
