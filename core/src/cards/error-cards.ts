import type { FieldIssue } from '../errors.ts';
import { bullets, card, execute, heading, text, type AdaptiveCard } from './elements.ts';
import { commandList, helpActions } from './help-card.ts';
import { CARD_VERBS } from './verbs.ts';

/** Shown when a message is not a command the bot knows. Never echoes the message back. */
export const buildUnknownInputCard = (): AdaptiveCard =>
  card(
    [
      heading("Sorry, I didn't understand that"),
      text('Here is what I can do. Type one of these words, or use a button:'),
      bullets(commandList()),
    ],
    helpActions(),
  );

export interface ErrorCardInput {
  /** A message already safe to show (an AppError's message). */
  readonly message: string;
  /** Lets support find the logs of this turn without the person sharing any content. */
  readonly correlationId?: string;
  readonly retryAfterSeconds?: number;
}

export const buildErrorCard = (input: ErrorCardInput): AdaptiveCard =>
  card(
    [
      heading('Something went wrong'),
      text(input.message),
      ...(input.retryAfterSeconds === undefined
        ? []
        : [text(`Please try again in about ${Math.max(1, Math.ceil(input.retryAfterSeconds))} seconds.`)]),
      ...(input.correlationId === undefined
        ? []
        : [text(`Reference: ${input.correlationId}`, { isSubtle: true, size: 'Small' })]),
    ],
    [execute(CARD_VERBS.helpShow, 'Show help')],
  );

export interface InvalidSubmissionCardInput {
  readonly title?: string;
  readonly issues: readonly FieldIssue[];
  /** Person-readable names for field paths, e.g. { text: 'Your note' }. */
  readonly fieldLabels?: Readonly<Record<string, string>>;
}

/** One line per field, so the person knows exactly what to fix. Nothing was stored. */
export const buildInvalidSubmissionCard = (input: InvalidSubmissionCardInput): AdaptiveCard =>
  card(
    [
      heading(input.title ?? 'Please check your answers'),
      text('Nothing was saved. Fix these and send it again:'),
      bullets(
        input.issues.map(
          (issue) => `**${input.fieldLabels?.[issue.path] ?? (issue.path || 'Form')}**: ${issue.message}`,
        ),
      ),
    ],
    [execute(CARD_VERBS.helpShow, 'Show help')],
  );
