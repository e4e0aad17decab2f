import type { Caller, GraphReply } from './http.ts';
import { graphError } from './http.ts';
import type { GraphState } from './state.ts';

/**
 * POST /users/{id}/teamwork/sendActivityNotification: Graph answers 204 with no body. Like Graph,
 * it needs an app-only token (TeamsActivity.Send), a known user, an activity type and a topic.
 * What was sent is read back from the fake's request log.
 */
export const sendActivityNotification = (
  state: GraphState,
  caller: Caller,
  userId: string,
  body: unknown,
): GraphReply => {
  if (caller.delegated) return graphError(403, 'Forbidden', 'Send the notification with the app’s own token.');
  if (state.user(caller.tenantId, userId) === undefined)
    return graphError(404, 'NotFound', `User ${userId} not found.`);
  const b = body as { activityType?: unknown; topic?: { webUrl?: unknown }; previewText?: { content?: unknown } };
  if (
    typeof b.activityType !== 'string' ||
    typeof b.topic?.webUrl !== 'string' ||
    typeof b.previewText?.content !== 'string'
  ) {
    return graphError(400, 'BadRequest', 'activityType, topic.webUrl and previewText.content are required.');
  }
  return { status: 204 };
};
