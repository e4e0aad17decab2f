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

/**
 * What POST /feedback answers: the stored note, and whether it joined the agenda it was meant
 * for ('nothing-booked': asked, but the subject has no regular conversation booked to join).
 */
export const feedbackLogged = feedbackEntry.extend({
  addedToAgenda: z.boolean(),
  agenda: z.enum(['added', 'not-requested', 'nothing-booked']),
});
