import { z } from 'zod';
import { isoDate, isoDateTime, shortText } from './primitives.ts';

const spread = z.object({
  total: z.number().int(),
  counts: z.record(z.string(), z.number().int()),
  bonus: z.number().int(),
});

const review = z.object({
  outcome: z.enum(['agreed', 'returned']),
  by: z.string(),
  at: isoDateTime,
  note: z.string().optional(),
});

/** The grandparent's consistency check of their managers' rating recommendations (002). */
export const ratingReviewView = z.object({
  applies: z.boolean(),
  scale: z.array(z.object({ value: z.string(), label: z.string() })),
  overall: spread.optional(),
  teams: z.array(
    z.object({
      manager: z.object({ id: z.string(), displayName: z.string() }),
      spread,
      outliers: z.array(z.string()),
      items: z.array(
        z.object({
          employeeId: z.string(),
          displayName: z.string(),
          conversationId: z.string(),
          date: isoDate,
          etag: z.string(),
          rating: z.object({
            value: z.string(),
            shortfall: z.string().optional(),
            bonusRecommended: z.boolean().optional(),
            releasedToEmployeeAt: isoDateTime.optional(),
          }),
          state: z.enum(['awaiting', 'returned', 'agreed', 'released']),
          review: review.optional(),
        }),
      ),
    }),
  ),
});

/** Agree (Step 3 complete, the rating is released) or return it to the manager with the reason. */
export const ratingReviewInput = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('agreed') }),
  z.object({ outcome: z.literal('returned'), note: shortText(2000) }),
]);

export const ratingReviewResult = z.object({ state: z.enum(['returned', 'released']), etag: z.string() });
