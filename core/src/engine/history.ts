import type { ConversationRecord, ConversationTypeId } from '../domain/conversations.ts';
import type { IsoDate } from '../time/dates.ts';
import type { JobGroup } from './groups.ts';

const isDone = (r: ConversationRecord): boolean => r.status === 'held' || r.status === 'agreed';

/** A record with no jobs named counts for every job; otherwise it counts for each job it names (000). */
const countsFor = (r: ConversationRecord, group: JobGroup): boolean =>
  r.jobIds.length === 0 || group.jobIds.length === 0 || r.jobIds.some((id) => group.jobIds.includes(id));

/**
 * Held or agreed conversations of the given types for the group up to `on`, oldest first.
 * Booked and cancelled never count, and nothing dated after "today" has happened yet.
 */
export const doneDates = (
  history: readonly ConversationRecord[],
  types: readonly ConversationTypeId[],
  group: JobGroup,
  on: IsoDate,
): IsoDate[] =>
  history
    .filter((r) => isDone(r) && r.date <= on && types.includes(r.type) && countsFor(r, group))
    .map((r) => r.date)
    .sort();

/** The first date in [from, to) or undefined. */
export const firstBetween = (dates: readonly IsoDate[], from: IsoDate, to?: IsoDate): IsoDate | undefined =>
  dates.find((d) => d >= from && (to === undefined || d < to));

/** The earliest booking of this type for the group on or after `from`. */
export const bookedFrom = (
  history: readonly ConversationRecord[],
  type: ConversationTypeId,
  group: JobGroup,
  from: IsoDate,
): IsoDate | undefined =>
  history
    .filter((r) => r.status === 'booked' && r.type === type && countsFor(r, group) && r.date >= from)
    .map((r) => r.date)
    .sort()[0];

/**
 * Months (first day, `YYYY-MM-01`) in which a conversation of this type was held or is
 * booked for the group: 004 says a month with a Big Picture conversation needs no Regular one,
 * whichever month the Big Picture conversation actually lands in.
 */
export const monthsWith = (
  history: readonly ConversationRecord[],
  type: ConversationTypeId,
  group: JobGroup,
): ReadonlySet<IsoDate> =>
  new Set(
    history
      .filter((r) => (isDone(r) || r.status === 'booked') && r.type === type && countsFor(r, group))
      .map((r) => `${r.date.slice(0, 7)}-01`),
  );
