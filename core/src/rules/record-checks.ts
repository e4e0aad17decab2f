import type { ConversationRecord, ConversationStatus } from '../domain/conversations.ts';
import type { SchemeId } from '../domain/people.ts';
import { AppError, type FieldIssue } from '../errors.ts';
import type { IsoDate } from '../time/dates.ts';

/**
 * Checks a person expects before a record is saved or agreed:
 * - a conversation that took place cannot be dated after today: a meeting still to come is a
 *   booking, and a record dated ahead would count as done before it happened (compliance, the
 *   completions export);
 * - 004 Recording the Performance Conversation: "the minimum record is the issues raised and the
 *   actions agreed", and "the record will be agreed with your line manager" — so a 004 record with
 *   either missing cannot be agreed. The other schemes list the same minimum as guidance for the
 *   form; their policies do not make it a condition of agreement.
 */

/** Statuses that say the conversation has taken place. */
const TOOK_PLACE: ReadonlySet<ConversationStatus> = new Set(['held', 'agreed']);

export const meetingDateProblem = (status: ConversationStatus, date: IsoDate, today: IsoDate): string | undefined =>
  TOOK_PLACE.has(status) && date > today
    ? 'The date you met cannot be in the future. If the conversation is still to come, book it instead.'
    : undefined;

export const assertMeetingDate = (status: ConversationStatus, date: IsoDate, today: IsoDate): void => {
  const problem = meetingDateProblem(status, date, today);
  if (problem !== undefined)
    throw new AppError('validation', problem, { details: [{ path: 'date', message: problem }] });
};

/** Schemes whose policy makes the minimum record a condition of agreeing it. */
const MINIMUM_BEFORE_AGREEMENT: ReadonlySet<SchemeId> = new Set(['assembly-secretariat']);

export const minimumRecordProblems = (
  schemeId: SchemeId,
  minimum: readonly ('issues-raised' | 'actions-agreed')[],
  record: Pick<ConversationRecord, 'issuesRaised' | 'actionsAgreed'>,
): FieldIssue[] => {
  if (!MINIMUM_BEFORE_AGREEMENT.has(schemeId)) return [];
  const problems: FieldIssue[] = [];
  if (minimum.includes('issues-raised') && record.issuesRaised.length === 0) {
    problems.push({ path: 'issuesRaised', message: 'Write down at least one issue raised.' });
  }
  if (minimum.includes('actions-agreed') && record.actionsAgreed.length === 0) {
    problems.push({ path: 'actionsAgreed', message: 'Write down at least one action agreed.' });
  }
  return problems;
};

export const assertMinimumRecord = (
  schemeId: SchemeId,
  minimum: readonly ('issues-raised' | 'actions-agreed')[],
  record: Pick<ConversationRecord, 'issuesRaised' | 'actionsAgreed'>,
): void => {
  const details = minimumRecordProblems(schemeId, minimum, record);
  if (details.length > 0) {
    throw new AppError(
      'validation',
      'The record needs the issues raised and the actions agreed before it can be agreed. Add them, then agree it.',
      { details },
    );
  }
};
