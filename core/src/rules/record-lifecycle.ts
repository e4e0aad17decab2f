import type { ConversationRecord, ConversationStatus, ConversationTypeId } from '../domain/conversations.ts';
import type { ObjectiveStatus } from '../domain/objectives.ts';
import { AppError } from '../errors.ts';

/**
 * Formal records follow a state machine with role rules, so that no record claims more than
 * the people it names have done:
 * - a conversation is written up by the pair, but it counts as held (compliance, the completions
 *   export to iTrent) only once both have agreed it or the manager has confirmed it — "the record
 *   will be agreed with your line manager" (004 Recording the Performance Conversation);
 *   "managers MUST record appraisal information" (000 Recording Appraisal Information); "both
 *   parties agree with the outcome of the Career Conversation" (003 §1.0 flow diagram); the
 *   April/May template "will guide the manager through the conversation" (002 Step 2);
 * - the formal reviews are recorded by the manager; the colleague prepares and then agrees;
 * - objectives are agreed and their outcome judged with the manager, who has the final say (004
 *   Setting objectives; 001 "agreed by both employee and manager").
 */

/** Where the caller stands on a record: the colleague it is about, or their manager. */
export type RecordRole = 'employee' | 'manager';

export const roleOnRecord = (callerId: string, employeeId: string): RecordRole =>
  callerId === employeeId ? 'employee' : 'manager';

/** Conversations the colleague arranges and may write up first (004 Regular and Big Picture; 000, 001 team). */
const COLLEAGUE_RECORDED: ReadonlySet<ConversationTypeId> = new Set(['regular', 'big-picture', 'team']);

export const mayRecordHeld = (role: RecordRole, type: ConversationTypeId): boolean =>
  role === 'manager' || COLLEAGUE_RECORDED.has(type);

/** Which statuses may follow which through a change of status (agreement has its own route). */
const CONVERSATION_MOVES: Readonly<Record<ConversationStatus, readonly ConversationStatus[]>> = {
  booked: ['held', 'cancelled'],
  held: ['cancelled'],
  // An agreed record is reopened by changing its content, and then both agree again (004).
  agreed: [],
  cancelled: [],
};

export type Verdict = { readonly allowed: true } | { readonly allowed: false; readonly reason: string };
const ALLOWED: Verdict = { allowed: true };
const refused = (reason: string): Verdict => ({ allowed: false, reason });

/** Whether `role` may set a record of `type` from `from` to `to`. Setting the same status again is no move. */
export const conversationMove = (
  from: ConversationStatus,
  to: ConversationStatus,
  role: RecordRole,
  type: ConversationTypeId,
): Verdict => {
  if (from === to) return ALLOWED;
  if (!CONVERSATION_MOVES[from].includes(to)) {
    if (from === 'agreed') {
      return refused('This record has been agreed by you both; change what it says and you will both agree it again.');
    }
    if (from === 'cancelled') return refused('This conversation was cancelled; record a new one instead.');
    return refused(`A ${from} conversation cannot be set to ${to}.`);
  }
  if (to === 'held' && !mayRecordHeld(role, type)) {
    return refused('Your line manager records that this conversation took place; you then agree the record.');
  }
  // A booking is the pair's own arrangement (004); a record of a meeting that happened is not undone by one side.
  if (to === 'cancelled' && from === 'held' && role !== 'manager') {
    return refused('Only your line manager can cancel the record of a conversation that has taken place.');
  }
  return ALLOWED;
};

/**
 * A record counts as held only when both have agreed it or the manager has confirmed it (004); a
 * disagreement the colleague recorded stands until both agree the record again, and until then the
 * manager's confirmation alone does not make it held or on time (004 disagreement form).
 */
export const countsAsHeld = (record: Pick<ConversationRecord, 'status' | 'agreement' | 'disagreement'>): boolean =>
  record.status === 'agreed' ||
  (record.status === 'held' && record.agreement.managerAgreedAt !== undefined && record.disagreement === undefined);

/** The history a compliance or completion figure may see: a held record nobody confirmed is left out. */
export const confirmedHistory = <R extends Pick<ConversationRecord, 'status' | 'agreement' | 'disagreement'>>(
  history: readonly R[],
): R[] => history.filter((r) => r.status !== 'held' || countsAsHeld(r));

const OBJECTIVE_MOVES: Readonly<Record<ObjectiveStatus, readonly ObjectiveStatus[]>> = {
  draft: ['agreed', 'withdrawn'],
  agreed: ['draft', 'achieved', 'partly-achieved', 'not-achieved', 'withdrawn'],
  achieved: ['agreed'],
  'partly-achieved': ['agreed'],
  'not-achieved': ['agreed'],
  withdrawn: ['draft'],
};

/** The colleague may set aside their own proposal and bring it back; everything else is agreed with the manager. */
const COLLEAGUE_OBJECTIVE_MOVES: readonly (readonly [ObjectiveStatus, ObjectiveStatus])[] = [
  ['draft', 'withdrawn'],
  ['withdrawn', 'draft'],
];

const objectiveLabel = (s: ObjectiveStatus): string => s.replace('-', ' ');

export const objectiveMove = (from: ObjectiveStatus, to: ObjectiveStatus, role: RecordRole): Verdict => {
  if (from === to) return ALLOWED;
  if (!OBJECTIVE_MOVES[from].includes(to)) {
    return refused(`An objective that is ${objectiveLabel(from)} cannot be set to ${objectiveLabel(to)}.`);
  }
  if (role === 'manager' || COLLEAGUE_OBJECTIVE_MOVES.some(([a, b]) => a === from && b === to)) return ALLOWED;
  return refused(
    to === 'agreed'
      ? 'An objective is agreed with your line manager, who has the final say; ask them to agree it.'
      : 'Your line manager, who has the final say, records how an objective turned out.',
  );
};

/**
 * Throws when a verdict refuses: `forbidden` when another role could make the move, `validation`
 * on the status field when nobody could.
 */
const enforce = (verdict: Verdict, anyoneCould: boolean): void => {
  if (verdict.allowed) return;
  if (anyoneCould) throw new AppError('forbidden', verdict.reason);
  throw new AppError('validation', verdict.reason, { details: [{ path: 'status', message: verdict.reason }] });
};

export const assertConversationMove = (
  from: ConversationStatus,
  to: ConversationStatus,
  role: RecordRole,
  type: ConversationTypeId,
): void => {
  enforce(conversationMove(from, to, role, type), conversationMove(from, to, 'manager', type).allowed);
};

export const assertObjectiveMove = (from: ObjectiveStatus, to: ObjectiveStatus, role: RecordRole): void => {
  enforce(objectiveMove(from, to, role), objectiveMove(from, to, 'manager').allowed);
};

/** Creating a record says it was held: refused when the caller may not say so alone. */
export const assertMayRecordHeld = (role: RecordRole, type: ConversationTypeId): void => {
  if (!mayRecordHeld(role, type)) {
    throw new AppError(
      'forbidden',
      'Your line manager records this review; you prepare for it beforehand and agree the record once it is written.',
    );
  }
};
