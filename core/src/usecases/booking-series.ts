import type { BookingSeriesInput } from '../api/booking-series.ts';
import type { BookingSeries, ConversationRecord } from '../domain/conversations.ts';
import type { Tenant } from '../domain/people.ts';
import { AppError, isAppError } from '../errors.ts';
import { stableId } from '../feedback/ids.ts';
import type { Stored } from '../ports/repositories.ts';
import { invitationOf } from './agenda.ts';
import { addressesOf, guardBooking, pairOf } from './booking-parties.ts';
import { checkTimes, ownerOf, refuseSecondInMonth } from './booking-rules.ts';
import { planSeries, type SeriesPlan } from './booking-series-plan.ts';
import { seriesCalendar, seriesRecords, sendSeries, type SeriesInvitation } from './booking-series-send.ts';
import type { AgendaLink } from './bookings.ts';
import type { Caller, UseCaseDeps } from './deps.ts';
import { storePending } from './pending-booking.ts';
import { historyOf } from './people.ts';
import { labelOf, packOf } from './scheme.ts';

export interface SeriesOutcome {
  readonly plan: SeriesPlan;
  /** One record per meeting, in date order. */
  readonly records: readonly Stored<ConversationRecord>[];
  readonly subject: string;
}

/** One series per idempotency key, caller and colleague: a retried request finds the series it started. */
const seriesIdFor = (tenantId: string, callerId: string, key: string, employeeId: string): string =>
  stableId('booking-series', tenantId, callerId, key, employeeId);

/** Each meeting's record id follows from the series and its day, so a retry finds every one again. */
const meetingIdFor = (seriesId: string, date: string): string => stableId('series-meeting', seriesId, date);

/** The dates a series would hold and leave out, before anything is booked (the tab shows them first). */
export const planBookingSeries = async (deps: UseCaseDeps, caller: Caller, input: BookingSeriesInput) => {
  const { tenant, subject } = await guardBooking(deps, caller, input.employeeId);
  checkTimes(input.start, input.end);
  const { managerId } = pairOf(subject, caller.userId);
  const history = await historyOf(deps, caller.tenantId, subject.employee.id);
  return planSeries({ tenant, employee: subject.employee, managerId, history, ...input });
};

/** A second month's Regular conversation already booked is refused, as for a single booking (004: one a month). */
const refuseBookedMonths = async (
  deps: UseCaseDeps,
  tenant: Tenant,
  plan: SeriesPlan,
  booking: { employeeId: string; managerId: string; whose: string },
): Promise<void> => {
  if (plan.pattern.type !== 'relativeMonthly') return;
  for (const o of plan.occurrences) {
    await refuseSecondInMonth(
      deps,
      tenant,
      { ...booking, id: '', type: 'regular', start: o.start },
      { whose: booking.whose, label: labelOf(packOf(tenant), 'regular') },
    );
  }
};

/** The other meetings' records, made from the first one's: the agenda belongs to the first meeting only. */
const storeFollowing = async (
  deps: UseCaseDeps,
  first: Stored<ConversationRecord>,
  plan: SeriesPlan,
  seriesId: string,
): Promise<Stored<ConversationRecord>[]> => {
  const stored: Stored<ConversationRecord>[] = [first];
  for (const o of plan.occurrences.slice(1)) {
    const booking = first.item.booking;
    if (booking === undefined) break;
    const id = meetingIdFor(seriesId, o.date);
    const record: ConversationRecord = {
      ...first.item,
      id,
      date: o.date,
      agenda: [],
      booking: { ...booking, start: o.start, end: o.end },
    };
    try {
      stored.push(await deps.repos.conversations.create(record));
    } catch (error) {
      const earlier =
        isAppError(error) && error.code === 'conflict'
          ? await deps.repos.conversations.get(record.tenantId, record.employeeId, id)
          : undefined;
      if (earlier === undefined) throw error;
      stored.push(earlier);
    }
  }
  return stored;
};

/**
 * Books Regular conversations as one Outlook series (004 Regular: monthly, or the pair's agreed
 * frequency), leaving out the months that hold a Big Picture conversation and any bank holiday.
 * Every meeting's record is written first with its invitations pending; then the series is made
 * with the series' id as Graph's transactionId, the left-out meetings are removed from it and the
 * records complete. With an idempotency key a retry, or the booking sweep, finishes the same series.
 */
export const bookSeries = async (
  deps: UseCaseDeps,
  caller: Caller,
  input: BookingSeriesInput,
  agendaLink: AgendaLink,
  idempotencyKey?: string,
): Promise<SeriesOutcome> => {
  const { tenant, subject, me } = await guardBooking(deps, caller, input.employeeId);
  checkTimes(input.start, input.end);
  const employee = subject.employee;
  const { organizerId, managerId, attendeeIds } = pairOf(subject, caller.userId);
  const owner = ownerOf(caller, organizerId);
  // Refused before anything is written: a record no calendar can complete would stay pending.
  seriesCalendar(deps, caller.tenantId);
  const history = await historyOf(deps, caller.tenantId, employee.id);
  const seriesId =
    idempotencyKey === undefined
      ? deps.newId()
      : seriesIdFor(caller.tenantId, caller.userId, idempotencyKey, employee.id);
  const mine = history.filter((r) => r.booking?.series?.id === seriesId);
  // A retry plans from the history as it stood, without the series' own records.
  const plan = planSeries({
    tenant,
    employee,
    managerId,
    history: history.filter((r) => r.booking?.series?.id !== seriesId),
    ...input,
  });
  const first = plan.occurrences[0];
  if (first === undefined) throw new AppError('validation', 'No meeting of that series falls on a working day.');
  if (mine.length > 0 && mine.every((r) => r.booking?.start !== first.start)) {
    throw new AppError('conflict', 'That idempotency key was already used for a series at another time.');
  }
  if (mine.length === 0) {
    const whose = caller.userId === employee.id ? 'Your' : `${employee.displayName}'s`;
    await refuseBookedMonths(deps, tenant, plan, { employeeId: employee.id, managerId, whose });
  }
  const series: BookingSeries = {
    id: seriesId,
    firstDate: first.date,
    time: plan.time,
    pattern: plan.pattern,
    until: plan.until,
  };
  const single = { employeeId: employee.id, type: 'regular' as const, start: first.start, end: first.end };
  const head = await storePending(
    deps,
    caller,
    tenant,
    subject,
    { ...single, agenda: input.agenda, ...(input.subject === undefined ? {} : { subject: input.subject }) },
    { id: meetingIdFor(seriesId, first.date), managerId, series },
  );
  await storeFollowing(deps, head, plan, seriesId);
  const invitation = invitationOf(
    packOf(tenant),
    head.item,
    employee.displayName,
    agendaLink(employee.id, head.item.id),
  );
  const subjectLine = input.subject ?? invitation.subject;
  const sending: SeriesInvitation = {
    owner,
    attendees: await addressesOf(deps, caller.tenantId, attendeeIds, [employee, me]),
    subject: subjectLine,
    bodyHtml: invitation.bodyHtml,
  };
  await sendSeries(deps, tenant, head.item, sending);
  const records = await seriesRecords(deps, head.item);
  return { plan, records, subject: subjectLine };
};
