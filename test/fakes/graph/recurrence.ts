/**
 * Recurring events in the fake Graph, as Exchange keeps them: one series master with a
 * `recurrence` (weekly or relative monthly, ending on a date), whose meetings are expanded on
 * request (`GET events/{id}/instances`, the calendar view) and never stored one by one. Cancelling
 * one meeting records its day on the master (and on each attendee's copy) as cancelled.
 */
import { zonedToUtc } from '@pc/core/usecases';
import {
  fromMillis,
  graphError,
  notFound,
  ok,
  toMillis,
  type Caller,
  type DateTimeTimeZone,
  type GraphReply,
} from './http.ts';
import type { FakeEvent, GraphState } from './state.ts';

export interface FakeRecurrence {
  readonly pattern: {
    readonly type: string;
    readonly interval: number;
    readonly daysOfWeek?: readonly string[];
    readonly index?: string;
  };
  readonly range: {
    readonly type: string;
    readonly startDate: string;
    readonly endDate?: string;
    readonly recurrenceTimeZone?: string;
  };
}

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const INDEXES = ['first', 'second', 'third', 'fourth'];

const dayMs = 86_400_000;
const addDays = (date: string, n: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + n * dayMs).toISOString().slice(0, 10);
const weekday = (date: string): string => WEEKDAYS[new Date(`${date}T00:00:00Z`).getUTCDay()] ?? '';
const monthAfter = (month: string, n: number): string => {
  const d = new Date(`${month.slice(0, 7)}-01T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + n);
  return d.toISOString().slice(0, 10);
};

/** The days a recurrence falls on, from its start date to its end date. */
const daysOf = (r: FakeRecurrence): string[] => {
  const { pattern, range } = r;
  const end = range.endDate ?? addDays(range.startDate, 366);
  const wanted = new Set(pattern.daysOfWeek ?? []);
  const days: string[] = [];
  if (pattern.type === 'weekly') {
    for (let week = 0; ; week += pattern.interval) {
      const from = addDays(range.startDate, week * 7);
      if (from > end) return days;
      for (let d = 0; d < 7; d += 1) {
        const day = addDays(from, d);
        if (day <= end && wanted.has(weekday(day))) days.push(day);
      }
    }
  }
  if (pattern.type !== 'relativeMonthly') throw new Error(`recurrence ${pattern.type} not supported by the fake`);
  for (let n = 0; ; n += pattern.interval) {
    const first = monthAfter(range.startDate, n);
    if (first > end) return days;
    const matches: string[] = [];
    for (let day = first; day < monthAfter(first, 1); day = addDays(day, 1))
      if (wanted.has(weekday(day))) matches.push(day);
    const pick = pattern.index === 'last' ? matches.at(-1) : matches[INDEXES.indexOf(pattern.index ?? 'first')];
    if (pick !== undefined && pick >= range.startDate && pick <= end) days.push(pick);
  }
};

/** A request's start in any zone, as UTC (the fake stores UTC only). */
export const inUtc = (value: DateTimeTimeZone): DateTimeTimeZone => {
  if (['UTC', 'Etc/UTC'].includes(value.timeZone)) return value;
  return fromMillis(Date.parse(zonedToUtc(value.dateTime.slice(0, 10), value.dateTime.slice(11, 16), value.timeZone)));
};

const wallClock = (utc: DateTimeTimeZone, timeZone: string): string =>
  new Intl.DateTimeFormat('en-GB', { timeZone, hourCycle: 'h23', hour: '2-digit', minute: '2-digit' }).format(
    new Date(toMillis(utc)),
  );

const instanceId = (masterId: string, day: string): string => `${masterId}_${day.replaceAll('-', '')}`;

/** Every meeting of a series that has not been cancelled, as Graph lists instances. */
export const occurrencesOf = (master: FakeEvent): FakeEvent[] => {
  const recurrence = master.recurrence;
  if (recurrence === undefined) return [master];
  const zone = recurrence.range.recurrenceTimeZone ?? 'UTC';
  const time = wallClock(master.start, zone);
  const minutes = (toMillis(master.end) - toMillis(master.start)) / 60_000;
  const cancelled = new Set(master.cancelledOccurrences ?? []);
  return daysOf(recurrence)
    .filter((day) => !cancelled.has(day))
    .map((day) => {
      const start = Date.parse(zonedToUtc(day, time, zone));
      const { recurrence: _r, cancelledOccurrences: _c, ...rest } = master;
      return {
        ...rest,
        id: instanceId(master.id, day),
        type: 'occurrence' as const,
        seriesMasterId: master.id,
        start: fromMillis(start),
        end: fromMillis(start + minutes * 60_000),
      };
    });
};

export const listInstances = (
  state: GraphState,
  caller: Caller,
  mailbox: string,
  id: string,
  query: URLSearchParams,
): GraphReply => {
  const user = state.user(caller.tenantId, mailbox);
  const master = user === undefined ? undefined : state.calendar(user.id).get(id);
  if (master === undefined) return notFound(id);
  const from = query.get('startDateTime');
  const to = query.get('endDateTime');
  if (from === null || to === null) {
    return graphError(400, 'ErrorInvalidParameter', 'instances needs startDateTime and endDateTime.');
  }
  const value = occurrencesOf(master).filter(
    (e) => toMillis(e.start) < Date.parse(to) && toMillis(e.end) > Date.parse(from),
  );
  return ok({ value });
};

/**
 * The series and day a meeting's id names, when it is one of a series in this calendar. Cancelling
 * it marks the day cancelled on the organiser's master and on each attendee's copy.
 */
export const cancelOccurrence = (state: GraphState, organizerId: string, tenantId: string, id: string): boolean => {
  const match = /^(.+)_(\d{4})(\d{2})(\d{2})$/.exec(id);
  const master = match?.[1] === undefined ? undefined : state.calendar(organizerId).get(match[1]);
  if (match === null || master?.recurrence === undefined) return false;
  const day = `${match[2] ?? ''}-${match[3] ?? ''}-${match[4] ?? ''}`;
  if (!occurrencesOf(master).some((o) => o.id === id)) return false;
  const mark = (calendar: Map<string, FakeEvent>, event: FakeEvent): void => {
    calendar.set(event.id, { ...event, cancelledOccurrences: [...(event.cancelledOccurrences ?? []), day] });
  };
  mark(state.calendar(organizerId), master);
  for (const attendee of master.attendees) {
    const person = state.user(tenantId, attendee.emailAddress.address);
    if (person === undefined || person.id === organizerId) continue;
    const calendar = state.calendar(person.id);
    for (const copy of [...calendar.values()]) if (copy.iCalUId === master.iCalUId) mark(calendar, copy);
  }
  return true;
};
