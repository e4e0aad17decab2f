import { z } from 'zod';
import { id, isoDateTime, shortText } from './primitives.ts';

export const feedbackInput = z.object({
  subjectId: id,
  kind: z.enum(['advice', 'issue-resolved', 'work-acknowledged', 'other']),
  text: shortText(2000),
  visibility: z.enum(['pair', 'subject-only', 'subject-and-managers']).default('pair'),
  addToAgenda: z.boolean().default(false),
});
export type FeedbackInputBody = z.infer<typeof feedbackInput>;

export const feedbackEntry = z.object({
  id: z.string(),
  authorId: z.string(),
  subjectId: z.string(),
  pairManagerId: z.string().optional(),
  kind: z.enum(['advice', 'issue-resolved', 'work-acknowledged', 'other']),
  text: z.string(),
  visibility: z.enum(['pair', 'subject-only', 'subject-and-managers']),
  agendaConversationId: z.string().optional(),
  createdAt: isoDateTime,
});
