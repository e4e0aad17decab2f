import type { PayStepFacts } from '../domain/people.ts';
import { getSchemePack } from '../scheme/packs/index.ts';
import { addMonths, type IsoDate } from '../time/dates.ts';

/** Policy 003 §5.8 points I–V. */
export type PayStepCriterion =
  | 'review-within-12-months'
  | 'no-formal-capability'
  | 'no-live-disciplinary'
  | 'mandatory-training-complete'
  | 'team-reviews-complete';

export interface PayStepInput {
  /** The pay-step date being decided. */
  readonly on: IsoDate;
  readonly lastCareerConversationOn?: IsoDate;
  /** The agreed rating of that conversation (a value of the 003 rating scale). */
  readonly agreedRating?: string;
  readonly facts: PayStepFacts;
  readonly isLineManager: boolean;
  /** For line managers: colleagues whose Career Conversation is not complete. */
  readonly teamReviewsOutstanding: number;
}

export interface PayStepFailure {
  readonly criterion: PayStepCriterion;
  readonly reason: string;
}

export type PayStepResult =
  | { readonly eligible: true; readonly policyRef: string }
  | {
      readonly eligible: false;
      readonly failing: readonly PayStepFailure[];
      /** What happens next: a supportive plan with timescales; the step then applies, not backdated. */
      readonly deferral: string;
      /** Present when a capability concern is involved: it is handled under the capability procedure. */
      readonly capabilityReferral?: string;
      readonly policyRef: string;
    };

const POLICY_REF = '003 §5.8';
const SCHEME = 'somerset-career-conversations';

/** Whether a colleague moves to the next pay step, or is deferred with the failing criteria listed. */
export const payStepEligibility = (input: PayStepInput): PayStepResult => {
  const pack = getSchemePack(SCHEME);
  const last = input.lastCareerConversationOn;
  const rating = pack.ratingScale?.options.find((o) => o.value === input.agreedRating);
  const failing: PayStepFailure[] = [];
  if (last === undefined || last > input.on || last < addMonths(input.on, -12)) {
    failing.push({
      criterion: 'review-within-12-months',
      reason: 'No Career Conversation has been completed in the last 12 months.',
    });
  } else if (input.agreedRating !== undefined && rating?.increment !== true) {
    failing.push({
      criterion: 'review-within-12-months',
      reason: 'The agreed outcome does not yet show objectives met with values-based behaviours.',
    });
  }
  if (input.facts.formalCapabilityProcess)
    failing.push({ criterion: 'no-formal-capability', reason: 'A formal capability process is in place.' });
  if (input.facts.liveDisciplinarySanction)
    failing.push({
      criterion: 'no-live-disciplinary',
      reason: 'A formal disciplinary sanction is live on the record.',
    });
  if (!input.facts.mandatoryTrainingComplete)
    failing.push({
      criterion: 'mandatory-training-complete',
      reason: 'Statutory or mandatory training is not complete.',
    });
  if (input.isLineManager && input.teamReviewsOutstanding > 0)
    failing.push({
      criterion: 'team-reviews-complete',
      reason: `${String(input.teamReviewsOutstanding)} of your colleagues' Career Conversations are not complete.`,
    });
  if (failing.length === 0) return { eligible: true, policyRef: POLICY_REF };
  const capability = input.facts.formalCapabilityProcess || (rating !== undefined && !rating.increment);
  return {
    eligible: false,
    failing,
    deferral:
      'Agree a supportive plan with timescales. When it is completed the pay step is applied from then; it is not backdated.',
    ...(capability ? { capabilityReferral: pack.capabilityReferral } : {}),
    policyRef: POLICY_REF,
  };
};
