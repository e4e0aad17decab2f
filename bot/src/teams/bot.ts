import { AppError, isAppError } from '@pc/core';
import { PERSONAL_VERBS, buildUnknownInputCard, isCardVerb, isTeamDeckVerb, type AdaptiveCard } from '@pc/core/cards';
import {
  CardFactory,
  CloudAdapter,
  TeamsActivityHandler,
  type Activity,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type TurnContext,
} from 'botbuilder';
import { CARD_ACTIONS, type CardData } from './actions.ts';
import { routeText, welcomeCard } from './commands.ts';
import { cardForError } from './error-cards.ts';
import { REFILLED_FORMS } from './handlers.ts';
import { createCloudProactiveSender } from './proactive-sender.ts';
import { onMeetingEnd } from './meeting.ts';
import { storeReferences } from './references.ts';
import { isTeamStartersCommand, startTeamDeckHere, teamDeckAction } from './team-deck.ts';
import { identityOf, type TeamsContext, type TurnIdentity } from './turn.ts';

const CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';
const MESSAGE_CONTENT_TYPE = 'application/vnd.microsoft.activity.message';
const SENT_PRIVATELY = 'I have sent you a private message.';
const PRIVATE_REPLY_FAILED =
  'That answer is only for you, and I could not reach your own chat with me. Open a chat with the app and ask there.';

/** Channels, group chats and meetings: anything about one person is answered in their own chat instead. */
const isSharedConversation = (activity: Activity): boolean => {
  // Typed as always present, but a client other than Teams may leave it out: that is a personal chat.
  const type: unknown = activity.conversation.conversationType;
  return typeof type === 'string' && type !== '' && type !== 'personal';
};

/** Botbuilder types an invoke's value as an object; a message response carries plain text there. */
const messageResponse = (text: string): AdaptiveCardInvokeResponse => ({
  statusCode: 200,
  type: MESSAGE_CONTENT_TYPE,
  value: text as unknown as Record<string, unknown>,
});

const isPersonalVerb = (verb: unknown): boolean => isCardVerb(verb) && PERSONAL_VERBS.has(verb);

/**
 * The bot's own app id is the audience of the channel's token for this turn; with no app id
 * configured (the local playground) the turn is anonymous and the id is empty, as for the sender.
 */
const botAppIdOf = (context: TurnContext): string => {
  const identity = context.turnState.get<{ getClaimValue?: (type: string) => string | null } | undefined>(
    context.adapter.BotIdentityKey,
  );
  return identity?.getClaimValue?.('aud') ?? '';
};

const asData = (value: unknown): CardData =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as CardData) : {};

/**
 * The Teams surface: text commands, card actions (Universal Actions invoke
 * and classic message submit) and installation. Each route is a table lookup;
 * the work happens in small handlers over core use cases.
 */
export class PerformanceBot extends TeamsActivityHandler {
  readonly #ctx: TeamsContext;

  constructor(ctx: TeamsContext) {
    super();
    this.#ctx = ctx;
    this.onMessage(async (context, next) => {
      if (isTeamStartersCommand(context.activity.text)) {
        await startTeamDeckHere(this.#ctx, context);
        await next();
        return;
      }
      const build = (turn: TurnIdentity) => this.#onMessage(context, turn);
      if (isSharedConversation(context.activity) && this.#isPersonalMessage(context)) {
        await this.#replyPrivately(context, build);
      } else {
        await this.#reply(context, build);
      }
      await next();
    });
    this.onInstallationUpdateAdd(async (context, next) => {
      await storeReferences(this.#ctx, context.activity);
      await this.#reply(context, (turn) => welcomeCard(this.#ctx, turn));
      await next();
    });
    this.onTeamsMeetingEndEvent(async (meeting, context, next) => {
      await onMeetingEnd(this.#ctx, meeting, context);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      const botId = context.activity.recipient.id;
      if (context.activity.membersAdded?.some((m) => m.id === botId) === true) {
        await storeReferences(this.#ctx, context.activity);
      }
      await next();
    });
  }

  /** Whether the answer to this message is about the person who sent it. */
  #isPersonalMessage(context: TurnContext): boolean {
    const value: unknown = context.activity.value;
    if (value !== undefined && value !== null) return isPersonalVerb(asData(value).verb);
    const route = routeText(typeof context.activity.text === 'string' ? context.activity.text : '');
    return route.kind !== 'unknown' && route.personal;
  }

  /**
   * In a channel, group chat or meeting, the answer goes to the person's own chat with the bot
   * and the shared conversation gets one short line, never the content.
   */
  async #replyPrivately(context: TurnContext, build: (turn: TurnIdentity) => Promise<AdaptiveCard>): Promise<void> {
    const card = await this.#cardFor(context, build);
    try {
      await this.#sendPrivately(context, card);
    } catch (error) {
      this.#ctx.logger.warn({ err: error }, 'private reply not delivered');
      await context.sendActivity(PRIVATE_REPLY_FAILED);
      return;
    }
    await context.sendActivity(SENT_PRIVATELY);
  }

  async #sendPrivately(context: TurnContext, card: AdaptiveCard): Promise<void> {
    const turn = identityOf(context.activity, this.#ctx.allowedTenants);
    // Where the tenant is reached may not be stored yet when the app was added to a team only.
    await storeReferences(this.#ctx, context.activity);
    const adapter = context.adapter;
    if (!(adapter instanceof CloudAdapter)) throw new AppError('internal', 'Private replies need the cloud adapter.');
    const sender = createCloudProactiveSender({
      adapter,
      botAppId: botAppIdOf(context),
      references: this.#ctx.references,
    });
    await sender.send(turn.tenantId, turn.userId, card, `private-${turn.activityId}`);
  }

  #onMessage(context: TurnContext, turn: TurnIdentity): Promise<AdaptiveCard> {
    const value: unknown = context.activity.value;
    const text = context.activity.text;
    if (value !== undefined && value !== null) {
      // A classic Action.Submit: the verb travels in the data.
      const data = asData(value);
      if (isTeamDeckVerb(data.verb)) return teamDeckAction(this.#ctx, context, data.verb, data);
      return this.#runAction(data.verb, turn, data);
    }
    const route = routeText(typeof text === 'string' ? text : '');
    return route.kind === 'unknown' ? Promise.resolve(buildUnknownInputCard()) : route.run(this.#ctx, turn);
  }

  async #runAction(verb: unknown, turn: TurnIdentity, data: CardData): Promise<AdaptiveCard> {
    if (!isCardVerb(verb) || isTeamDeckVerb(verb)) {
      throw new AppError('validation', 'That button is not one I know.', {
        details: [{ path: 'verb', message: 'This card is out of date; type help for the current options' }],
      });
    }
    try {
      return await CARD_ACTIONS[verb](this.#ctx, turn, data);
    } catch (error) {
      const refill = REFILLED_FORMS[verb];
      if (refill === undefined || !isAppError(error) || error.code !== 'validation' || error.details.length === 0) {
        throw error;
      }
      this.#ctx.logger.info({ verb, fields: error.details.map((d) => d.path) }, 'submission refused; form shown again');
      return refill(this.#ctx, turn, data, error.details);
    }
  }

  async #reply(context: TurnContext, build: (turn: TurnIdentity) => Promise<AdaptiveCard>): Promise<void> {
    await context.sendActivity({ attachments: [CardFactory.adaptiveCard(await this.#cardFor(context, build))] });
  }

  async #cardFor(context: TurnContext, build: (turn: TurnIdentity) => Promise<AdaptiveCard>): Promise<AdaptiveCard> {
    const correlationId = context.activity.id;
    try {
      return await build(identityOf(context.activity, this.#ctx.allowedTenants));
    } catch (error) {
      return cardForError(error, this.#ctx.logger, correlationId);
    }
  }

  /** Universal Actions: the returned card replaces the one the person acted on. */
  protected override async onAdaptiveCardInvoke(
    context: TurnContext,
    invokeValue: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    const verb: unknown = invokeValue.action.verb;
    if (isTeamDeckVerb(verb)) {
      // The team's shared card: each person gets their own view back; the deck updates the card for everyone.
      const deckCard = await this.#cardFor(context, () =>
        teamDeckAction(this.#ctx, context, verb, asData(invokeValue.action.data)),
      );
      return { statusCode: 200, type: CARD_CONTENT_TYPE, value: deckCard as unknown as Record<string, unknown> };
    }
    const card = await this.#cardFor(context, (turn) =>
      this.#runAction(invokeValue.action.verb, turn, asData(invokeValue.action.data)),
    );
    if (isSharedConversation(context.activity) && isPersonalVerb(invokeValue.action.verb)) {
      // The shared card stays as it is for everyone; only the person gets the answer, in their own chat.
      try {
        await this.#sendPrivately(context, card);
      } catch (error) {
        this.#ctx.logger.warn({ err: error }, 'private reply not delivered');
        return messageResponse(PRIVATE_REPLY_FAILED);
      }
      return messageResponse(SENT_PRIVATELY);
    }
    return { statusCode: 200, type: CARD_CONTENT_TYPE, value: card as unknown as Record<string, unknown> };
  }
}
