/**
 * Rounds on dedicated days (004, managers with many staff): a team's conversations booked over
 * chosen working days in one go, for the people actually due for that conversation by the last
 * day, each at a time when both their own and the manager's calendars are free.
 */
import type { ConversationTypeId } from '../domain/conversations.ts';
import type { PersonId, Tenant } from '../domain/people.ts';
import { longDate } from '../engine/words.ts';
import { AppError } from '../errors.ts';
import type { DueReport } from '../engine/types.ts';
import type { PersonSchedule } from '../ports/calendar.ts';
import { addDays, type IsoDate } from '../time/dates.ts';
import { createWorkingDayCalendar } from '../time/working-days.ts';
import { calendarOf, guardBooking } from './booking-parties.ts';
import { book, bookingIdFor, type AgendaLink, type BookingOutcome } from './bookings.ts';
import { loadActor } from './context.ts';
import type { Caller, UseCaseDeps } from './deps.ts';
import { dueFor } from './people.ts';
import { labelOf, packOf } from './scheme.ts';
import { zonedToUtc } from './zoned-time.ts';

export interface BulkBookingInput {
  readonly type: Exclude<ConversationTypeId, 'in-the-moment'>;
  readonly employeeIds: readonly PersonId[];
  readonly days: readonly IsoDate[];
  readonly dayStart: string;
  readonly dayEnd: string;
  readonly durationMinutes: number;
  readonly gapMinutes: number;
}

interface Slot {
  readonly start: string;
  readonly end: string;
}

/** Slots of one day from dayStart to dayEnd (local time), each `duration` long with `gap` between. */
const slotsOfDay = (day: IsoDate, input: BulkBookingInput, timeZone: string): Slot[] => {
  const startMs = Date.parse(zonedToUtc(day, input.dayStart, timeZone));
  const endMs = Date.parse(zonedToUtc(day, input.dayEnd, timeZone));
  const step = (input.durationMinutes + input.gapMinutes) * 60_000;
  const slots: Slot[] = [];
  for (let t = startMs; t + input.durationMinutes * 60_000 <= endMs; t += step) {
    slots.push({ start: new Date(t).toISOString(), end: new Date(t + input.durationMinutes * 60_000).toISOString() });
  }
  return slots;
};

/** A round is held on working days: never a weekend or a bank holiday of the employer's nation. */
const refuseDaysOff = (days: readonly IsoDate[], tenant: Tenant): void => {
  const calendar = createWorkingDayCalendar();
  const off = [...new Set(days)].sort().filter((d) => !calendar.isWorkingDay(d, tenant.nation));
  if (off.length === 0) return;
  const named = off.map((d) => longDate(d)).join(', ');
  throw new AppError('validation', `Not a working day (a weekend or a bank holiday): ${named}. Choose working days.`, {
    details: [{ path: 'days', message: `Not working days: ${named}.` }],
  });
};

/** Why someone is left out of a round for this conversation, or undefined when it is due for them by `lastDay`. */
const notDueReason = (report: DueReport, type: ConversationTypeId, label: string): string | undefined => {
  if (report.excluded !== undefined) return `The scheme does not apply to them: ${report.excluded.reason}`;
  const item = report.items.find((i) => i.type === type);
  if (item === undefined) return `No ${label} is due for them under the scheme.`;
  if (item.status === 'completed') {
    return `Already held this cycle${item.completedOn === undefined ? '' : ` (${longDate(item.completedOn)})`}.`;
  }
  if (item.status === 'suppressed') return item.reason;
  if (item.status === 'upcoming' && item.windowStart > report.on) {
    return `Not due yet: it can be held from ${longDate(item.windowStart)}.`;
  }
  return undefined;
};

const taken = (slot: Slot, schedule: PersonSchedule | undefined): boolean => {
  const [from, to] = [Date.parse(slot.start), Date.parse(slot.end)];
  return (schedule?.busy ?? []).some((b) => Date.parse(b.start) < to && Date.parse(b.end) > from);
};

/**
 * A team's round spread over the chosen days: the people due go to the days in turn so each day
 * fills evenly, each at the first time there when both calendars are free (Graph getSchedule
 * through the organiser's mailbox), one booking at a time so Graph's per-mailbox limits are
 * respected. Whoever is not due, or has no free time left, is named with the reason.
 */
export const bulkBook = async (
  deps: UseCaseDeps,
  caller: Caller,
  input: BulkBookingInput,
  agendaLink: AgendaLink,
  idempotencyKey?: string,
) => {
  const { tenant, employee: me } = await loadActor(deps, caller);
  refuseDaysOff(input.days, tenant);
  const dayList = [...new Set(input.days)].sort();
  const lastDay = dayList.at(-1) ?? deps.clock.today();
  const label = labelOf(packOf(tenant), input.type);
  const booked: (BookingOutcome & { employeeId: PersonId })[] = [];
  const notBooked: { employeeId: PersonId; reason: string }[] = [];
  const refused = (error: unknown, employeeId: PersonId): void => {
    // One person's refusal (no manager, not allowed, booked already this month) must not stop the round.
    if (!(error instanceof AppError) || !['forbidden', 'not-found', 'validation'].includes(error.code)) throw error;
    notBooked.push({ employeeId, reason: error.message });
  };

  const due: Awaited<ReturnType<typeof guardBooking>>[] = [];
  for (const employeeId of input.employeeIds) {
    try {
      const parties = await guardBooking(deps, caller, employeeId);
      const reason = notDueReason(await dueFor(deps, tenant, parties.subject.employee, lastDay), input.type, label);
      if (reason === undefined) due.push(parties);
      else notBooked.push({ employeeId, reason });
    } catch (error) {
      refused(error, employeeId);
    }
  }
  if (due.length === 0) return { booked, notBooked };

  const schedules = await calendarOf(deps, tenant.tenantId).schedules({
    mailboxId: caller.userId,
    ...(caller.token === undefined ? {} : { userToken: caller.token }),
    people: [me.email, ...due.map((p) => p.subject.employee.email)],
    from: zonedToUtc(dayList[0] ?? lastDay, '00:00', tenant.timeZone),
    to: zonedToUtc(addDays(lastDay, 1), '00:00', tenant.timeZone),
  });
  const scheduleOf = (email: string) => schedules.find((s) => s.email.toLowerCase() === email.toLowerCase());
  const mine = scheduleOf(me.email);

  // A retried round (same idempotency key) keeps the times its first attempt gave: their events are in the calendars now.
  const earlier = new Map<PersonId, Slot>();
  for (const parties of due) {
    const employeeId = parties.subject.employee.id;
    const id =
      idempotencyKey === undefined
        ? undefined
        : bookingIdFor(tenant.tenantId, caller.userId, idempotencyKey, employeeId);
    const first =
      id === undefined
        ? undefined
        : (await deps.repos.conversations.get(tenant.tenantId, employeeId, id))?.item.booking;
    if (first !== undefined) earlier.set(employeeId, { start: first.start, end: first.end });
  }
  const notEarlier = (slot: Slot): boolean => ![...earlier.values()].some((e) => e.start === slot.start);
  const days = dayList.map((day) =>
    slotsOfDay(day, input, tenant.timeZone).filter((slot) => !taken(slot, mine) && notEarlier(slot)),
  );

  let turn = 0;
  for (const parties of due) {
    const employeeId = parties.subject.employee.id;
    const theirs = scheduleOf(parties.subject.employee.email);
    // Their turn's day first, then the others, at the first time both are free.
    const order = days.map((_, i) => days[(turn + i) % days.length] ?? []);
    turn += 1;
    const day = order.find((slots) => slots.some((slot) => !taken(slot, theirs)));
    const index = day?.findIndex((slot) => !taken(slot, theirs)) ?? -1;
    const slot = earlier.get(employeeId) ?? (index < 0 ? undefined : day?.splice(index, 1)[0]);
    if (slot === undefined) {
      notBooked.push({ employeeId, reason: 'No time on the chosen days when you are both free.' });
      continue;
    }
    try {
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
      refused(error, employeeId);
    }
  }
  return { booked, notBooked };
};
