import { AppError } from '../errors.ts';
import { getSchemePack } from '../scheme/packs/index.ts';

export interface BexleyRatingOptions {
  /** How performance fell short; required for rating 3. */
  readonly shortfall?: string;
  /** Step 3: recommendations reviewed by the Deputy Director, management teams and Management Board. */
  readonly step3ReviewComplete?: boolean;
}

export interface BexleyRatingOutcome {
  readonly rating: string;
  readonly label: string;
  readonly incrementEligible: boolean;
  readonly bonusEligible: boolean;
  /** 5 when a bonus is recommended and allowed, otherwise 0. */
  readonly bonusPercentOfGradeRate: number;
  readonly shortfallRequired: boolean;
  /** What must be fixed before the recommendation can go to the grandparent. */
  readonly problems: readonly string[];
  readonly valid: boolean;
  /** Recommendations stay hidden from the employee until Step 3 is complete. */
  readonly visibleToEmployee: boolean;
  readonly capabilityReferral?: string;
  readonly policyRef: string;
}

/** Policy 002 §2: what a performance rating means for increment, bonus and the record. */
export const bexleyRatingOutcome = (
  rating: string,
  bonusRecommended: boolean,
  options: BexleyRatingOptions = {},
): BexleyRatingOutcome => {
  const pack = getSchemePack('bexley-pms');
  const scale = pack.ratingScale;
  const option = scale?.options.find((o) => o.value === rating);
  if (scale === undefined || option === undefined) {
    throw new AppError('validation', 'Choose a rating of 1, 2 or 3.', {
      details: [{ path: 'rating', message: 'unknown rating' }],
    });
  }
  const bonusAllowed = scale.bonus?.eligibleRatings.includes(rating) ?? false;
  const problems: string[] = [];
  if (option.requiresShortfall && (options.shortfall ?? '').trim() === '')
    problems.push('Record how performance fell short of what was expected.');
  if (bonusRecommended && !bonusAllowed)
    problems.push('A bonus needs overall performance that fulfils requirements (rating 1 or 2).');
  const bonusEligible = bonusRecommended && bonusAllowed;
  return {
    rating,
    label: option.label,
    incrementEligible: option.increment,
    bonusEligible,
    bonusPercentOfGradeRate: bonusEligible ? (scale.bonus?.percentOfGradeRate ?? 0) : 0,
    shortfallRequired: option.requiresShortfall,
    problems,
    valid: problems.length === 0,
    visibleToEmployee: options.step3ReviewComplete === true,
    ...(option.requiresShortfall ? { capabilityReferral: pack.capabilityReferral } : {}),
    policyRef: '002 §2 Step 2',
  };
};
