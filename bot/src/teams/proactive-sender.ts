import {
  AppError,
  TENANT_REFERENCE_KEY,
  type ConversationReferenceStore,
  type PersonId,
  type ProactiveSender,
  type StoredConversationReference,
  type TenantId,
} from '@pc/core';
import type { AdaptiveCard } from '@pc/core/cards';
import { CardFactory, type CloudAdapter, type ConversationParameters } from 'botbuilder';
import { ConnectorThrottled, parseRetryAfter } from '../proactive/pacing.ts';

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
const noPacing = (): Promise<void> => Promise.resolve();

/** How long a tenant's stored service URL is reused before it is read again. */
export const REFERENCE_CACHE_MS = 60_000;

/**
 * A fan-out sends thousands of cards through one tenant's reference, which changes only when the
 * app is reinstalled: read it once a minute, not once per card.
 */
const cachedReferences = (options: CloudProactiveSenderOptions) => {
  const cache = new Map<TenantId, { reference: StoredConversationReference; readAt: number }>();
  const now = options.nowMs ?? Date.now;
  return async (tenantId: TenantId): Promise<StoredConversationReference | undefined> => {
    const hit = cache.get(tenantId);
    if (hit !== undefined && now() - hit.readAt < REFERENCE_CACHE_MS) return hit.reference;
    const reference = await options.references.get(tenantId, TENANT_REFERENCE_KEY);
    if (reference === undefined) cache.delete(tenantId);
    else cache.set(tenantId, { reference, readAt: now() });
    return reference;
  };
};

/**
 * Opens (or reopens: Teams returns the existing 1:1 chat) a personal chat with
 * the person through the tenant's stored service URL and posts the card.
 */
export const createCloudProactiveSender = (options: CloudProactiveSenderOptions): ProactiveSender => {
  const references = cachedReferences(options);
  return {
    send: async (tenantId: TenantId, personId: PersonId, card: AdaptiveCard, _key: string, pace = noPacing) => {
      const reference = await references(tenantId);
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
        await pace('create-conversation');
        await options.adapter.createConversationAsync(
          options.botAppId,
          reference.channelId,
          reference.serviceUrl,
          BOT_FRAMEWORK_AUDIENCE,
          parameters,
          async (context) => {
            try {
              await pace('post');
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
  };
};
