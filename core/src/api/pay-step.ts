import { z } from 'zod';
import { isoDate, isoDateTime, longText } from './primitives.ts';

const plan = z.object({
  agreedOn: isoDate,
  reviewDates: z.array(isoDate),
  completedOn: isoDate.optional(),
  timescales: z.string().optional(),
});

const decision = z.object({
  decidedOn: isoDate,
  by: z.string(),
  outcome: z.enum(['applied', 'deferred']),
  payStepDate: isoDate,
  effectiveFrom: isoDate.optional(),
  reasons: z.array(z.string()),
});

/** One colleague's pay-step decision against the five criteria (003 §5.8). */
export const payStepView = z.object({
  personId: z.string(),
  displayName: z.string(),
  etag: z.string(),
  payStepDate: isoDate,
  factsRecorded: z.boolean(),
  facts: z
    .object({
      formalCapabilityProcess: z.boolean(),
      liveDisciplinarySanction: z.boolean(),
      mandatoryTrainingComplete: z.boolean(),
      deferralPlan: plan.optional(),
      recordedBy: z.string().optional(),
      recordedAt: isoDateTime.optional(),
      decision: decision.optional(),
    })
    .optional(),
  criteria: z.array(
    z.object({
      point: z.string(),
      text: z.string(),
      state: z.enum(['met', 'not-met', 'not-applicable']),
      reason: z.string().optional(),
    }),
  ),
  eligible: z.boolean(),
  deferralAdvice: z.string().optional(),
  capabilityReferral: z.string().optional(),
  mayEnterFacts: z.boolean(),
});

export const payStepFactsInput = z.object({
  formalCapabilityProcess: z.boolean(),
  liveDisciplinarySanction: z.boolean(),
  mandatoryTrainingComplete: z.boolean(),
});

export const payStepDecisionInput = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('applied') }),
  z.object({
    outcome: z.literal('deferred'),
    timescales: longText(4000),
    reviewDates: z.array(isoDate).max(12),
  }),
]);
