import { AppError, TENANT_REFERENCE_KEY, type ConversationReferenceStore } from '@pc/core';
import type { AdaptiveCard } from '@pc/core/cards';
import type { TeamDeck, TeamDeckChat } from '@pc/core/usecases';
import { CardFactory, type CloudAdapter, type ConversationReference, type TurnContext } from 'botbuilder';
import type { AppConfig } from '../config.ts';
import { createLogger } from '../logging.ts';
import { createBotAdapter } from './adapter.ts';

const TEAMS_CHANNEL = 'msteams';

interface Route {
  readonly serviceUrl: string;
  readonly channelId: string;
  readonly botId: string;
}

/**
 * A turn in the deck's conversation made without a message from it (the Bot Framework's
 * continueConversation), for one post or update. The adapter would hand an error thrown inside
 * to onTurnError, hiding it; it is kept and raised here instead.
 */
const inConversation = async <T>(
  adapter: CloudAdapter,
  botAppId: string,
  deck: TeamDeck,
  route: Route,
  act: (context: TurnContext) => Promise<T>,
): Promise<T> => {
  const reference: Partial<ConversationReference> = {
    channelId: route.channelId,
    serviceUrl: route.serviceUrl,
    bot: { id: route.botId, name: 'Performance conversations' },
    // A meeting's chat: the only conversation a deck is changed in from outside it.
    conversation: {
      id: deck.conversationId,
      isGroup: true,
      conversationType: 'groupChat',
      tenantId: deck.tenantId,
      name: '',
    },
  };
  let done: { value: T } | undefined;
  let failure: Error | undefined;
  await adapter.continueConversationAsync(botAppId, reference, async (context) => {
    try {
      done = { value: await act(context) };
    } catch (error) {
      failure =
        error instanceof Error ? error : new AppError('internal', 'The Bot Connector call failed', { cause: error });
    }
  });
  if (done === undefined) throw failure ?? new AppError('unavailable', 'The Bot Connector call did not complete');
  return done.value;
};

const activityOf = (card: AdaptiveCard) => ({ type: 'message', attachments: [CardFactory.adaptiveCard(card)] });

/**
 * Posts and updates a deck's shared card from outside a turn: through the address its message was
 * posted at, else where the organisation was reached when the app was installed.
 */
const createTeamDeckChat = (options: {
  readonly adapter: () => CloudAdapter;
  /** Empty in local playground mode. */
  readonly botAppId: string;
  readonly references: ConversationReferenceStore;
}): TeamDeckChat => {
  const { botAppId, references } = options;
  const ownBotId = `28:${botAppId}`;
  const installedAt = async (deck: TeamDeck): Promise<Route> => {
    const reference = await references.get(deck.tenantId, TENANT_REFERENCE_KEY);
    if (reference === undefined) throw new AppError('not-found', 'The app is not installed for this organisation yet');
    return reference;
  };
  return {
    post: async (deck, card) => {
      const route = await installedAt(deck);
      const sent = await inConversation(options.adapter(), botAppId, deck, route, (context) =>
        context.sendActivity(activityOf(card)),
      );
      if (sent?.id === undefined)
        throw new AppError('unavailable', 'The Bot Connector accepted the card without an id');
      return { messageId: sent.id, serviceUrl: route.serviceUrl };
    },
    update: async (deck, card) => {
      const route: Route =
        deck.serviceUrl === undefined
          ? await installedAt(deck)
          : { serviceUrl: deck.serviceUrl, channelId: TEAMS_CHANNEL, botId: ownBotId };
      await inConversation(options.adapter(), botAppId, deck, route, async (context) => {
        await context.updateActivity({ ...activityOf(card), id: deck.messageId });
      });
    },
  };
};

/**
 * The deck's chat for changes made in the tab, wherever the bot can run: with an app id, or in
 * local playground mode. Its adapter is made at first use and runs no incoming turns, so its
 * turn-error log is never written and stays silent.
 */
export const teamDeckChatFor = (
  config: AppConfig,
  references: ConversationReferenceStore,
): TeamDeckChat | undefined => {
  const localPlayground = config.env !== 'production' && config.localDevFakes;
  if (config.bot.appId === undefined && !localPlayground) return undefined;
  let adapter: CloudAdapter | undefined;
  return createTeamDeckChat({
    adapter: () =>
      (adapter ??= createBotAdapter({ ...config.bot, localPlayground }, createLogger({ level: 'silent' }))),
    botAppId: config.bot.appId ?? '',
    references,
  });
};
