import type { ConversationRecord, ConversationTypeId } from '../domain/conversations.ts';
import type { IsoDate } from '../time/dates.ts';
import type { JobGroup } from './groups.ts';

/**
 * Which records count for a rule evaluated on a group of jobs. With `heldJobIds`, the rule follows
 * the person: a record naming only jobs the person no longer holds counts too, because records are
 * stamped with the jobs current when they were made and a review "every 12 months, even if they
 * have changed roles" (000 Appendix 1 Internal Transfers; 003 §2.5) must survive a move.
 */
export interface Scope {
  readonly group: JobGroup;
  readonly heldJobIds?: ReadonlySet<string>;
}

const isDone = (r: ConversationRecord): boolean => r.status === 'held' || r.status === 'agreed';

/** A record with no jobs named counts for every job; otherwise it counts for each job it names (000). */
const countsFor = (r: ConversationRecord, scope: Scope): boolean => {
  const { group, heldJobIds } = scope;
  if (r.jobIds.length === 0 || group.jobIds.length === 0) return true;
  if (r.jobIds.some((id) => group.jobIds.includes(id))) return true;
  return heldJobIds !== undefined && !r.jobIds.some((id) => heldJobIds.has(id));
};

/**
 * Held or agreed conversations of the given types for the scope up to `on`, oldest first.
 * Booked and cancelled never count, and nothing dated after "today" has happened yet.
 */
export const doneDates = (
  history: readonly ConversationRecord[],
  types: readonly ConversationTypeId[],
  scope: Scope,
  on: IsoDate,
): IsoDate[] =>
  history
    .filter((r) => isDone(r) && r.date <= on && types.includes(r.type) && countsFor(r, scope))
    .map((r) => r.date)
    .sort();

/** The first date in [from, to) or undefined. */
export const firstBetween = (dates: readonly IsoDate[], from: IsoDate, to?: IsoDate): IsoDate | undefined =>
  dates.find((d) => d >= from && (to === undefined || d < to));

/** The last date before `to`, or undefined. */
export const lastBefore = (dates: readonly IsoDate[], to: IsoDate): IsoDate | undefined =>
  dates.findLast((d) => d < to);

/** The earliest booking of this type for the scope on or after `from`. */
export const bookedFrom = (
  history: readonly ConversationRecord[],
  type: ConversationTypeId,
  scope: Scope,
  from: IsoDate,
): IsoDate | undefined =>
  history
    .filter((r) => r.status === 'booked' && r.type === type && countsFor(r, scope) && r.date >= from)
    .map((r) => r.date)
    .sort()[0];

/**
 * Months (first day, `YYYY-MM-01`) in which a conversation of this type was held or is
 * booked for the scope: 004 says a month with a Big Picture conversation needs no Regular one,
 * whichever month the Big Picture conversation actually lands in.
 */
export const monthsWith = (
  history: readonly ConversationRecord[],
  type: ConversationTypeId,
  scope: Scope,
): ReadonlySet<IsoDate> =>
  new Set(
    history
      .filter((r) => (isDone(r) || r.status === 'booked') && r.type === type && countsFor(r, scope))
      .map((r) => `${r.date.slice(0, 7)}-01`),
  );

/**
 * The frequency of regular conversations, in weeks, set by the latest held or agreed conversation
 * of the scope that records one up to `on` (the pair agree it together), or undefined.
 */
export const agreedInRecords = (
  history: readonly ConversationRecord[],
  scope: Scope,
  on: IsoDate,
): number | undefined => {
  let latest: ConversationRecord | undefined;
  for (const r of history) {
    if (r.agreedRegularEveryWeeks === undefined || !isDone(r) || r.date > on || !countsFor(r, scope)) continue;
    if (latest === undefined || r.date >= latest.date) latest = r;
  }
  return latest?.agreedRegularEveryWeeks;
};
