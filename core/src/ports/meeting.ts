import type { PersonId, TenantId } from '../domain/people.ts';

/**
 * Which booked conversation a Teams meeting belongs to, found by the meeting's chat id (what
 * the side panel and the meeting events know). Written when the booking's invitations go out.
 */
export interface MeetingLink {
  readonly tenantId: TenantId;
  /** Derived from the chat id, safe as a document id. */
  readonly id: string;
  /** The meeting chat's thread id, e.g. 19:meeting_…@thread.v2. */
  readonly chatId: string;
  readonly employeeId: PersonId;
  readonly conversationId: string;
}

export interface MeetingLinkStore {
  get(tenantId: TenantId, chatId: string): Promise<MeetingLink | undefined>;
  /** One booking per meeting, so the last write wins. */
  put(link: MeetingLink): Promise<void>;
}
