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

/**
 * Who is in a Teams meeting's chat (Graph `GET /chats/{id}/members`, with the resource-specific
 * permission ChatMember.Read.Chat the app is granted where it is installed in the meeting).
 */
export interface MeetingMembers {
  /**
   * The Entra object ids of the chat's members; none for a chat Graph does not know. `fresh` asks
   * past any cache, for a decision that changes something.
   */
  membersOf(tenantId: TenantId, chatId: string, options?: { readonly fresh?: boolean }): Promise<readonly PersonId[]>;
}
