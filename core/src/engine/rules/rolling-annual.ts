import type { Employee, LeavePeriod } from '../../domain/people.ts';
import type { Cadence } from '../../scheme/types.ts';
import { addDays, addMonths, daysBetween, type IsoDate } from '../../time/dates.ts';
import { makeItem, openStatus, type RuleContext } from '../context.ts';
import { doneDates, latest } from '../history.ts';
import type { DueItem } from '../types.ts';
import { longDate } from '../words.ts';
import { addOffset, describeOffset } from './offsets.ts';

type RollingAnnual = Extract<Cadence, { kind: 'rolling-annual' }>;

const inProbation = (e: Employee): boolean =>
  e.probation.status === 'in-probation' || e.probation.status === 'extended';

/** Leave covering the due date: still going on, or long enough to count as long leave (000 Appendix 1). */
const leaveCovering = (leave: readonly LeavePeriod[], date: IsoDate, minDays: number): LeavePeriod | undefined =>
  leave.find(
    (l) => l.start <= date && (l.end === undefined || (l.end >= date && daysBetween(l.start, l.end) + 1 >= minDays)),
  );

const jobsPhrase = (ctx: RuleContext): string =>
  ctx.group.jobIds.length > 1 ? ' covering all your jobs with this manager' : '';

/** A yearly review on a rolling basis, with the new-starter, probation and long-leave rules of 000. */
export const rollingAnnual = (ctx: RuleContext, cadence: RollingAnnual): DueItem[] => {
  const { employee, on, rule } = ctx;
  const last = latest(doneDates(ctx.history, [rule.type], ctx.group, ctx.on), on);
  let dueDate =
    last === undefined ? addOffset(employee.startDate, cadence.firstAfterStart) : addOffset(last, cadence.every);
  let why =
    last === undefined
      ? `Your first ${rule.label} is due ${describeOffset(cadence.firstAfterStart)} after you started`
      : `Your ${rule.label} is due ${describeOffset(cadence.every)} after the last one on ${longDate(last)}`;

  if (last === undefined && cadence.probationFirst && inProbation(employee)) {
    const end = employee.probation.endDate;
    if (end === undefined) {
      return [
        makeItem(ctx, {
          status: 'suppressed',
          windowStart: dueDate,
          dueDate,
          reason: `Your first ${rule.label} waits until your probation concludes.`,
        }),
      ];
    }
    if (end > dueDate) {
      dueDate = end;
      why = `Your first ${rule.label} follows the end of your probation on ${longDate(end)}`;
    }
  }

  let windowStart = addDays(dueDate, -cadence.windowOpensDaysBefore);
  let forwardLooking: boolean | undefined;
  const leave = cadence.longLeave;
  const absence = leave === undefined ? undefined : leaveCovering(employee.leave, dueDate, leave.minDays);
  if (leave !== undefined && absence !== undefined) {
    if (absence.end === undefined || absence.end >= on) {
      return [
        makeItem(ctx, {
          status: 'suppressed',
          windowStart,
          dueDate,
          reason: `Your ${rule.label} fell due on ${longDate(dueDate)} while you are on leave; it will be arranged after you return.`,
        }),
      ];
    }
    windowStart = addDays(absence.end, 1);
    dueDate = addMonths(absence.end, leave.arrangeWithinMonthsOfReturn);
    forwardLooking = true;
    why = `Your ${rule.label} fell due while you were on leave, so it is arranged within ${String(leave.arrangeWithinMonthsOfReturn)} months of your return and looks mostly forward`;
  }

  const completed = last !== undefined && on < windowStart;
  return [
    makeItem(ctx, {
      status: completed ? 'completed' : openStatus(on, windowStart, dueDate),
      windowStart,
      dueDate,
      reason: completed
        ? `Your ${rule.label} was held on ${longDate(last)}${jobsPhrase(ctx)}; the next is due by ${longDate(dueDate)}.`
        : `${why}: by ${longDate(dueDate)}${jobsPhrase(ctx)}.`,
      ...(completed ? { completedOn: last } : {}),
      ...(forwardLooking === undefined ? {} : { forwardLooking }),
    }),
  ];
};
