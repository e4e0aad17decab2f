import type { Cadence } from '../../scheme/types.ts';
import { addDays, addMonths } from '../../time/dates.ts';
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
  return cadence.offsets.map((offset, i) => {
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
          ? `Your ${when} ${ctx.rule.label} is due by ${longDate(dueDate)}, ${when} after you started.`
          : `Your ${when} ${ctx.rule.label} was held on ${longDate(completedOn)}.`,
      ...(completedOn === undefined ? {} : { completedOn }),
    });
  });
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
