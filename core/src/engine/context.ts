import type { ConversationRecord } from '../domain/conversations.ts';
import type { Employee } from '../domain/people.ts';
import type { ConversationRule, SchemePack } from '../scheme/types.ts';
import type { IsoDate } from '../time/dates.ts';
import type { JobGroup } from './groups.ts';
import { agreedInRecords, bookedFrom, doneDates, type FrequencyAgreement, type Scope } from './history.ts';
import type { DueItem, DueStatus } from './types.ts';

/** Everything one scheme rule needs to decide what is due for one group of jobs. */
export interface RuleContext {
  readonly pack: SchemePack;
  readonly rule: ConversationRule;
  readonly employee: Employee;
  readonly group: JobGroup;
  /** The group, widened to the person's records from jobs they have left when the rule follows the person. */
  readonly scope: Scope;
  readonly history: readonly ConversationRecord[];
  readonly on: IsoDate;
  /** The employer's time zone, for the day an agreement was made. */
  readonly timeZone: string;
}

export interface ItemFacts {
  readonly status: DueStatus;
  readonly windowStart: IsoDate;
  readonly dueDate: IsoDate;
  readonly reason: string;
  readonly completedOn?: IsoDate;
  readonly forwardLooking?: boolean;
  readonly withIds?: DueItem['withIds'];
  readonly jobIds?: DueItem['jobIds'];
}

/** Fills in what every item shares and notes a booking for anything still to happen. */
export const makeItem = (ctx: RuleContext, facts: ItemFacts): DueItem => {
  const open = facts.status === 'upcoming' || facts.status === 'due' || facts.status === 'overdue';
  const booked = open ? bookedFrom(ctx.history, ctx.rule.type, ctx.scope, facts.windowStart) : undefined;
  return {
    type: ctx.rule.type,
    jobIds: facts.jobIds ?? ctx.group.jobIds,
    withIds: facts.withIds ?? ctx.group.managerIds,
    dueDate: facts.dueDate,
    windowStart: facts.windowStart,
    status: facts.status,
    reason: facts.reason,
    policyRef: ctx.rule.policyRef,
    ...(facts.forwardLooking === undefined ? {} : { forwardLooking: facts.forwardLooking }),
    ...(facts.completedOn === undefined ? {} : { completedOn: facts.completedOn }),
    ...(booked === undefined ? {} : { bookedFor: booked }),
  };
};

/** Held or agreed conversations of these types (the rule's own by default) that count for the rule, oldest first. */
export const heldDates = (ctx: RuleContext, types: readonly ConversationRule['type'][] = [ctx.rule.type]): IsoDate[] =>
  doneDates(ctx.history, types, ctx.scope, ctx.on);

/**
 * The pair's frequency of regular conversations: from the records that set it once it took effect
 * (agreed by both, or set by the manager where the scheme gives the manager that say), else from the
 * job (000, 001, 003, 004).
 */
export const agreedEveryWeeks = (ctx: RuleContext): FrequencyAgreement | undefined => {
  const decidedBy = ctx.pack.regularFrequency?.decidedBy ?? 'pair';
  const inRecords = agreedInRecords(ctx.history, { group: ctx.group }, ctx.on, { decidedBy, timeZone: ctx.timeZone });
  if (inRecords !== undefined) return inRecords;
  const onJob = ctx.group.agreedEveryWeeks;
  return onJob === undefined ? undefined : { weeks: onJob, source: 'job' };
};

/** Status from the window alone, for a cycle not yet completed. */
export const openStatus = (on: IsoDate, windowStart: IsoDate, dueDate: IsoDate): DueStatus =>
  on < windowStart ? 'upcoming' : on <= dueDate ? 'due' : 'overdue';
