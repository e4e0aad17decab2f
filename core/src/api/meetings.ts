import { z } from 'zod';

/** A Teams meeting chat's thread id, as the side panel's context gives it. */
export const meetingParams = z.object({
  chatId: z.string().regex(/^19:meeting_[^@/]{1,200}@thread\.v2$/, 'must be a Teams meeting chat id'),
});

const starter = z.object({
  id: z.string(),
  title: z.string(),
  strengthsPrompt: z.string(),
  openQuestions: z.array(z.string()),
  probingQuestions: z.array(z.string()),
});

/**
 * The meeting's side panel: for the pair of the booked conversation the meeting belongs to, its
 * agenda and starters; anyone else learns only that the panel is for the pair.
 */
export const meetingPanel = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('pair'),
    role: z.enum(['employee', 'manager']),
    employeeId: z.string(),
    conversationId: z.string(),
    title: z.string(),
    date: z.string(),
    otherName: z.string(),
    agenda: z.array(z.object({ id: z.string(), text: z.string(), source: z.string() })),
    starters: z.array(starter),
  }),
  z.object({ kind: z.literal('not-for-you') }),
  z.object({ kind: z.literal('no-conversation') }),
]);
export type MeetingPanelView = z.infer<typeof meetingPanel>;
