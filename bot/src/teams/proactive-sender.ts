import { AppError, type PersonId, type TenantId } from '@pc/core';
import type { AdaptiveCard } from '@pc/core/cards';
import { CardFactory, type CloudAdapter, type ConversationParameters } from 'botbuilder';
import { TENANT_REFERENCE_KEY, type ConversationReferenceStore, type ProactiveSender } from './ports.ts';
import { ConnectorThrottled, parseRetryAfter } from './throttle.ts';

export interface CloudProactiveSenderOptions {
  readonly adapter: CloudAdapter;
  /** Empty in local playground mode. */
  readonly botAppId: string;
  readonly references: ConversationReferenceStore;
  readonly nowMs?: () => number;
}

interface HttpLikeError {
  readonly statusCode?: unknown;
  readonly response?: { readonly headers?: { get?: (name: string) => string | null | undefined } };
}

const BOT_FRAMEWORK_AUDIENCE = 'https://api.botframework.com';

/**
 * Opens (or reopens: Teams returns the existing 1:1 chat) a personal chat with
 * the person through the tenant's stored service URL and posts the card.
 */
export const createCloudProactiveSender = (options: CloudProactiveSenderOptions): ProactiveSender => ({
  send: async (tenantId: TenantId, personId: PersonId, card: AdaptiveCard) => {
    const reference = await options.references.get(tenantId, TENANT_REFERENCE_KEY);
    if (reference === undefined) {
      throw new AppError('not-found', 'The app is not installed for this organisation yet');
    }
    const parameters = {
      isGroup: false,
      bot: { id: reference.botId, name: 'Performance conversations' },
      members: [{ id: personId, name: '' }],
      tenantId,
      channelData: { tenant: { id: tenantId } },
    } as ConversationParameters;
    let activityId = '';
    // The adapter hands errors thrown inside the callback to onTurnError, which would hide a
    // refused send; keep the error and raise it here instead.
    let sendError: Error | undefined;
    try {
      await options.adapter.createConversationAsync(
        options.botAppId,
        reference.channelId,
        reference.serviceUrl,
        BOT_FRAMEWORK_AUDIENCE,
        parameters,
        async (context) => {
          try {
            const sent = await context.sendActivity({ attachments: [CardFactory.adaptiveCard(card)] });
            activityId = sent?.id ?? '';
          } catch (error) {
            sendError =
              error instanceof Error
                ? error
                : new AppError('internal', 'The Bot Connector call failed', { cause: error });
          }
        },
      );
      if (sendError !== undefined) throw sendError;
    } catch (error) {
      const http = error as HttpLikeError;
      if (http.statusCode === 429) {
        const header = http.response?.headers?.get?.('retry-after');
        throw new ConnectorThrottled(parseRetryAfter(header, (options.nowMs ?? Date.now)()), { cause: error });
      }
      throw error;
    }
    if (activityId === '') throw new AppError('unavailable', 'The Bot Connector accepted the message without an id');
    return { activityId };
  },
});
