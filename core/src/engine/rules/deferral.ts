import type { SchemePack } from '../../scheme/types.ts';
import { addDays, maxDate, minDate, type IsoDate } from '../../time/dates.ts';
import { doneDates, firstBetween } from '../history.ts';
import type { JobGroup } from '../groups.ts';
import type { DueInput, DueItem } from '../types.ts';
import { basisNote, longDate, plural } from '../words.ts';

/**
 * 003 §5.8: while a pay-step deferral plan runs, each agreed review date is due, held as a
 * conversation of the pack's chosen type (supervision). Dates already past show whether a review
 * took place since the one before; dates after the next one are not shown yet.
 */
export const deferralPlanReviews = (
  pack: SchemePack,
  input: Pick<DueInput, 'employee' | 'history' | 'on'>,
  group: JobGroup,
): DueItem[] => {
  const spec = pack.deferralPlanReviews;
  const plan = input.employee.payStep?.deferralPlan;
  if (spec === undefined || plan === undefined || plan.completedOn !== undefined || !group.isMain) return [];
  const { on } = input;
  const held = doneDates(input.history, [spec.heldAs], { group }, on);
  const dates = [...plan.reviewDates].sort();
  const nextIndex = dates.findIndex((d) => d >= on);
  const shown = nextIndex < 0 ? dates : dates.slice(0, nextIndex + 1);
  return shown.map((dueDate, i): DueItem => {
    const previous: IsoDate = i === 0 ? plan.agreedOn : (dates[i - 1] ?? plan.agreedOn);
    const windowStart = minDate(maxDate(addDays(dueDate, -spec.windowOpensDaysBefore), previous), dueDate);
    const completedOn = firstBetween(held, addDays(previous, 1), addDays(dueDate, 1));
    const status =
      completedOn !== undefined ? 'completed' : on < windowStart ? 'upcoming' : on <= dueDate ? 'due' : 'overdue';
    return {
      type: spec.heldAs,
      jobIds: group.jobIds,
      withIds: group.managerIds,
      dueDate,
      windowStart,
      status,
      reason:
        completedOn === undefined
          ? `Your pay-step deferral plan, agreed on ${longDate(plan.agreedOn)}, is reviewed by ${longDate(dueDate)}; a supervision by then covers it${basisNote(`shown as due ${plural(spec.windowOpensDaysBefore, 'day')} before`, spec.basis)}.`
          : `Your pay-step deferral plan was reviewed on ${longDate(completedOn)}, for the review due by ${longDate(dueDate)}.`,
      policyRef: spec.policyRef,
      ...(completedOn === undefined ? {} : { completedOn }),
    };
  });
};
