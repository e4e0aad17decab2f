import { z } from 'zod';
import type { FeedbackKind, FeedbackVisibility } from '../domain/feedback.ts';
import type { PersonId } from '../domain/people.ts';
import { AppError, type FieldIssue } from '../errors.ts';
import {
  DEFAULT_FEEDBACK_VISIBILITY,
  FEEDBACK_TEXT_MAX,
  FEEDBACK_VISIBILITIES,
  FORM_FEEDBACK_KINDS,
} from './labels.ts';

/**
 * What someone asks to record, from the bot's form or words or the API's body. Who may be
 * the subject, and whether the note may join an agenda, is for the `logFeedback` use case.
 */
export interface FeedbackInput {
  readonly subjectId: PersonId;
  readonly kind: FeedbackKind;
  readonly text: string;
  readonly visibility: FeedbackVisibility;
  readonly addToAgenda: boolean;
}

const blankToUndefined = (value: unknown): unknown =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

const noteText = z
  .string({ error: 'Write a short note' })
  .trim()
  .min(1, { error: 'Write a short note' })
  .max(FEEDBACK_TEXT_MAX, { error: `Keep it under ${String(FEEDBACK_TEXT_MAX)} characters` });

const formSchema = z.object({
  subjectId: z.string({ error: 'Choose yourself or a colleague' }).min(1, { error: 'Choose yourself or a colleague' }),
  kind: z.enum(FORM_FEEDBACK_KINDS, { error: 'Choose what kind of feedback this is' }),
  text: noteText,
  visibility: z.preprocess(
    blankToUndefined,
    z.enum(FEEDBACK_VISIBILITIES, { error: 'Choose who can see it' }).default(DEFAULT_FEEDBACK_VISIBILITY),
  ),
  addToAgenda: z.preprocess(
    (value) => (value === 'true' ? true : value === 'false' || value === undefined || value === '' ? false : value),
    z.boolean({ error: 'Tick the box or leave it empty' }),
  ),
});

const toIssues = (error: z.ZodError): FieldIssue[] =>
  error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));

export const invalidFeedback = (details: readonly FieldIssue[]): AppError =>
  new AppError('validation', 'Some answers need another look.', { details });

/**
 * Turns the form's raw inputs into a request, or throws AppError('validation') with one
 * issue per field. Nothing is stored by this function.
 */
export const parseFeedbackSubmission = (data: unknown): FeedbackInput => {
  const parsed = formSchema.safeParse(data ?? {});
  if (!parsed.success) throw invalidFeedback(toIssues(parsed.error));
  return parsed.data;
};

const PLAIN_PREFIX = /^\s*feedback\s*[:\-–]\s*/i;

/** True for "feedback: …" messages, the plain-words way to log a note. */
export const isPlainFeedback = (message: string): boolean => PLAIN_PREFIX.test(message);

/**
 * "feedback: helped Sam with the rota" → a note about the author, private to
 * the pair. Who else it mentions stays inside the text; only the form picks a colleague.
 */
export const parsePlainFeedback = (message: string, authorId: PersonId): FeedbackInput => {
  const parsed = noteText.safeParse(message.replace(PLAIN_PREFIX, ''));
  if (!parsed.success) throw invalidFeedback(parsed.error.issues.map((i) => ({ path: 'text', message: i.message })));
  return {
    subjectId: authorId,
    kind: 'other',
    text: parsed.data,
    visibility: DEFAULT_FEEDBACK_VISIBILITY,
    addToAgenda: false,
  };
};
