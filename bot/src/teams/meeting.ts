import { deckConversationOf, meetingChatIdOf, promptRecordAfterMeeting } from '@pc/core/usecases';
import type { MeetingEndEventDetails, TurnContext } from 'botbuilder';
import type { TeamsContext } from './turn.ts';

/**
 * A Teams meeting has ended: when it was a booked conversation's, each of the pair is sent
 * "record what you agreed" through the paced proactive queue (once, however often Teams repeats
 * the event). The chat is read from the join URL, else from the meeting chat the event came in.
 */
export const onMeetingEnd = async (
  ctx: TeamsContext,
  meeting: MeetingEndEventDetails,
  context: TurnContext,
): Promise<void> => {
  const { activity } = context;
  const channelTenant = (activity.channelData as { tenant?: { id?: unknown } } | undefined)?.tenant?.id;
  const tenantId = activity.conversation.tenantId ?? (typeof channelTenant === 'string' ? channelTenant : '');
  if (tenantId === '' || (ctx.allowedTenants !== undefined && !ctx.allowedTenants.includes(tenantId))) {
    ctx.logger.warn('meeting end from a tenant not served: ignored');
    return;
  }
  const chatId = meetingChatIdOf(meeting.joinUrl) ?? deckConversationOf(activity.conversation.id);
  const queued = await promptRecordAfterMeeting(ctx.deps, tenantId, chatId);
  ctx.logger.info({ tenantId, queued }, 'meeting ended');
};
