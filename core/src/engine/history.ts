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

/** A frequency of regular conversations in weeks, where it comes from, and since when (000, 001, 003, 004). */
export interface FrequencyAgreement {
  readonly weeks: number;
  /** 'pair': both agreed the record that sets it; 'manager': the manager set it (000); 'job': on the job's record. */
  readonly source: 'pair' | 'manager' | 'job';
  /** The day it took effect (not for 'job'). */
  readonly since?: IsoDate;
}

/** The calendar day an instant falls on in the employer's time zone. */
const dayIn = (instant: string, timeZone: string): IsoDate =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(instant),
  );

/**
 * The day a frequency set in a record takes effect. Where the pair decide, once both have agreed the
 * record (the later of their two agreements); where the manager decides (000), from the conversation
 * itself once held. Undefined while it has not taken effect.
 */
const effectiveOn = (r: ConversationRecord, decidedBy: 'pair' | 'manager', timeZone: string): IsoDate | undefined => {
  if (r.status === 'agreed') {
    const { employeeAgreedAt, managerAgreedAt } = r.agreement;
    const both = [employeeAgreedAt, managerAgreedAt].filter((t) => t !== undefined).sort();
    const last = both.at(-1);
    return both.length === 2 && last !== undefined ? dayIn(last, timeZone) : r.date;
  }
  return decidedBy === 'manager' && r.status === 'held' ? r.date : undefined;
};

/**
 * The frequency of regular conversations set by the record of the scope that took effect last, up to
 * `on`, or undefined. A record still waiting for agreement (or only booked) sets nothing yet.
 */
export const agreedInRecords = (
  history: readonly ConversationRecord[],
  scope: Scope,
  on: IsoDate,
  rule: { readonly decidedBy: 'pair' | 'manager'; readonly timeZone: string },
): FrequencyAgreement | undefined => {
  let latest: { readonly weeks: number; readonly since: IsoDate } | undefined;
  for (const r of history) {
    const weeks = r.agreedRegularEveryWeeks;
    if (weeks === undefined || !countsFor(r, scope)) continue;
    const since = effectiveOn(r, rule.decidedBy, rule.timeZone);
    if (since === undefined || since > on) continue;
    if (latest === undefined || since >= latest.since) latest = { weeks, since };
  }
  return latest === undefined ? undefined : { ...latest, source: rule.decidedBy };
};
