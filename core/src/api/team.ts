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
  overdue: z.array(z.object({ employeeId: z.string(), displayName: z.string(), type: z.string(), dueDate: isoDate })),
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
