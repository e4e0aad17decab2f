/**
 * Which days a series of Regular conversations falls on (004 Regular; 000, 001, 003 at the pair's
 * agreed frequency). Pure: the same pair, history and first meeting always give the same plan.
 */
import type { ConversationRecord, RecurrencePattern, Weekday } from '../domain/conversations.ts';
import type { Employee, PersonId, Tenant } from '../domain/people.ts';
import { dueConversations } from '../engine/due.ts';
import { jobGroups } from '../engine/groups.ts';
import { agreedInRecords } from '../engine/history.ts';
import { longDate } from '../engine/words.ts';
import { AppError } from '../errors.ts';
import { addDays, addMonths, toUtcDate, type IsoDate, type IsoDateTime } from '../time/dates.ts';
import { createWorkingDayCalendar } from '../time/working-days.ts';
import { packOf } from './scheme.ts';
import { zonedDate, zonedToUtc } from './zoned-time.ts';

export interface SeriesOccurrence {
  readonly date: IsoDate;
  readonly start: IsoDateTime;
  readonly end: IsoDateTime;
}

export interface SkippedOccurrence {
  readonly date: IsoDate;
  readonly why: 'big-picture' | 'bank-holiday';
  readonly reason: string;
}

export interface SeriesPlan {
  readonly pattern: RecurrencePattern;
  /** Wall-clock start in the employer's zone (`HH:MM`), the same for every meeting. */
  readonly time: string;
  readonly timeZone: string;
  readonly until: IsoDate;
  /** What the pattern says, in words: "every month on the second Tuesday". */
  readonly every: string;
  readonly occurrences: readonly SeriesOccurrence[];
  /** Days the pattern falls on that the series leaves out, and why. */
  readonly skipped: readonly SkippedOccurrence[];
}

export interface SeriesRequest {
  readonly tenant: Tenant;
  readonly employee: Employee;
  readonly managerId: PersonId;
  /** The pair's conversations so far. */
  readonly history: readonly ConversationRecord[];
  /** The first meeting, which sets the weekday and time of every other. */
  readonly start: IsoDateTime;
  readonly end: IsoDateTime;
  readonly until: IsoDate;
}

/** A series books at most a year ahead. */
const MAX_SERIES_MONTHS = 12;

const WEEKDAYS: readonly Weekday[] = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const INDEXES = ['first', 'second', 'third', 'fourth'] as const;

const weekdayOf = (date: IsoDate): Weekday => WEEKDAYS[toUtcDate(date).getUTCDay()] ?? 'monday';

/** How often the pair meet: the agreed number of weeks, or once a month (004 Regular). */
const seriesFrequency = (
  request: Pick<SeriesRequest, 'tenant' | 'employee' | 'managerId' | 'history'>,
  on: IsoDate,
): { weeks: number } | { monthly: true } => {
  const pack = packOf(request.tenant);
  const cadence = pack.conversations.find((c) => c.type === 'regular')?.cadence;
  const group = jobGroups(request.employee, on).find((g) => g.managerIds.includes(request.managerId));
  const decidedBy = pack.regularFrequency?.decidedBy ?? 'pair';
  const agreed =
    group === undefined
      ? undefined
      : (agreedInRecords(request.history, { group }, on, { decidedBy, timeZone: request.tenant.timeZone })?.weeks ??
        group.agreedEveryWeeks);
  if (cadence?.kind === 'monthly') {
    return cadence.pairMayAgreeMoreOften === true && agreed !== undefined && agreed < 4
      ? { weeks: agreed }
      : { monthly: true };
  }
  if (cadence?.kind === 'agreed-frequency') return { weeks: agreed ?? cadence.defaultEveryWeeks };
  throw new AppError('validation', 'Your scheme sets no regular frequency to repeat these conversations at.');
};

/** The n-th given weekday of a month (or its last), as Outlook's relative monthly pattern counts. */
const nthWeekday = (month: IsoDate, weekday: Weekday, index: RecurrencePattern['index']): IsoDate => {
  const first = `${month.slice(0, 7)}-01`;
  const offset = (WEEKDAYS.indexOf(weekday) - toUtcDate(first).getUTCDay() + 7) % 7;
  const firstSuch = addDays(first, offset);
  if (index !== 'last') return addDays(firstSuch, 7 * INDEXES.indexOf(index ?? 'first'));
  const next = addMonths(first, 1);
  let day = firstSuch;
  while (addDays(day, 7) < next) day = addDays(day, 7);
  return day;
};

const patternFor = (frequency: ReturnType<typeof seriesFrequency>, firstDay: IsoDate): RecurrencePattern => {
  const dayOfWeek = weekdayOf(firstDay);
  if ('weeks' in frequency) return { type: 'weekly', interval: frequency.weeks, dayOfWeek };
  const n = Math.floor((Number(firstDay.slice(8, 10)) - 1) / 7);
  return { type: 'relativeMonthly', interval: 1, dayOfWeek, index: INDEXES[n] ?? 'last' };
};

const describe = (pattern: RecurrencePattern): string => {
  const day = pattern.dayOfWeek.charAt(0).toUpperCase() + pattern.dayOfWeek.slice(1);
  if (pattern.type === 'relativeMonthly') return `every month on the ${pattern.index ?? 'first'} ${day}`;
  return pattern.interval === 1 ? `every week on ${day}` : `every ${String(pattern.interval)} weeks on ${day}`;
};

/** Every day the pattern falls on from the first meeting to `until`. */
const daysOf = (pattern: RecurrencePattern, firstDay: IsoDate, until: IsoDate): IsoDate[] => {
  const days: IsoDate[] = [];
  for (let n = 0; ; n += 1) {
    const day =
      pattern.type === 'weekly'
        ? addDays(firstDay, 7 * pattern.interval * n)
        : nthWeekday(addMonths(`${firstDay.slice(0, 7)}-01`, n), pattern.dayOfWeek, pattern.index);
    if (day > until) return days;
    days.push(day);
  }
};

/**
 * A Big Picture conversation the plan expects to be held when it is booked, or else in the month it
 * is due, so the engine counts the next one on from it, as it will once it is held.
 */
const expectedBigPicture = (request: SeriesRequest, on: IsoDate): ConversationRecord => ({
  tenantId: request.tenant.tenantId,
  id: `expected-big-picture-${on}`,
  employeeId: request.employee.id,
  managerIds: [request.managerId],
  jobIds: [],
  type: 'big-picture',
  status: 'held',
  date: on,
  topics: [],
  sections: {},
  notes: '',
  issuesRaised: [],
  actionsAgreed: [],
  agenda: [],
  agreement: {},
  createdAt: request.start,
  updatedAt: request.start,
});

/**
 * The months in which the engine expects no Regular conversation (004: not in a month that holds a
 * Big Picture conversation), with its reason. The due list's own engine decides, month by month,
 * so the series and the due list cannot disagree.
 */
const monthsWithoutRegular = (request: SeriesRequest, months: readonly IsoDate[]): Map<IsoDate, string> => {
  const skipped = new Map<IsoDate, string>();
  let history = request.history;
  for (const month of months) {
    const report = dueConversations({ tenant: request.tenant, employee: request.employee, history, on: month });
    const item = report.items.find(
      (i) =>
        i.type === 'regular' &&
        i.windowStart === month &&
        i.status === 'suppressed' &&
        (i.withIds.length === 0 || i.withIds.includes(request.managerId)),
    );
    if (item === undefined) continue;
    skipped.set(month, item.reason);
    const there = history.filter((r) => r.type === 'big-picture' && r.date.startsWith(month.slice(0, 7)));
    if (!there.some((r) => r.status === 'held' || r.status === 'agreed')) {
      history = [...history, expectedBigPicture(request, there[0]?.date ?? month)];
    }
  }
  return skipped;
};

export const planSeries = (request: SeriesRequest): SeriesPlan => {
  const { tenant, until } = request;
  const firstDay = zonedDate(request.start, tenant.timeZone);
  if (until <= firstDay) throw new AppError('validation', 'The series must end after its first meeting.');
  if (until > addMonths(firstDay, MAX_SERIES_MONTHS)) {
    throw new AppError('validation', `A series can run for up to ${String(MAX_SERIES_MONTHS)} months.`);
  }
  const days = createWorkingDayCalendar();
  if (!days.isWorkingDay(firstDay, tenant.nation)) {
    throw new AppError('validation', 'The first meeting must be on a working day (not a weekend or bank holiday).');
  }
  const pattern = patternFor(seriesFrequency(request, firstDay), firstDay);
  const time = new Intl.DateTimeFormat('en-GB', {
    timeZone: tenant.timeZone,
    hourCycle: 'h23',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(request.start));
  const minutes = (Date.parse(request.end) - Date.parse(request.start)) / 60_000;
  const all = daysOf(pattern, firstDay, until);
  const months = [...new Set(all.map((d) => `${d.slice(0, 7)}-01`))];
  const withoutRegular = monthsWithoutRegular(request, months);
  const occurrences: SeriesOccurrence[] = [];
  const skipped: SkippedOccurrence[] = [];
  for (const date of all) {
    const bigPicture = withoutRegular.get(`${date.slice(0, 7)}-01`);
    if (bigPicture !== undefined) {
      skipped.push({ date, why: 'big-picture', reason: bigPicture });
    } else if (!days.isWorkingDay(date, tenant.nation)) {
      skipped.push({
        date,
        why: 'bank-holiday',
        reason: `${longDate(date)} is a bank holiday: book that conversation on its own.`,
      });
    } else {
      const start = zonedToUtc(date, time, tenant.timeZone);
      occurrences.push({ date, start, end: new Date(Date.parse(start) + minutes * 60_000).toISOString() });
    }
  }
  return { pattern, time, timeZone: tenant.timeZone, until, every: describe(pattern), occurrences, skipped };
};
