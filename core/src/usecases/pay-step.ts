import type { Employee, PersonId } from '../domain/people.ts';
import type { DueReport } from '../engine/types.ts';
import { payStepEligibility, type PayStepResult } from '../rules/pay-step.ts';
import type { IsoDate } from '../time/dates.ts';

/** The Career Conversation counted for pay (003 §5.8 I): the latest completed annual review. */
const careerConversationOn = (report: DueReport | undefined): IsoDate | undefined =>
  report?.items.find((i) => i.type === 'annual-review' && i.completedOn !== undefined)?.completedOn;

/** Colleagues of a line manager whose Career Conversation is overdue (003 §5.8 V). */
export const teamReviewsOutstanding = (reports: readonly (DueReport | undefined)[]): number =>
  reports.filter((r) => r?.items.some((i) => i.type === 'annual-review' && i.status === 'overdue') === true).length;

/**
 * The pay-step decision for each person with pay-step facts, at `on` (003 §5.8): criterion V is
 * worked out for line managers from their own colleagues' reviews, not assumed met.
 */
export const payStepDecisionsFor = (
  people: readonly Employee[],
  reportOf: (id: PersonId) => DueReport | undefined,
  directReportsOf: (id: PersonId) => readonly PersonId[],
  on: IsoDate,
): { readonly person: Employee; readonly result: PayStepResult; readonly outstanding: number }[] =>
  people.flatMap((person) => {
    if (person.payStep === undefined) return [];
    const reports = directReportsOf(person.id);
    const outstanding = teamReviewsOutstanding(reports.map(reportOf));
    const last = careerConversationOn(reportOf(person.id));
    const result = payStepEligibility({
      on,
      ...(last === undefined ? {} : { lastCareerConversationOn: last }),
      facts: person.payStep,
      isLineManager: reports.length > 0,
      teamReviewsOutstanding: outstanding,
    });
    return [{ person, result, outstanding }];
  });
