import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import { bexleyRatingOutcome } from './bexley-rating.ts';

describe('002 Bexley ratings, increment and bonus', () => {
  it('002: rating 1 Excellent earns the increment', () => {
    expect(bexleyRatingOutcome('1', false)).toMatchObject({
      label: 'Excellent',
      incrementEligible: true,
      bonusEligible: false,
      bonusPercentOfGradeRate: 0,
      valid: true,
    });
  });
  it('002: rating 2 Fully proficient earns no increment', () => {
    expect(bexleyRatingOutcome('2', false)).toMatchObject({
      incrementEligible: false,
      shortfallRequired: false,
      valid: true,
    });
  });
  it('002: a bonus of 5% of the grade rate for exceptional performance at rating 2', () => {
    expect(bexleyRatingOutcome('2', true)).toMatchObject({
      bonusEligible: true,
      bonusPercentOfGradeRate: 5,
      valid: true,
    });
  });
  it('002: rating 1 with a bonus gets both the increment and the bonus', () => {
    expect(bexleyRatingOutcome('1', true)).toMatchObject({ incrementEligible: true, bonusPercentOfGradeRate: 5 });
  });
  it('002: rating 3 must record how performance fell short', () => {
    const r = bexleyRatingOutcome('3', false);
    expect(r).toMatchObject({ shortfallRequired: true, valid: false, incrementEligible: false });
    expect(r.problems).toEqual(['Record how performance fell short of what was expected.']);
    expect(bexleyRatingOutcome('3', false, { shortfall: 'Two accountabilities were not met.' }).valid).toBe(true);
  });
  it('002: rating 3 cannot carry a bonus', () => {
    const r = bexleyRatingOutcome('3', true, { shortfall: 'Below standard on timeliness.' });
    expect(r).toMatchObject({ bonusEligible: false, bonusPercentOfGradeRate: 0, valid: false });
    expect(r.problems[0]).toMatch(/rating 1 or 2/);
  });
  it('002: rating 3 points to the formal capability procedure rather than handling it here', () => {
    expect(bexleyRatingOutcome('3', false).capabilityReferral).toMatch(/capability procedure/);
    expect(bexleyRatingOutcome('2', false).capabilityReferral).toBeUndefined();
  });
  it('002: recommendations stay hidden from the employee until the Step 3 review is complete', () => {
    expect(bexleyRatingOutcome('1', true).visibleToEmployee).toBe(false);
    expect(bexleyRatingOutcome('1', true, { step3ReviewComplete: true }).visibleToEmployee).toBe(true);
  });
  it('002: an unknown rating is refused', () => {
    expect(() => bexleyRatingOutcome('4', false)).toThrow(AppError);
  });
});
