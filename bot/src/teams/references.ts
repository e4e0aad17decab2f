import { TENANT_REFERENCE_KEY } from '@pc/core';
import type { Activity } from 'botbuilder';
import type { TeamsContext } from './turn.ts';

/**
 * Remembers where this tenant (and, for a personal install, this person) can
 * be reached, so check-ins can be sent later without a message from them.
 */
export const storeReferences = async (ctx: TeamsContext, activity: Activity): Promise<void> => {
  const channelTenant = (activity.channelData as { tenant?: { id?: unknown } } | undefined)?.tenant?.id;
  const tenantId = activity.conversation.tenantId ?? (typeof channelTenant === 'string' ? channelTenant : undefined);
  if (tenantId === undefined || tenantId === '') {
    ctx.logger.warn('installation without a tenant ignored');
    return;
  }
  const base = {
    tenantId,
    serviceUrl: activity.serviceUrl,
    botId: activity.recipient.id,
    channelId: activity.channelId,
    updatedAt: ctx.deps.clock.now(),
  };
  await ctx.references.put({ ...base, id: TENANT_REFERENCE_KEY });
  const personId = activity.from.aadObjectId;
  if (activity.conversation.conversationType === 'personal' && personId !== undefined && personId !== '') {
    await ctx.references.put({ ...base, id: personId, conversationId: activity.conversation.id });
  }
  ctx.logger.info({ tenantId }, 'installation recorded');
};
