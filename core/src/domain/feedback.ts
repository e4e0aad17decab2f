import type { IsoDateTime } from '../time/dates.ts';
import type { PersonId, TenantId } from './people.ts';

/** Policy 004 "in the moment": advice given, an issue resolved, work acknowledged. */
export type FeedbackKind = 'advice' | 'issue-resolved' | 'work-acknowledged' | 'other';

/** Private to the pair unless the author chooses otherwise; never wider by default. */
export type FeedbackVisibility = 'pair' | 'subject-only' | 'subject-and-managers';

export interface FeedbackEntry {
  readonly tenantId: TenantId;
  readonly id: string;
  readonly authorId: PersonId;
  /** The person the feedback is about (may be the author). */
  readonly subjectId: PersonId;
  /** The subject's line manager at the time, the other half of the pair. */
  readonly pairManagerId?: PersonId;
  readonly kind: FeedbackKind;
  readonly text: string;
  readonly visibility: FeedbackVisibility;
  /** Set when added to the agenda of the next regular conversation. */
  readonly agendaConversationId?: string;
  readonly createdAt: IsoDateTime;
}
