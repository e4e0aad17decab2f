import type { Employee, LeavePeriod } from '../../domain/people.ts';
import type { Cadence } from '../../scheme/types.ts';
import { addDays, addMonths, daysBetween, type IsoDate } from '../../time/dates.ts';
import { heldDates, makeItem, openStatus, type RuleContext } from '../context.ts';
import type { DueItem } from '../types.ts';
import { basisNote, longDate, plural } from '../words.ts';
import { addOffset, answeredDue, describeOffset } from './offsets.ts';

type RollingAnnual = Extract<Cadence, { kind: 'rolling-annual' }>;

interface CycleDue {
  readonly dueDate: IsoDate;
  readonly windowStart: IsoDate;
  readonly why: string;
  readonly forwardLooking?: boolean;
  /** Set when nothing is expected yet (probation with no end date, or still on leave). */
  readonly waiting?: string;
}

const inProbation = (e: Employee): boolean =>
  e.probation.status === 'in-probation' || e.probation.status === 'extended';

/** Leave covering the due date: still going on, or long enough to count as long leave (000 Appendix 1). */
const leaveCovering = (leave: readonly LeavePeriod[], date: IsoDate, minDays: number): LeavePeriod | undefined =>
  leave.find(
    (l) => l.start <= date && (l.end === undefined || (l.end >= date && daysBetween(l.start, l.end) + 1 >= minDays)),
  );

/** Which setting timed this review and where it comes from (000 Appendix 1; for 001 the organisation's choice). */
const timingNote = (cadence: RollingAnnual): string => basisNote('timing', cadence.basis);

/** When the review after `previous` (or the first one) falls due, with the probation and leave rules of 000. */
const cycleAfter = (ctx: RuleContext, cadence: RollingAnnual, previous: IsoDate | undefined): CycleDue => {
  const { employee, on, rule } = ctx;
  let dueDate =
    previous === undefined
      ? addOffset(employee.startDate, cadence.firstAfterStart)
      : addOffset(previous, cadence.every);
  let why =
    previous === undefined
      ? `Your first ${rule.label} is due ${describeOffset(cadence.firstAfterStart)} after you started${timingNote(cadence)}`
      : `Your ${rule.label} is due ${describeOffset(cadence.every)} after the last one on ${longDate(previous)}${timingNote(cadence)}`;
  if (previous === undefined && cadence.probationFirst && inProbation(employee)) {
    const end = employee.probation.endDate;
    if (end === undefined) {
      return {
        dueDate,
        windowStart: dueDate,
        why,
        waiting: `Your first ${rule.label} waits until your probation concludes.`,
      };
    }
    if (end > dueDate) {
      dueDate = end;
      why = `Your first ${rule.label} follows the end of your probation on ${longDate(end)}`;
    }
  }
  const windowStart = addDays(dueDate, -cadence.windowOpensDaysBefore);
  const leave = cadence.longLeave;
  const absence = leave === undefined ? undefined : leaveCovering(employee.leave, dueDate, leave.minDays);
  if (leave === undefined || absence === undefined) return { dueDate, windowStart, why };
  if (absence.end === undefined || absence.end >= on) {
    return {
      dueDate,
      windowStart,
      why,
      waiting: `Your ${rule.label} fell due on ${longDate(dueDate)} while you are on leave; it will be arranged after you return.`,
    };
  }
  const months = leave.arrangeWithinMonthsOfReturn;
  return {
    dueDate: addMonths(absence.end, months),
    windowStart: addDays(absence.end, 1),
    forwardLooking: true,
    why: `Your ${rule.label} fell due while you were on leave, so it is arranged within ${String(months)} months of your return and looks mostly forward${basisNote(`leave of ${plural(leave.minDays, 'day')} or more`, leave.minDaysBasis)}`,
  };
};

const jobsPhrase = (ctx: RuleContext): string =>
  ctx.group.jobIds.length > 1 ? ' covering all your jobs with this manager' : '';

/** A yearly review on a rolling basis (000, 001). A completed item carries the due date of the cycle it answered. */
export const rollingAnnual = (ctx: RuleContext, cadence: RollingAnnual): DueItem[] => {
  const done = heldDates(ctx);
  const last = done.at(-1);
  const next = cycleAfter(ctx, cadence, last);
  if (last !== undefined && ctx.on < next.windowStart) {
    const outstanding = cycleAfter(ctx, cadence, done.at(-2));
    const dueDate = answeredDue(outstanding.dueDate, last, cadence.every, cadence.windowOpensDaysBefore);
    return [
      makeItem(ctx, {
        status: 'completed',
        windowStart:
          dueDate === outstanding.dueDate ? outstanding.windowStart : addDays(dueDate, -cadence.windowOpensDaysBefore),
        dueDate,
        completedOn: last,
        reason: `Your ${ctx.rule.label} was held on ${longDate(last)}${jobsPhrase(ctx)}; the next is due by ${longDate(next.dueDate)}.`,
      }),
    ];
  }
  if (next.waiting !== undefined) {
    return [
      makeItem(ctx, {
        status: 'suppressed',
        windowStart: next.windowStart,
        dueDate: next.dueDate,
        reason: next.waiting,
      }),
    ];
  }
  return [
    makeItem(ctx, {
      status: openStatus(ctx.on, next.windowStart, next.dueDate),
      windowStart: next.windowStart,
      dueDate: next.dueDate,
      reason: `${next.why}: by ${longDate(next.dueDate)}${jobsPhrase(ctx)}.`,
      ...(next.forwardLooking === undefined ? {} : { forwardLooking: next.forwardLooking }),
    }),
  ];
};
