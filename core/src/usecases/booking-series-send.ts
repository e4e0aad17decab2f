/** The calendar step of a series: made once under its key, trimmed to the records' days, then the records complete. */
import type { Booking, ConversationRecord } from '../domain/conversations.ts';
import type { Tenant } from '../domain/people.ts';
import { AppError, isAppError } from '../errors.ts';
import type { CalendarOwner, CalendarSeriesGateway, CreatedCalendarEvent } from '../ports/calendar.ts';
import type { Stored } from '../ports/repositories.ts';
import { addDays } from '../time/dates.ts';
import { calendarOf } from './booking-parties.ts';
import { withoutPending } from './booking-rules.ts';
import { watchBooking } from './calendar-truth.ts';
import { retryOnConflict } from './concurrency.ts';
import type { UseCaseDeps } from './deps.ts';
import { allPages } from './export-support.ts';
import { rememberMeeting } from './meeting.ts';
import { zonedDate, zonedToUtc } from './zoned-time.ts';

export interface SeriesInvitation {
  readonly owner: CalendarOwner;
  readonly attendees: readonly string[];
  readonly subject: string;
  readonly bodyHtml: string;
}

/** Calendar refusals after which no series can exist. */
const NOT_SENT: ReadonlySet<string> = new Set(['forbidden', 'unauthenticated', 'validation', 'not-found']);

export const seriesCalendar = (deps: UseCaseDeps, tenantId: string): CalendarSeriesGateway => {
  const series = calendarOf(deps, tenantId).series;
  if (series === undefined)
    throw new AppError('unavailable', 'Recurring bookings are not set up for your organisation.');
  return series;
};

/** Every record of the series that holds `record`, in date order. */
export const seriesRecords = async (
  deps: UseCaseDeps,
  record: ConversationRecord,
): Promise<Stored<ConversationRecord>[]> => {
  const series = record.booking?.series;
  if (series === undefined) return [];
  const all = await allPages((page) =>
    deps.repos.conversations.listForEmployee(
      record.tenantId,
      record.employeeId,
      { type: record.type, from: series.firstDate, to: series.until },
      page,
    ),
  );
  const mine = all.filter((r) => r.booking?.series?.id === series.id);
  const stored = await Promise.all(mine.map((r) => deps.repos.conversations.get(r.tenantId, r.employeeId, r.id)));
  return stored.filter((s) => s !== undefined).sort((a, b) => a.item.date.localeCompare(b.item.date));
};

const markCancelled = async (deps: UseCaseDeps, records: readonly Stored<ConversationRecord>[]): Promise<void> => {
  for (const r of records) {
    if (r.item.status !== 'booked') continue;
    await deps.repos.conversations.update({ ...r.item, status: 'cancelled', updatedAt: deps.clock.now() }, r.etag);
  }
};

/** Completes one record with its meeting's event id; safe to repeat, and ETag-guarded against a sweeper's claim. */
const complete = async (
  deps: UseCaseDeps,
  first: Stored<ConversationRecord>,
  organizerId: string,
  created: CreatedCalendarEvent,
  instanceId: string,
): Promise<void> => {
  let current = first;
  const done = await retryOnConflict(async () => {
    const was = current.item.booking;
    if (was?.pending !== 'invitations' || was.series === undefined) return undefined;
    const booking: Booking = {
      ...withoutPending(was),
      eventIds: { [organizerId]: instanceId },
      series: { ...was.series, eventId: created.eventId },
      ...(created.onlineMeetingUrl === undefined ? {} : { onlineMeetingUrl: created.onlineMeetingUrl }),
    };
    try {
      return await deps.repos.conversations.update(
        { ...current.item, status: 'booked', booking, updatedAt: deps.clock.now() },
        current.etag,
      );
    } catch (error) {
      const fresh = await deps.repos.conversations.get(current.item.tenantId, current.item.employeeId, current.item.id);
      if (fresh !== undefined) current = fresh;
      throw error;
    }
  });
  if (done === undefined) return;
  await rememberMeeting(deps, done.item);
  await watchBooking(deps, done.item);
};

/**
 * Makes the series of `record` in the organiser's calendar, or finds the one an earlier attempt
 * made (the series' id is Graph's transactionId), removes every meeting of it no record holds (the
 * Big Picture months and bank holidays), then completes each record with its own meeting's event id.
 * Each step is safe to repeat, so a client's retry or the booking sweep converges on one series
 * whose meetings are exactly the records'. A refusal cancels the records; a passing failure
 * (throttling, Graph unavailable) leaves them pending for the retry or the sweep.
 */
export const sendSeries = async (
  deps: UseCaseDeps,
  tenant: Tenant,
  record: ConversationRecord,
  invitation: SeriesInvitation,
): Promise<void> => {
  const series = record.booking?.series;
  if (series === undefined) return;
  const records = await seriesRecords(deps, record);
  const pending = records.filter((r) => r.item.booking?.pending === 'invitations');
  if (pending.length === 0) return;
  const first = records[0]?.item.booking;
  if (first === undefined) return;
  const calendar = seriesCalendar(deps, tenant.tenantId);
  let created: CreatedCalendarEvent;
  try {
    created = await calendar.createSeries({
      ...invitation.owner,
      attendees: invitation.attendees,
      subject: invitation.subject,
      bodyHtml: invitation.bodyHtml,
      firstDate: series.firstDate,
      time: series.time,
      minutes: Math.round((Date.parse(first.end) - Date.parse(first.start)) / 60_000),
      timeZone: tenant.timeZone,
      pattern: series.pattern,
      until: series.until,
      online: true,
      idempotencyKey: series.id,
    });
  } catch (error) {
    if (isAppError(error) && NOT_SENT.has(error.code)) await markCancelled(deps, pending);
    throw error;
  }
  const instances = await calendar.seriesInstances(invitation.owner, created.eventId, {
    from: zonedToUtc(series.firstDate, '00:00', tenant.timeZone),
    to: zonedToUtc(addDays(series.until, 1), '00:00', tenant.timeZone),
  });
  const dayOf = (start: string): string => zonedDate(start, tenant.timeZone);
  const held = new Set(records.map((r) => r.item.date));
  for (const instance of instances) {
    if (held.has(dayOf(instance.start))) continue;
    await calendarOf(deps, tenant.tenantId).cancelEvent(
      invitation.owner,
      instance.eventId,
      'No Regular conversation is held on this day: it falls in a Big Picture month or on a bank holiday.',
    );
  }
  for (const r of pending) {
    const instance = instances.find((i) => dayOf(i.start) === r.item.date);
    // The organiser removed that meeting already: the record cannot say booked.
    if (instance === undefined) await markCancelled(deps, [r]);
    else await complete(deps, r, invitation.owner.organizerId, created, instance.eventId);
  }
};
