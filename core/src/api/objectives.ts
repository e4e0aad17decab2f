import { z } from 'zod';
import { id, isoDate, isoDateTime, longText, shortText } from './primitives.ts';

const measure = z.object({
  kind: z.enum(['quality', 'quantity', 'timeliness', 'manner', 'method', 'cost']),
  text: shortText(500),
});
const milestone = z.object({
  id,
  title: shortText(200),
  dueDate: isoDate.optional(),
  doneOn: isoDate.optional(),
});
const alignment = z.object({
  level: z.enum(['strategic-plan', 'department-plan', 'service-plan', 'team-plan']),
  reference: shortText(200),
});

/** The fields of an objective as a person writes them, with no defaults (a patch must never fill any in). */
export const objectiveFields = z.object({
  kind: shortText(64),
  title: shortText(200),
  description: longText(4000),
  measures: z.array(measure).max(12),
  horizon: z.enum(['short', 'medium', 'long']),
  targetDate: isoDate.optional(),
  milestones: z.array(milestone).max(24),
  alignment: z.array(alignment).max(8),
  support: z.array(z.enum(['training', 'mentoring', 'wellbeing', 'systems', 'other'])).max(5),
  jobId: id.optional(),
});
const f = objectiveFields.shape;

/** What a person writes; the server adds ids, owner, timestamps and history. */
export const objectiveInput = objectiveFields.extend({
  description: f.description.default(''),
  measures: f.measures.default([]),
  milestones: f.milestones.default([]),
  alignment: f.alignment.default([]),
  support: f.support.default([]),
});
export type ObjectiveInput = z.infer<typeof objectiveInput>;

/** Only what the caller sent changes; everything else on the objective stays as it is. */
export const objectivePatch = objectiveFields.partial().extend({
  status: z.enum(['draft', 'agreed', 'achieved', 'partly-achieved', 'not-achieved', 'withdrawn']).optional(),
  progress: z.number().int().min(0).max(100).optional(),
  progressNote: shortText(2000).optional(),
  conversationId: id.optional(),
});
export type ObjectivePatch = z.infer<typeof objectivePatch>;

export const objective = objectiveInput.extend({
  id: z.string(),
  ownerId: z.string(),
  status: z.enum(['draft', 'agreed', 'achieved', 'partly-achieved', 'not-achieved', 'withdrawn']),
  progress: z.number(),
  progressNotes: z.array(
    z.object({
      at: isoDateTime,
      by: z.string(),
      text: z.string(),
      percent: z.number().optional(),
      conversationId: z.string().optional(),
    }),
  ),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  etag: z.string(),
});

export const smartLetter = z.object({
  letter: z.enum(['S', 'M', 'A', 'R', 'T']),
  ok: z.boolean(),
  prompt: z.string(),
  reason: z.string().optional(),
});
export const smartCheck = z.object({ letters: z.array(smartLetter), complete: z.boolean() });

export const objectiveParams = z.object({ personId: id, objectiveId: id });
