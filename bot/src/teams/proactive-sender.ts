import {
  AppError,
  TENANT_REFERENCE_KEY,
  type ConnectorCall,
  type ConversationReferenceStore,
  type PersonId,
  type ProactiveSender,
  type StoredConversationReference,
  type TenantId,
  type ThrottleSignals,
} from '@pc/core';
import type { AdaptiveCard } from '@pc/core/cards';
import { AsyncLocalStorage } from 'node:async_hooks';
import { CardFactory, type Activity, type CloudAdapter, type ConversationParameters } from 'botbuilder';
import { ConnectorThrottled, parseRetryAfter } from '../proactive/pacing.ts';
import { recordThrottled } from '../telemetry/index.ts';

export interface CloudProactiveSenderOptions {
  readonly adapter: CloudAdapter;
  /** Empty in local playground mode. */
  readonly botAppId: string;
  readonly references: ConversationReferenceStore;
  readonly nowMs?: () => number;
}

/** What a proactive send needs of a Bot Connector client: open a chat, post into it. */
export interface ProactiveConnector {
  readonly conversations: {
    createConversation(parameters: ConversationParameters): Promise<{ id?: string }>;
    sendToConversation(conversationId: string, activity: Partial<Activity>): Promise<{ id?: string }>;
  };
}

/** An adapter that keeps a connector client per service URL (the BotAdapter in adapter.ts). */
interface ConnectorSource {
  proactiveConnector(botAppId: string, serviceUrl: string, audience: string): Promise<ProactiveConnector>;
  forgetConnector(botAppId: string, serviceUrl: string, audience: string): void;
}

const keepsConnectors = (adapter: CloudAdapter): adapter is CloudAdapter & ConnectorSource =>
  typeof (adapter as Partial<ConnectorSource>).proactiveConnector === 'function';

interface HttpLikeError {
  readonly statusCode?: unknown;
  readonly response?: { readonly headers?: { get?: (name: string) => string | null | undefined } };
}

const BOT_FRAMEWORK_AUDIENCE = 'https://api.botframework.com';
const noPacing = (): Promise<void> => Promise.resolve();
const unthrottled: ThrottleSignals = { throttled: () => undefined, pausedForMs: () => 0 };

/** How long a tenant's stored service URL is reused before it is read again. */
export const REFERENCE_CACHE_MS = 30_000;

/**
 * A fan-out sends thousands of cards through one tenant's reference, which changes only when the
 * app is reinstalled: read it every half minute, not once per card. The entry holds routing only
 * (service URL, bot and channel ids), never anything about a person, and decides nothing about
 * who may see what; a send that fails drops it, so the retry reads the reference afresh and a
 * reinstall moved elsewhere is picked up at once rather than after the half minute.
 */
const cachedReferences = (options: CloudProactiveSenderOptions) => {
  const cache = new Map<TenantId, { reference: StoredConversationReference; readAt: number }>();
  const now = options.nowMs ?? Date.now;
  return {
    get: async (tenantId: TenantId): Promise<StoredConversationReference | undefined> => {
      const hit = cache.get(tenantId);
      if (hit !== undefined && now() - hit.readAt < REFERENCE_CACHE_MS) return hit.reference;
      const reference = await options.references.get(tenantId, TENANT_REFERENCE_KEY);
      if (reference === undefined) cache.delete(tenantId);
      else cache.set(tenantId, { reference, readAt: now() });
      return reference;
    },
    forget: (tenantId: TenantId): void => {
      cache.delete(tenantId);
    },
  };
};

/** The throttle signals of the proactive send under way, if any, for the connector client's pipeline. */
const throttleListeners = new AsyncLocalStorage<ThrottleSignals>();

interface PipelineLike {
  addPolicy(
    policy: {
      name: string;
      sendRequest: (request: unknown, next: (request: unknown) => Promise<ResponseLike>) => Promise<ResponseLike>;
    },
    options: { afterPhase: 'Retry' },
  ): void;
}
interface ResponseLike {
  readonly status: number;
  readonly headers: { get(name: string): string | undefined };
}

/**
 * The connector client retries a 429 by itself after its Retry-After, so the queue would hear of
 * it only when the retries ran out, while its other sends kept going into the pause. This adds a
 * policy inside the client's retry loop that tells the send under way of every 429 at once, so
 * the whole tenant pauses, and holds any request of the tenant's that is about to leave during a
 * pause. Every 429 is also counted in the telemetry (peer 'teams'), as Graph's and Cosmos's
 * are. Clients of another shape are left as they are.
 */
const listenForThrottling = (connector: unknown): void => {
  const pipeline = (connector as { client?: { pipeline?: PipelineLike } }).client?.pipeline;
  pipeline?.addPolicy(
    {
      name: 'proactiveThrottleSignal',
      sendRequest: async (request, next) => {
        const signals = throttleListeners.getStore();
        // The last moment before the request leaves: a pause that began since its pacing slot holds it.
        for (let wait = signals?.pausedForMs() ?? 0; wait > 0; wait = signals?.pausedForMs() ?? 0) {
          await new Promise((resolve) => setTimeout(resolve, wait));
        }
        const response = await next(request);
        if (response.status === 429) {
          recordThrottled('teams');
          signals?.throttled(parseRetryAfter(response.headers.get('retry-after'), Date.now()));
        }
        return response;
      },
    },
    { afterPhase: 'Retry' },
  );
};

type ConnectorFactorySource = { createConnectorFactory(claims: never): { create(...args: never[]): Promise<unknown> } };

/** Makes every connector client the adapter creates report 429s to the proactive send under way. */
export const reportThrottling = <T extends ConnectorFactorySource>(auth: T): T => {
  const createFactory = auth.createConnectorFactory.bind(auth);
  auth.createConnectorFactory = (claims) => {
    const factory = createFactory(claims);
    const create = factory.create.bind(factory);
    factory.create = async (...args) => {
      const connector = await create(...args);
      listenForThrottling(connector);
      return connector;
    };
    return factory;
  };
  return auth;
};

type Route = StoredConversationReference;
type Pace = (call: ConnectorCall) => Promise<void>;

const conversationFor = (reference: Route, tenantId: TenantId, personId: PersonId): ConversationParameters => ({
  isGroup: false,
  bot: { id: reference.botId, name: 'Performance conversations' },
  members: [{ id: personId, name: '' }],
  tenantId,
  channelData: { tenant: { id: tenantId } },
});

/**
 * Through the adapter's connector client for the service URL: open the chat, then post into it
 * as a turn in that chat would (from the bot, to the person), with no turn built around it.
 */
const sendThrough = async (
  source: ConnectorSource,
  botAppId: string,
  reference: Route,
  message: { tenantId: TenantId; personId: PersonId; card: AdaptiveCard },
  pace: Pace,
): Promise<string> => {
  const parameters = conversationFor(reference, message.tenantId, message.personId);
  const connector = await source.proactiveConnector(botAppId, reference.serviceUrl, BOT_FRAMEWORK_AUDIENCE);
  await pace('create-conversation');
  const { id: conversationId } = await connector.conversations.createConversation(parameters);
  if (conversationId === undefined) throw new AppError('unavailable', 'The Bot Connector opened no chat');
  await pace('post');
  const sent = await connector.conversations.sendToConversation(conversationId, {
    type: 'message',
    channelId: reference.channelId,
    serviceUrl: reference.serviceUrl,
    from: parameters.bot,
    recipient: { id: message.personId, name: '' },
    conversation: {
      id: conversationId,
      isGroup: false,
      conversationType: 'personal',
      tenantId: message.tenantId,
      name: '',
    },
    attachments: [CardFactory.adaptiveCard(message.card)],
  });
  return sent.id ?? '';
};

/** Through a turn the adapter builds for the new chat, for adapters that keep no connector clients. */
const sendInTurn = async (
  adapter: CloudAdapter,
  botAppId: string,
  reference: Route,
  message: { tenantId: TenantId; personId: PersonId; card: AdaptiveCard },
  pace: Pace,
): Promise<string> => {
  let activityId = '';
  // The adapter hands errors thrown inside the callback to onTurnError, which would hide a
  // refused send; keep the error and raise it here instead.
  let sendError: Error | undefined;
  await pace('create-conversation');
  await adapter.createConversationAsync(
    botAppId,
    reference.channelId,
    reference.serviceUrl,
    BOT_FRAMEWORK_AUDIENCE,
    conversationFor(reference, message.tenantId, message.personId),
    async (context) => {
      try {
        await pace('post');
        const sent = await context.sendActivity({ attachments: [CardFactory.adaptiveCard(message.card)] });
        activityId = sent?.id ?? '';
      } catch (error) {
        sendError =
          error instanceof Error ? error : new AppError('internal', 'The Bot Connector call failed', { cause: error });
      }
    },
  );
  if (sendError !== undefined) throw sendError;
  return activityId;
};

/**
 * Opens (or reopens: Teams returns the existing 1:1 chat) a personal chat with
 * the person through the tenant's stored service URL and posts the card.
 */
export const createCloudProactiveSender = (options: CloudProactiveSenderOptions): ProactiveSender => {
  const references = cachedReferences(options);
  const { adapter, botAppId } = options;
  const sendOnce = async (
    tenantId: TenantId,
    personId: PersonId,
    card: AdaptiveCard,
    pace: Pace,
  ): Promise<{ activityId: string }> => {
    const reference = await references.get(tenantId);
    if (reference === undefined) {
      throw new AppError('not-found', 'The app is not installed for this organisation yet');
    }
    const message = { tenantId, personId, card };
    let activityId: string;
    try {
      activityId = keepsConnectors(adapter)
        ? await sendThrough(adapter, botAppId, reference, message, pace)
        : await sendInTurn(adapter, botAppId, reference, message, pace);
    } catch (error) {
      const http = error as HttpLikeError;
      if (http.statusCode === 429) {
        const header = http.response?.headers?.get?.('retry-after');
        throw new ConnectorThrottled(parseRetryAfter(header, (options.nowMs ?? Date.now)()), { cause: error });
      }
      // The next attempt reads afresh where the tenant is reached, with a new client.
      references.forget(tenantId);
      if (keepsConnectors(adapter)) adapter.forgetConnector(botAppId, reference.serviceUrl, BOT_FRAMEWORK_AUDIENCE);
      throw error;
    }
    if (activityId === '') throw new AppError('unavailable', 'The Bot Connector accepted the message without an id');
    return { activityId };
  };
  return {
    send: (tenantId, personId, card, _key, pace = noPacing, throttle = unthrottled) =>
      throttleListeners.run(throttle, () => sendOnce(tenantId, personId, card, pace)),
  };
};
