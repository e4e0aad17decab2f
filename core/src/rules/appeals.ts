import type { Nation, SchemeId } from '../domain/people.ts';
import { AppError } from '../errors.ts';
import { getSchemePack } from '../scheme/packs/index.ts';
import type { AppealRules, Period } from '../scheme/types.ts';
import { addDays, type IsoDate } from '../time/dates.ts';
import { createWorkingDayCalendar, type WorkingDayCalendar } from '../time/working-days.ts';

export interface AppealDates {
  /** When the employee was formally told the outcome (002 runs from here). */
  readonly notifiedOn?: IsoDate;
  /** When the conversation took place (003 runs from here). */
  readonly conversationOn?: IsoDate;
  readonly lodgedOn?: IsoDate;
  readonly hearingOn?: IsoDate;
}

export interface AppealDeadlines {
  readonly lodgeWith: AppealRules['lodgeWith'];
  readonly heardBy: AppealRules['heardBy'];
  readonly present: string;
  readonly lodgeBy: IsoDate;
  /** Only once lodged, and only where the scheme sets one (003: 7 calendar days). */
  readonly acknowledgeBy?: IsoDate;
  /** Only once the hearing date is known, and only where the scheme sets one (002: 5 working days). */
  readonly decisionDueBy?: IsoDate;
  /** Whether a lodged appeal arrived in time. */
  readonly lodgedInTime?: boolean;
  readonly final: boolean;
  readonly policyRef: string;
}

/** The date a period ends, counting from the day after `from`. */
export const periodEnd = (from: IsoDate, period: Period, nation: Nation, calendar: WorkingDayCalendar): IsoDate =>
  period.unit === 'working-days' ? calendar.addWorkingDays(from, period.amount, nation) : addDays(from, period.amount);

/** Appeal deadlines from the scheme pack (002 Appendix 6, 003 §5.10); working days use the employer's nation. */
export const appealDeadlines = (
  scheme: SchemeId,
  dates: AppealDates,
  nation: Nation,
  calendar: WorkingDayCalendar = createWorkingDayCalendar(),
): AppealDeadlines => {
  const rules = getSchemePack(scheme).appeal;
  if (rules === undefined) throw new AppError('validation', 'This scheme has no appeal procedure for reviews.');
  const from = rules.lodgeFrom === 'notification' ? dates.notifiedOn : dates.conversationOn;
  if (from === undefined) {
    const field = rules.lodgeFrom === 'notification' ? 'notifiedOn' : 'conversationOn';
    throw new AppError('validation', 'The date the appeal period runs from is missing.', {
      details: [{ path: field, message: 'required for this scheme' }],
    });
  }
  const lodgeBy = periodEnd(from, rules.lodgeWithin, nation, calendar);
  const { lodgedOn, hearingOn } = dates;
  const ack = rules.acknowledgeWithin;
  const decision = rules.decisionWithin;
  return {
    lodgeWith: rules.lodgeWith,
    heardBy: rules.heardBy,
    present: rules.present,
    lodgeBy,
    ...(lodgedOn !== undefined && ack !== undefined
      ? { acknowledgeBy: periodEnd(lodgedOn, ack, nation, calendar) }
      : {}),
    ...(hearingOn !== undefined && decision !== undefined
      ? { decisionDueBy: periodEnd(hearingOn, decision, nation, calendar) }
      : {}),
    ...(lodgedOn === undefined ? {} : { lodgedInTime: lodgedOn <= lodgeBy }),
    final: rules.final,
    policyRef: rules.policyRef,
  };
};
