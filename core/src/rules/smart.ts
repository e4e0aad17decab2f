import type { Horizon, MeasureKind } from '../domain/objectives.ts';
import type { SmartLetter } from '../scheme/types.ts';
import { addMonths, type IsoDate } from '../time/dates.ts';

/** The parts of an objective (or a draft of one) that SMART can be judged on. */
export interface SmartInput {
  readonly title: string;
  readonly description: string;
  readonly kind?: string;
  readonly measures?: readonly { readonly kind: MeasureKind; readonly text: string }[];
  readonly horizon?: Horizon;
  readonly targetDate?: IsoDate;
  readonly milestones?: readonly { readonly dueDate?: IsoDate }[];
  readonly alignment?: readonly { readonly reference: string }[];
}

export interface SmartLetterResult {
  readonly met: boolean;
  /** Why the letter is not met, in a sentence the author can act on. */
  readonly reason?: string;
}

export interface SmartResult {
  readonly letters: Readonly<Record<SmartLetter, SmartLetterResult>>;
  /** Letters not met, in S-M-A-R-T order. */
  readonly missing: readonly SmartLetter[];
  readonly isSmart: boolean;
}

export const SMART_ORDER: readonly SmartLetter[] = ['specific', 'measurable', 'achievable', 'relevant', 'timeBound'];

const words = (text: string): string[] => text.trim().split(/\s+/).filter(Boolean);
const VAGUE = /\b(things|stuff|etc|various|generally|as needed|where possible|try to)\b/i;
const MEASURE_WORDS =
  /(%|\b(per ?cent|percentage|number of|rate|score|target|at least|no more than|within|reduce|increase|fewer|complete[ds]?|deliver(ed)?|achieve[ds]?|each|every week|every month|zero)\b)/i;

/** How far ahead each horizon reaches, in months (short within the appraisal year, long beyond half a year). */
const HORIZON_MONTHS: Readonly<Record<Horizon, { readonly min: number; readonly max: number }>> = Object.freeze({
  short: { min: 0, max: 12 },
  medium: { min: 3, max: 24 },
  long: { min: 6, max: 60 },
});

const met: SmartLetterResult = { met: true };
const notMet = (reason: string): SmartLetterResult => ({ met: false, reason });

const specific = (o: SmartInput): SmartLetterResult => {
  if (words(o.title).length < 3)
    return notMet('Give the objective a title of at least three words that says what it is.');
  if (words(o.description).length < 8)
    return notMet('Describe in a sentence or two exactly what will be done and for whom.');
  if (o.description.trim().toLowerCase() === o.title.trim().toLowerCase())
    return notMet('The description repeats the title; say what will be different when it is done.');
  if (VAGUE.test(`${o.title} ${o.description}`))
    return notMet('Replace vague words such as "things" or "etc." with what exactly.');
  return met;
};

const measurable = (o: SmartInput): SmartLetterResult =>
  (o.measures ?? []).some((m) => m.text.trim() !== '') ||
  /\d/.test(`${o.title} ${o.description}`) ||
  MEASURE_WORDS.test(o.description)
    ? met
    : notMet(
        'Add a measure — a number, a standard or a deadline — so you can both tell whether it was done and how well.',
      );

const achievable = (o: SmartInput, on: IsoDate): SmartLetterResult => {
  const target = o.targetDate;
  if (target !== undefined && target < on) return notMet('The target date has already passed; agree a new one.');
  const late = (o.milestones ?? []).some((m) => m.dueDate !== undefined && target !== undefined && m.dueDate > target);
  if (late) return notMet('A milestone falls after the target date; the plan cannot be met as written.');
  if (target !== undefined && o.horizon !== undefined) {
    const { min, max } = HORIZON_MONTHS[o.horizon];
    if (target > addMonths(on, max))
      return notMet(`A ${o.horizon}-term objective should finish within ${String(max)} months.`);
    if (target < addMonths(on, min))
      return notMet(
        `A ${o.horizon}-term objective usually runs at least ${String(min)} months; check the horizon or the date.`,
      );
  }
  return met;
};

const relevant = (o: SmartInput): SmartLetterResult =>
  (o.alignment ?? []).some((a) => a.reference.trim() !== '') || (o.kind ?? '').trim() !== ''
    ? met
    : notMet('Say which part of the job, team plan or organisational priority this serves.');

const timeBound = (o: SmartInput): SmartLetterResult =>
  o.targetDate !== undefined || (o.milestones ?? []).some((m) => m.dueDate !== undefined)
    ? met
    : notMet('Set a target date, or dated milestones, so progress can be tracked.');

/** Checks each SMART letter with simple, explainable rules (002 Appendix 3, 003 §5.3). Pure and deterministic. */
export const checkSmart = (objective: SmartInput, on: IsoDate): SmartResult => {
  const letters: Record<SmartLetter, SmartLetterResult> = {
    specific: specific(objective),
    measurable: measurable(objective),
    achievable: achievable(objective, on),
    relevant: relevant(objective),
    timeBound: timeBound(objective),
  };
  const missing = SMART_ORDER.filter((l) => !letters[l].met);
  return { letters, missing, isSmart: missing.length === 0 };
};
