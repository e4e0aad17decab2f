/**
 * Booking from the bot's card: the next free times of the person and their manager, then the same
 * booking as every other surface. The bot holds no user token, so calendars are read (getSchedule)
 * and written with the app's own permission, which the Exchange application access policy limits
 * to the bookable mailboxes (docs/security.md).
 */
import type { BookingChoice } from '../cards/booking-card.ts';
import type { ConversationTypeId } from '../domain/conversations.ts';
import type { PersonId } from '../domain/people.ts';
import { AppError } from '../errors.ts';
import { addDays, type IsoDateTime } from '../time/dates.ts';
import { createWorkingDayCalendar } from '../time/working-days.ts';
import { workingDayRuns } from '../time/working-time.ts';
import { addressesOf, calendarOf, guardBooking, pairOf } from './booking-parties.ts';
import { daysOfRuns, freeTimes, hoursOf } from './booking-free-time.ts';
import { NO_FREE_TIME } from './booking-times.ts';
import { bookConversation, type AgendaLink, type BookingOutcome } from './bookings.ts';
import type { Caller, UseCaseDeps } from './deps.ts';
import { labelOf, packOf } from './scheme.ts';
import { dueToday } from './self-service.ts';
import { zonedToUtc } from './zoned-time.ts';

/** How far ahead the card looks, how many times it offers, and how long an offer stands. */
const LOOK_AHEAD_DAYS = 14;
const MAX_OFFERED = 5;
const PER_DAY = 2;
const OFFER_HOURS = 24;
const DURATION_MINUTES = 60;

type BookableType = Exclude<ConversationTypeId, 'in-the-moment'>;
const NOT_BOOKED_ONE_TO_ONE: ReadonlySet<ConversationTypeId> = new Set(['in-the-moment', 'handover']);

export interface CardOffer {
  readonly employeeId: PersonId;
  readonly type: BookableType;
  readonly label: string;
  /** The manager's name: whom the person meets. */
  readonly withName: string;
  readonly durationMinutes: number;
  readonly slots: readonly { start: IsoDateTime; end: IsoDateTime }[];
  /** The reader's own zone (their mailbox's), else the employer's: times are shown in it. */
  readonly timeZone: string;
  /** The idempotency key of the booking this card makes: pressing Book twice books once. */
  readonly key: string;
  /** After this the times may be taken: the card asks for fresh ones. */
  readonly until: IsoDateTime;
  readonly explanation?: string;
}

/** What the person should book: the most pressing one-to-one not yet booked, else a Regular conversation. */
const typeToBook = (
  items: readonly { type: ConversationTypeId; status: string; bookedFor?: string }[],
): BookableType => {
  const next = items.find(
    (i) =>
      ['overdue', 'due', 'upcoming'].includes(i.status) &&
      i.bookedFor === undefined &&
      !NOT_BOOKED_ONE_TO_ONE.has(i.type),
  );
  return next === undefined || next.type === 'in-the-moment' ? 'regular' : next.type;
};

/** The next free times of the caller and their line manager, read from both calendars. */
export const offerCardSlots = async (deps: UseCaseDeps, caller: Caller): Promise<CardOffer> => {
  const { tenant, subject, me } = await guardBooking(deps, caller, caller.userId);
  const { managerId } = pairOf(subject, caller.userId);
  const manager = (await deps.repos.employees.get(caller.tenantId, managerId))?.item;
  const people = await addressesOf(deps, caller.tenantId, [caller.userId, managerId], [me]);
  const type = typeToBook((await dueToday(deps, tenant, me)).report.items);
  const days = createWorkingDayCalendar();
  const today = deps.clock.today();
  const runs = workingDayRuns(addDays(today, 1), addDays(today, LOOK_AHEAD_DAYS), tenant.nation, days);
  const schedules = await calendarOf(deps, caller.tenantId).schedules({
    mailboxId: caller.userId,
    people,
    from: zonedToUtc(addDays(today, 1), '00:00', tenant.timeZone),
    to: zonedToUtc(addDays(today, LOOK_AHEAD_DAYS + 1), '00:00', tenant.timeZone),
  });
  const slots = freeTimes({
    days: daysOfRuns(runs),
    schedules,
    employerZone: tenant.timeZone,
    nation: tenant.nation,
    calendar: days,
    durationMinutes: DURATION_MINUTES,
    notBefore: deps.clock.now(),
    max: MAX_OFFERED,
    perDay: PER_DAY,
  });
  const now = Date.parse(deps.clock.now());
  return {
    employeeId: caller.userId,
    type,
    label: labelOf(packOf(tenant), type),
    withName: manager?.displayName ?? 'your line manager',
    durationMinutes: DURATION_MINUTES,
    slots,
    timeZone: hoursOf(
      schedules.find((s) => s.email === people[0]),
      tenant.timeZone,
    ).timeZone,
    key: deps.newId(),
    until: new Date(now + OFFER_HOURS * 3_600_000).toISOString(),
    ...(slots.length === 0 ? { explanation: NO_FREE_TIME } : {}),
  };
};

const STALE = 'These times were offered a while ago and may be taken now. Press Book on your due list for fresh times.';

/**
 * Books the time chosen on the card through the one booking use case, keyed by the card's key: a
 * second press (or Teams resending it) finds the booking the first made and books nothing new.
 */
export const bookFromCard = async (
  deps: UseCaseDeps,
  caller: Caller,
  choice: BookingChoice,
  agendaLink: AgendaLink,
): Promise<BookingOutcome> => {
  if (choice.employeeId !== caller.userId) {
    throw new AppError('forbidden', 'These times were offered to someone else. Type **due** for your own.');
  }
  const now = Date.parse(deps.clock.now());
  if (Date.parse(choice.until) <= now) throw new AppError('validation', STALE);
  if (choice.start === undefined) {
    throw new AppError('validation', 'Choose one of the times first, then press Book.');
  }
  if (!choice.offered.includes(choice.start)) {
    throw new AppError('validation', 'That time was not one of those offered. Choose one of the times on the card.');
  }
  if (Date.parse(choice.start) <= now) throw new AppError('validation', STALE);
  const end = new Date(Date.parse(choice.start) + choice.minutes * 60_000).toISOString();
  return bookConversation(
    deps,
    caller,
    { employeeId: choice.employeeId, type: choice.type, start: choice.start, end, agenda: [] },
    agendaLink,
    choice.key,
    { throughApp: true },
  );
};
