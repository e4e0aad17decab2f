import type { Caller, GraphReply } from './http.ts';
import { graphError, notFound, ok } from './http.ts';
import type { GraphState } from './state.ts';

/**
 * GET /chats/{id}/members: a meeting chat's members (`aadUserConversationMember`). Like Graph, an
 * app-only token reads any chat the app is in (ChatMember.Read.Chat); a signed-in user only their own.
 */
export const chatMembers = (state: GraphState, caller: Caller, chatId: string): GraphReply => {
  const members = state.chatMembers(caller.tenantId, chatId);
  if (members === undefined) return notFound(chatId);
  if (caller.delegated && !members.some((m) => m.id === caller.oid)) {
    return graphError(403, 'Forbidden', 'The caller is not a member of the chat.');
  }
  return ok({
    value: members.map((m) => ({
      '@odata.type': '#microsoft.graph.aadUserConversationMember',
      id: `${chatId}#${m.id}`,
      roles: ['owner'],
      displayName: m.displayName,
      userId: m.id,
      email: m.mail,
      tenantId: caller.tenantId,
    })),
  });
};
