import { describe, expect, it } from 'vitest';
import { payStepEligibility, type PayStepInput } from './pay-step.ts';

const clean: PayStepInput = {
  on: '2027-04-01',
  lastCareerConversationOn: '2027-03-10',
  agreedRating: 'met',
  facts: { formalCapabilityProcess: false, liveDisciplinarySanction: false, mandatoryTrainingComplete: true },
  isLineManager: false,
  teamReviewsOutstanding: 0,
};
const failingOf = (input: PayStepInput) => {
  const r = payStepEligibility(input);
  return r.eligible ? [] : r.failing.map((f) => f.criterion);
};

describe('003 §5.8 pay-step progression', () => {
  it('003: meeting all five criteria moves the colleague to the next pay step', () => {
    expect(payStepEligibility(clean)).toEqual({ eligible: true, policyRef: '003 §5.8' });
  });
  it('003: no Career Conversation in the last 12 months defers the step', () => {
    const { lastCareerConversationOn: _l, ...rest } = clean;
    expect(failingOf(rest)).toEqual(['review-within-12-months']);
    expect(failingOf({ ...clean, lastCareerConversationOn: '2026-03-31' })).toEqual(['review-within-12-months']);
  });
  it('003: a conversation exactly 12 months before the pay-step date still counts', () => {
    expect(payStepEligibility({ ...clean, lastCareerConversationOn: '2026-04-01' }).eligible).toBe(true);
  });
  it('003: a conversation recorded after the pay-step date does not count for it', () => {
    expect(failingOf({ ...clean, lastCareerConversationOn: '2027-04-02' })).toEqual(['review-within-12-months']);
  });
  it('003: an agreed outcome short of objectives met defers the step and points to capability', () => {
    const r = payStepEligibility({ ...clean, agreedRating: 'partly-met' });
    expect(r.eligible).toBe(false);
    if (!r.eligible) {
      expect(r.failing[0]?.criterion).toBe('review-within-12-months');
      expect(r.capabilityReferral).toMatch(/Capability Policy/);
    }
  });
  it('003: a formal capability process defers the step and is referred to the capability procedure', () => {
    const r = payStepEligibility({ ...clean, facts: { ...clean.facts, formalCapabilityProcess: true } });
    expect(r.eligible ? [] : r.failing.map((f) => f.criterion)).toEqual(['no-formal-capability']);
    expect(r.eligible ? undefined : r.capabilityReferral).toMatch(/capability/i);
  });
  it('003: a live disciplinary sanction defers the step', () => {
    expect(failingOf({ ...clean, facts: { ...clean.facts, liveDisciplinarySanction: true } })).toEqual([
      'no-live-disciplinary',
    ]);
  });
  it('003: incomplete mandatory training defers the step', () => {
    expect(failingOf({ ...clean, facts: { ...clean.facts, mandatoryTrainingComplete: false } })).toEqual([
      'mandatory-training-complete',
    ]);
  });
  it('003: a line manager with colleagues’ reviews outstanding is deferred', () => {
    const r = payStepEligibility({ ...clean, isLineManager: true, teamReviewsOutstanding: 2 });
    expect(r.eligible ? [] : r.failing.map((f) => f.reason)).toEqual([
      "2 of your colleagues' Career Conversations are not complete.",
    ]);
  });
  it('003: outstanding team reviews do not affect someone who manages nobody', () => {
    expect(payStepEligibility({ ...clean, teamReviewsOutstanding: 2 }).eligible).toBe(true);
  });
  it('003: every failing criterion is listed, with a deferral plan that is not backdated', () => {
    const r = payStepEligibility({
      ...clean,
      lastCareerConversationOn: '2025-01-01',
      facts: { formalCapabilityProcess: true, liveDisciplinarySanction: true, mandatoryTrainingComplete: false },
      isLineManager: true,
      teamReviewsOutstanding: 1,
    });
    expect(r.eligible ? [] : r.failing.map((f) => f.criterion)).toEqual([
      'review-within-12-months',
      'no-formal-capability',
      'no-live-disciplinary',
      'mandatory-training-complete',
      'team-reviews-complete',
    ]);
    expect(r.eligible ? '' : r.deferral).toMatch(/timescales.*not backdated/);
  });
  it('003: a deferral without a capability concern carries no capability referral', () => {
    const r = payStepEligibility({ ...clean, facts: { ...clean.facts, mandatoryTrainingComplete: false } });
    expect(r.eligible ? 'eligible' : r.capabilityReferral).toBeUndefined();
  });
});
