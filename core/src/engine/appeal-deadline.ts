import type { Nation } from '../domain/people.ts';
import { AppError } from '../errors.ts';
import { periodEnd } from '../rules/appeals.ts';
import type { AppealRules } from '../scheme/types.ts';
import type { IsoDate } from '../time/dates.ts';
import { createWorkingDayCalendar, type WorkingDayCalendar } from '../time/working-days.ts';
import { longDate, plural } from './words.ts';

/** The steps of an appeal that carry a deadline, each counted from its own date. */
export type AppealStep = 'lodge' | 'acknowledge' | 'decision';

/** More time, in working days, that one party proposed; it counts once the other has agreed it. */
export interface AgreedExtension {
  readonly workingDays: number;
  /** Set when the other party consented (002 Appendix 6 §2: "varied by mutual consent"). */
  readonly agreedOn?: IsoDate;
}

export interface AppealDeadline {
  /** The deadline, with every agreed extension. */
  readonly dueBy: IsoDate;
  /** The deadline as the scheme sets it, before any extension. */
  readonly schemeDueBy: IsoDate;
  /** Working days added by agreed extensions. */
  readonly extendedByWorkingDays: number;
  /** One en-GB sentence: the deadline and why. */
  readonly reason: string;
  /** The appeal procedure, and the section allowing variation when extended. */
  readonly policyRef: string;
  /** Who must be told of an extension (002: the individual and any representative); set when extended. */
  readonly communicateTo?: 'individual-and-representative';
}

const WHAT: Readonly<Record<AppealStep, string>> = {
  lodge: 'The appeal must be lodged',
  acknowledge: 'The appeal must be acknowledged',
  decision: 'The written decision is due',
};
const FROM: Readonly<Record<AppealStep, string>> = {
  lodge: 'the date the period runs from',
  acknowledge: 'the appeal was lodged',
  decision: 'the hearing',
};

const periodOf = (rules: AppealRules, step: AppealStep) =>
  step === 'lodge' ? rules.lodgeWithin : step === 'acknowledge' ? rules.acknowledgeWithin : rules.decisionWithin;

/**
 * The deadline of one appeal step: the scheme's period from `from` (lodging: the notification or the
 * conversation; acknowledgement: lodging; decision: the hearing), moved on by the working days of
 * every extension both parties agreed (002 Appendix 6 §2), in the employer's nation's working days.
 * Extensions not yet agreed never move it. Refused where the scheme sets no such deadline, or an
 * agreed extension is given under a scheme whose timescales cannot be varied (003).
 */
export const appealDeadline = (input: {
  readonly rules: AppealRules;
  readonly step: AppealStep;
  readonly from: IsoDate;
  readonly nation: Nation;
  readonly extensions?: readonly AgreedExtension[];
  readonly calendar?: WorkingDayCalendar;
}): AppealDeadline => {
  const { rules, step, from, nation } = input;
  const period = periodOf(rules, step);
  if (period === undefined) throw new AppError('validation', 'This scheme sets no deadline for that step.');
  const calendar = input.calendar ?? createWorkingDayCalendar();
  const schemeDueBy = periodEnd(from, period, nation, calendar);
  const agreed = (input.extensions ?? []).filter((e) => e.agreedOn !== undefined);
  if (agreed.some((e) => !Number.isInteger(e.workingDays) || e.workingDays < 1)) {
    throw new AppError('validation', 'An extension is a whole number of working days, at least one.');
  }
  const extra = agreed.reduce((sum, e) => sum + e.workingDays, 0);
  const unit = period.unit === 'working-days' ? 'working day' : 'calendar day';
  const base = `${plural(period.amount, unit)} after ${FROM[step]} on ${longDate(from)}`;
  if (extra === 0) {
    return {
      dueBy: schemeDueBy,
      schemeDueBy,
      extendedByWorkingDays: 0,
      reason: `${WHAT[step]} by ${longDate(schemeDueBy)}: ${base} (policy ${rules.policyRef}).`,
      policyRef: rules.policyRef,
    };
  }
  const variation = rules.variableByMutualConsent;
  if (variation === undefined) {
    throw new AppError('validation', 'Your scheme does not provide for varying the appeal timescales.');
  }
  const dueBy = calendar.addWorkingDays(schemeDueBy, extra, nation);
  return {
    dueBy,
    schemeDueBy,
    extendedByWorkingDays: extra,
    reason: `${WHAT[step]} by ${longDate(dueBy)}: ${base}, extended by ${plural(extra, 'working day')} by mutual consent (policy ${variation.policyRef}); the individual and any representative are told of the extension.`,
    policyRef: variation.policyRef,
    communicateTo: variation.communicatedTo,
  };
};
