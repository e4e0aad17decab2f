import { z } from 'zod';
import type { FeedbackEntry, FeedbackKind, FeedbackVisibility } from '../domain/feedback.ts';
import type { PersonId, TenantId } from '../domain/people.ts';
import { AppError, type FieldIssue } from '../errors.ts';
import type { IsoDateTime } from '../time/dates.ts';
import { feedbackIdFor } from './ids.ts';
import {
  DEFAULT_FEEDBACK_VISIBILITY,
  FEEDBACK_TEXT_MAX,
  FEEDBACK_VISIBILITIES,
  FORM_FEEDBACK_KINDS,
} from './labels.ts';

export interface FeedbackSubmissionContext {
  readonly tenantId: TenantId;
  readonly authorId: PersonId;
  /** The Teams activity that carried the submission; the entry id derives from it. */
  readonly activityId: string;
  readonly now: IsoDateTime;
  /** Who the author may write about besides themself (the colleagues offered on the form). */
  readonly colleagueIds: readonly PersonId[];
}

/** A validated request to record one in-the-moment feedback entry. */
export interface LogFeedbackCommand {
  readonly tenantId: TenantId;
  readonly id: string;
  readonly authorId: PersonId;
  readonly subjectId: PersonId;
  readonly kind: FeedbackKind;
  readonly text: string;
  readonly visibility: FeedbackVisibility;
  readonly addToAgenda: boolean;
  readonly createdAt: IsoDateTime;
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

const invalid = (details: readonly FieldIssue[]): AppError =>
  new AppError('validation', 'Some answers need another look.', { details });

/**
 * Turns the form's raw inputs into a command, or throws AppError('validation')
 * with one issue per field. Nothing is stored by this function; callers store
 * only what it returns.
 */
export const parseFeedbackSubmission = (data: unknown, context: FeedbackSubmissionContext): LogFeedbackCommand => {
  const parsed = formSchema.safeParse(data ?? {});
  if (!parsed.success) throw invalid(toIssues(parsed.error));
  const { subjectId, kind, text, visibility, addToAgenda } = parsed.data;
  if (subjectId !== context.authorId && !context.colleagueIds.includes(subjectId)) {
    throw invalid([{ path: 'subjectId', message: 'Choose yourself or someone from the list' }]);
  }
  if (addToAgenda && visibility === 'subject-only') {
    // An agenda is shared by the pair, so the manager would read a note meant for the subject alone.
    throw invalid([
      { path: 'addToAgenda', message: 'The agenda is shared with the line manager: choose who can see it or untick' },
    ]);
  }
  return {
    tenantId: context.tenantId,
    id: feedbackIdFor(context.tenantId, context.activityId),
    authorId: context.authorId,
    subjectId,
    kind,
    text,
    visibility,
    addToAgenda,
    createdAt: context.now,
  };
};

const PLAIN_PREFIX = /^\s*feedback\s*[:\-–]\s*/i;

/** True for "feedback: …" messages, the plain-words way to log a note. */
export const isPlainFeedback = (message: string): boolean => PLAIN_PREFIX.test(message);

/**
 * "feedback: helped Sam with the rota" → a note about the author, private to
 * the pair. Who else it mentions stays inside the text; only the form picks a colleague.
 */
export const parsePlainFeedback = (message: string, context: FeedbackSubmissionContext): LogFeedbackCommand => {
  const parsed = noteText.safeParse(message.replace(PLAIN_PREFIX, ''));
  if (!parsed.success) throw invalid(parsed.error.issues.map((i) => ({ path: 'text', message: i.message })));
  return {
    tenantId: context.tenantId,
    id: feedbackIdFor(context.tenantId, context.activityId),
    authorId: context.authorId,
    subjectId: context.authorId,
    kind: 'other',
    text: parsed.data,
    visibility: DEFAULT_FEEDBACK_VISIBILITY,
    addToAgenda: false,
    createdAt: context.now,
  };
};

/** The stored entry; `pairManagerId` is the subject's line manager at the time, when there is one. */
export const feedbackEntryFrom = (command: LogFeedbackCommand, pairManagerId?: PersonId): FeedbackEntry => ({
  tenantId: command.tenantId,
  id: command.id,
  authorId: command.authorId,
  subjectId: command.subjectId,
  ...(pairManagerId === undefined ? {} : { pairManagerId }),
  kind: command.kind,
  text: command.text,
  visibility: command.visibility,
  createdAt: command.createdAt,
});
