import { AppError } from '@pc/core';
import { buildUnknownInputCard, isCardVerb, type AdaptiveCard } from '@pc/core/cards';
import {
  CardFactory,
  TeamsActivityHandler,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type TurnContext,
} from 'botbuilder';
import { CARD_ACTIONS, type CardData } from './actions.ts';
import { routeText, welcomeCard } from './commands.ts';
import { cardForError } from './error-cards.ts';
import { storeReferences } from './references.ts';
import { identityOf, type TeamsContext, type TurnIdentity } from './turn.ts';

const CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

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
      await this.#reply(context, (turn) => this.#onMessage(context, turn));
      await next();
    });
    this.onInstallationUpdateAdd(async (context, next) => {
      await storeReferences(this.#ctx, context.activity);
      await this.#reply(context, (turn) => welcomeCard(this.#ctx, turn));
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

  #onMessage(context: TurnContext, turn: TurnIdentity): Promise<AdaptiveCard> {
    const value: unknown = context.activity.value;
    const text = context.activity.text;
    if (value !== undefined && value !== null) {
      // A classic Action.Submit: the verb travels in the data.
      const data = asData(value);
      return this.#runAction(data.verb, turn, data);
    }
    const route = routeText(typeof text === 'string' ? text : '');
    return route.kind === 'unknown' ? Promise.resolve(buildUnknownInputCard()) : route.run(this.#ctx, turn);
  }

  #runAction(verb: unknown, turn: TurnIdentity, data: CardData): Promise<AdaptiveCard> {
    if (!isCardVerb(verb)) {
      throw new AppError('validation', 'That button is not one I know.', {
        details: [{ path: 'verb', message: 'This card is out of date; type help for the current options' }],
      });
    }
    return CARD_ACTIONS[verb](this.#ctx, turn, data);
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
    const card = await this.#cardFor(context, (turn) =>
      this.#runAction(invokeValue.action.verb, turn, asData(invokeValue.action.data)),
    );
    return { statusCode: 200, type: CARD_CONTENT_TYPE, value: card as unknown as Record<string, unknown> };
  }
}
