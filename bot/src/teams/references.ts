import type { Activity } from 'botbuilder';
import type { TeamsBotDeps } from './deps.ts';
import { TENANT_REFERENCE_KEY } from './ports.ts';

/**
 * Remembers where this tenant (and, for a personal install, this person) can
 * be reached, so check-ins can be sent later without a message from them.
 */
export const storeReferences = async (deps: TeamsBotDeps, activity: Activity): Promise<void> => {
  const channelTenant = (activity.channelData as { tenant?: { id?: unknown } } | undefined)?.tenant?.id;
  const tenantId = activity.conversation.tenantId ?? (typeof channelTenant === 'string' ? channelTenant : undefined);
  if (tenantId === undefined || tenantId === '') {
    deps.logger.warn('installation without a tenant ignored');
    return;
  }
  const base = {
    tenantId,
    serviceUrl: activity.serviceUrl,
    botId: activity.recipient.id,
    channelId: activity.channelId,
    updatedAt: deps.clock.now(),
  };
  await deps.references.put({ ...base, id: TENANT_REFERENCE_KEY });
  const personId = activity.from.aadObjectId;
  if (activity.conversation.conversationType === 'personal' && personId !== undefined && personId !== '') {
    await deps.references.put({ ...base, id: personId, conversationId: activity.conversation.id });
  }
  deps.logger.info({ tenantId }, 'installation recorded');
};
