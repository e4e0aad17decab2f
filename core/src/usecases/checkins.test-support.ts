import type { Tenant } from '../domain/people.ts';
import type { StoredConversationReference } from '../ports/proactive.ts';

/** The tenant with an administrator's settings asking for a check-in every `weeks` weeks. */
export const checkinsEvery =
  (weeks: number) =>
  (tenant: Tenant): Tenant => ({
    ...tenant,
    settings: {
      version: 1,
      updatedAt: '2027-01-04T09:00:00.000Z',
      updatedBy: 'admin',
      updatedByName: 'An Administrator',
      changed: ['checkinEveryWeeks'],
      quietHours: { start: '18:00', end: '08:00', days: [6, 7] },
      checkinEveryWeeks: weeks,
      roleGroups: {},
      scheme: {},
    },
  });

/** Where the bot reaches `id` in Teams: as stored once they installed the app. */
export const referenceTo = (tenantId: string, id: string): StoredConversationReference => ({
  tenantId,
  id,
  serviceUrl: 'https://smba.trafficmanager.net/uk/',
  botId: '28:bot',
  channelId: 'msteams',
  conversationId: `a:${id}`,
  updatedAt: '2027-01-04T09:00:00.000Z',
});

/** Everyone installed the app: read one by one, or 100 ids to a query as the Cosmos store does. */
export const everyoneInstalled = {
  get: (tenantId: string, id: string): Promise<StoredConversationReference> =>
    Promise.resolve(referenceTo(tenantId, id)),
  getMany: (tenantId: string, ids: readonly string[]): Promise<StoredConversationReference[]> =>
    Promise.resolve(ids.map((id) => referenceTo(tenantId, id))),
};
