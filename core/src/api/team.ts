import { z } from 'zod';
import { isoDate, isoDateTime, longText, shortText } from './primitives.ts';

/** Policy 000 Team Themes: collective needs only, never an individual's note text. */
export const teamThemesInput = z.object({
  period: shortText(32),
  trainingNeeds: z.array(shortText(500)).max(20).default([]),
  systemNeeds: z.array(shortText(500)).max(20).default([]),
  resourcingNeeds: z.array(shortText(500)).max(20).default([]),
  otherThemes: z.array(shortText(500)).max(20).default([]),
  summary: longText(4000).default(''),
});
export const teamThemes = teamThemesInput.extend({
  managerId: z.string(),
  updatedAt: isoDateTime,
  etag: z.string(),
  submittedToId: z.string().optional(),
});

/** The latest check-in answer to "How are you doing?"; null when none was given. Pair-only. */
export const wellbeing = z
  .object({ answer: z.enum(['good', 'okay', 'struggling']), answeredOn: isoDateTime })
  .nullable();

export const compliance = z.object({
  scope: z.string(),
  quarter: shortText(16),
  /** Null when nothing fell due in the quarter. */
  onTimePercent: z.number().nullable(),
  completed: z.number().int(),
  expected: z.number().int(),
  /** Every review overdue now across the whole team, whenever it fell due: the length of the whole list below. */
  overdueCount: z.number().int(),
  /** Of those, the ones that fell due before this quarter (not in completed of expected). */
  overdueFromEarlierQuarters: z.number().int(),
  /** One page of the overdue reviews, earliest due first. */
  overdue: z.array(
    z.object({
      employeeId: z.string(),
      displayName: z.string(),
      type: z.string(),
      dueDate: isoDate,
      fromEarlierQuarter: z.boolean(),
    }),
  ),
  continuationToken: z.string().optional(),
  payDeferrals: z.number().int(),
});

export const handoverInput = z.object({
  strengths: longText(4000).default(''),
  development: longText(4000).default(''),
  personalGoals: longText(4000).default(''),
  other: longText(4000).default(''),
});

export const auditEvent = z.object({
  id: z.string(),
  at: isoDateTime,
  actorId: z.string(),
  subjectId: z.string(),
  action: z.string(),
  reason: z.object({ category: z.string(), text: z.string() }).optional(),
  resource: z.object({ type: z.string(), id: z.string() }),
});
