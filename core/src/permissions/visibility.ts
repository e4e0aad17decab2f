import type { ConversationRecord, Rating } from '../domain/conversations.ts';
import type { FeedbackEntry } from '../domain/feedback.ts';
import type { PersonId } from '../domain/people.ts';
import { decide, type DecideOptions, type TenantActor } from './decide.ts';
import type { SubjectContext } from './relationships.ts';

/** What people outside the pair may see of a conversation: facts, never text (003 §6). */
export interface ConversationFacts {
  readonly id: string;
  readonly employeeId: PersonId;
  readonly managerIds: readonly PersonId[];
  readonly jobIds: readonly string[];
  readonly type: ConversationRecord['type'];
  readonly status: ConversationRecord['status'];
  readonly date: string;
  readonly agreedByBoth: boolean;
  readonly disagreementRecorded: boolean;
  readonly appealLodgedOn?: string;
  readonly rating?: Rating;
}

export type ConversationView =
  | { readonly kind: 'full'; readonly record: ConversationRecord; readonly audit: boolean }
  | { readonly kind: 'facts'; readonly facts: ConversationFacts };

export interface RatingPolicy {
  /** Bexley: recommendations stay hidden from the employee until review (Step 3) is complete (002). */
  readonly hiddenFromEmployeeUntilReleased: boolean;
}

const ratingFor = (
  actor: TenantActor,
  subject: SubjectContext,
  record: ConversationRecord,
  policy: RatingPolicy,
): Rating | undefined => {
  if (record.rating === undefined) return undefined;
  const decision = decide(actor, 'conversation.rating.read', subject, { recordManagerIds: record.managerIds });
  if (!decision.allowed) return undefined;
  const isEmployee = actor.id === record.employeeId;
  if (isEmployee && policy.hiddenFromEmployeeUntilReleased && record.rating.releasedToEmployeeAt === undefined) {
    return undefined;
  }
  return record.rating;
};

export const conversationFacts = (record: ConversationRecord, rating: Rating | undefined): ConversationFacts => ({
  id: record.id,
  employeeId: record.employeeId,
  managerIds: record.managerIds,
  jobIds: record.jobIds,
  type: record.type,
  status: record.status,
  date: record.date,
  agreedByBoth: record.agreement.employeeAgreedAt !== undefined && record.agreement.managerAgreedAt !== undefined,
  disagreementRecorded: record.disagreement !== undefined,
  ...(record.appeal ? { appealLodgedOn: record.appeal.lodgedOn } : {}),
  ...(rating ? { rating } : {}),
});

/**
 * The view of one record an actor may have, or undefined when they may not even
 * know it exists. A full view reached through exceptional access carries audit: true
 * and the caller must write the audit event before returning it.
 */
export const viewConversation = (
  actor: TenantActor,
  subject: SubjectContext,
  record: ConversationRecord,
  policy: RatingPolicy,
  options: Pick<DecideOptions, 'exceptionalAccess'> = {},
): ConversationView | undefined => {
  const rating = ratingFor(actor, subject, record, policy);
  const content = decide(actor, 'conversation.content.read', subject, {
    recordManagerIds: record.managerIds,
    ...options,
  });
  if (content.allowed) {
    const shown: ConversationRecord = { ...record };
    if (rating === undefined) delete (shown as { rating?: Rating }).rating;
    return { kind: 'full', record: shown, audit: content.audit };
  }
  if (decide(actor, 'conversation.facts.read', subject).allowed) {
    return { kind: 'facts', facts: conversationFacts(record, rating) };
  }
  return undefined;
};

/** In-the-moment feedback is private to the pair unless the author chose otherwise (004). */
export const canSeeFeedback = (
  viewerId: PersonId,
  entry: FeedbackEntry,
  subjectManagerIds: readonly PersonId[],
): boolean => {
  if (viewerId === entry.authorId || viewerId === entry.subjectId) return true;
  switch (entry.visibility) {
    case 'subject-only':
      return false;
    case 'pair':
      return viewerId === entry.pairManagerId;
    case 'subject-and-managers':
      return viewerId === entry.pairManagerId || subjectManagerIds.includes(viewerId);
  }
};
