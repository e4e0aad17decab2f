import type { Cadence } from '../../scheme/types.ts';
import { addDays, addMonths, type IsoDate } from '../../time/dates.ts';
import { heldDates, makeItem, openStatus, type RuleContext } from '../context.ts';
import { firstBetween } from '../history.ts';
import type { DueItem } from '../types.ts';
import { basisNote, longDate, plural } from '../words.ts';
import { addOffset, describeOffset } from './offsets.ts';

type AfterStart = Extract<Cadence, { kind: 'after-start' }>;
type OnAppointment = Extract<Cadence, { kind: 'on-appointment' }>;
type OnManagerChange = Extract<Cadence, { kind: 'on-manager-change' }>;

/** 002 §5: probation meetings at fixed points after the start date, raised once per employee. */
export const afterStart = (ctx: RuleContext, cadence: AfterStart): DueItem[] => {
  const { employee, on } = ctx;
  const status = employee.probation.status;
  if (!ctx.group.isMain || (status !== 'in-probation' && status !== 'extended')) return [];
  const held = heldDates(ctx).filter((d) => d >= employee.startDate && d <= on);
  const meetings = cadence.offsets.map((offset, i) => {
    const dueDate = addOffset(employee.startDate, offset);
    const windowStart = addDays(dueDate, -cadence.windowOpensDaysBefore);
    const completedOn = held[i];
    const when = describeOffset(offset);
    return makeItem(ctx, {
      status: completedOn === undefined ? openStatus(on, windowStart, dueDate) : 'completed',
      windowStart,
      dueDate,
      reason:
        completedOn === undefined
          ? `Your ${ctx.rule.label} at ${when} is due by ${longDate(dueDate)}, ${when} after you started.`
          : `Your ${ctx.rule.label} at ${when} was held on ${longDate(completedOn)}.`,
      ...(completedOn === undefined ? {} : { completedOn }),
    });
  });
  const outcome =
    cadence.outcome === undefined ? [] : [probationOutcome(ctx, cadence, cadence.outcome, held.slice(meetings.length))];
  return [...meetings, ...outcome];
};

/**
 * 002 §5: the meeting that settles probation when it ends — at the end date on record, which an
 * extension moves, or the policy's six months. An extension with no end date waits for one.
 */
const probationOutcome = (
  ctx: RuleContext,
  cadence: AfterStart,
  outcome: NonNullable<AfterStart['outcome']>,
  laterMeetings: readonly IsoDate[],
): DueItem => {
  const { employee, on } = ctx;
  const { status, endDate } = employee.probation;
  const dueDate = endDate ?? addOffset(employee.startDate, outcome.after);
  const windowStart = addDays(dueDate, -cadence.windowOpensDaysBefore);
  const label = `${ctx.rule.label} on the outcome of your probation`;
  if (status === 'extended' && endDate === undefined) {
    return makeItem(ctx, {
      status: 'suppressed',
      windowStart,
      dueDate,
      reason: `Your probation was extended; the ${label} is due when the extension ends, once its end date is recorded.`,
    });
  }
  const completedOn = laterMeetings.find((d) => d >= windowStart);
  if (completedOn !== undefined) {
    return makeItem(ctx, {
      status: 'completed',
      windowStart,
      dueDate,
      completedOn,
      reason: `The ${label} was held on ${longDate(completedOn)}.`,
    });
  }
  const why =
    status === 'extended'
      ? `Your probation was extended to ${longDate(dueDate)}; the ${label} is due by then.`
      : endDate === undefined
        ? `The ${label} is due by ${longDate(dueDate)}${basisNote(describeOffset(outcome.after), outcome.basis)}.`
        : `Your probation ends on ${longDate(dueDate)}; the ${label} is due by then.`;
  return makeItem(ctx, { status: openStatus(on, windowStart, dueDate), windowStart, dueDate, reason: why });
};

/** 003 §5.1: an introductory meeting when someone is appointed to a job, new to the Trust or the department. */
export const onAppointment = (ctx: RuleContext, cadence: OnAppointment): DueItem[] => {
  const { on } = ctx;
  const since = addMonths(on, -cadence.lookbackMonths);
  const done = heldDates(ctx);
  return ctx.group.jobs
    .filter((job) => job.startDate > since && job.startDate <= on)
    .map((job) => {
      const dueDate = addDays(job.startDate, cadence.dueWithinDays);
      const completedOn = firstBetween(done, addDays(job.startDate, -cadence.dueWithinDays));
      return makeItem(ctx, {
        status: completedOn === undefined ? openStatus(on, job.startDate, dueDate) : 'completed',
        windowStart: job.startDate,
        dueDate,
        jobIds: [job.id],
        reason:
          completedOn === undefined
            ? `An ${ctx.rule.label} is held on appointment to ${job.title}: by ${longDate(dueDate)}${basisNote(plural(cadence.dueWithinDays, 'day'), cadence.basis)}.`
            : `Your ${ctx.rule.label} for ${job.title} was held on ${longDate(completedOn)}.`,
        ...(completedOn === undefined ? {} : { completedOn }),
      });
    });
};

/** 000 Internal Transfers: the old and new line manager owe each other a handover discussion. */
export const onManagerChange = (ctx: RuleContext, cadence: OnManagerChange): DueItem[] => {
  const { employee, on } = ctx;
  const done = heldDates(ctx);
  return employee.managerChanges
    .filter((c) => c.handoverCompletedOn === undefined && ctx.group.jobIds.includes(c.jobId))
    .flatMap((change) => {
      const dueDate = addDays(change.on, cadence.dueWithinDays);
      const completedOn = firstBetween(done, change.on);
      if (completedOn !== undefined && on > dueDate) return [];
      const title = employee.jobs.find((j) => j.id === change.jobId)?.title ?? 'your job';
      return [
        makeItem(ctx, {
          status: completedOn === undefined ? openStatus(on, change.on, dueDate) : 'completed',
          windowStart: change.on,
          dueDate,
          jobIds: [change.jobId],
          withIds: [change.previousManagerId, change.newManagerId],
          reason:
            completedOn === undefined
              ? `Your line manager for ${title} changed on ${longDate(change.on)}; the old and new manager should share a handover by ${longDate(dueDate)}${basisNote(plural(cadence.dueWithinDays, 'day'), cadence.basis)}.`
              : `The handover between your old and new line manager was held on ${longDate(completedOn)}.`,
          ...(completedOn === undefined ? {} : { completedOn }),
        }),
      ];
    });
};
