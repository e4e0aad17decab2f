import { isAppError } from '@pc/core';
import {
  buildNoticeCard,
  buildTeamDeckCard,
  CARD_VERBS,
  DECK_ANSWER_FIELD,
  DECK_NAMED_FIELD,
  type AdaptiveCard,
  type TeamDeckVerb,
} from '@pc/core/cards';
import {
  answerTeamDeck,
  drawNextTeamCard,
  endTeamDeck,
  mayDrawNext,
  myDeckAnswer,
  namesAnswersByDefault,
  recordTeamDeckMessage,
  sharedDeckCard,
  sharedDeckCardInput,
  startTeamDeck,
  teamDeckById,
  themesForEveryone,
  type DeckActor,
  type TeamDeckView,
} from '@pc/core/usecases';
import { CardFactory, type TurnContext } from 'botbuilder';
import type { CardData } from './actions.ts';
import { normaliseText } from './commands.ts';
import { cardForError } from './error-cards.ts';
import { identityOf, type TeamsContext, type TurnIdentity } from './turn.ts';

/** "team starters" (or "team starter"), typed or sent by mentioning the bot in a channel. */
export const isTeamStartersCommand = (text: unknown): boolean =>
  typeof text === 'string' && /^team starters?[.!]?$/i.test(normaliseText(text));

const actorOf = (ctx: TeamsContext, context: TurnContext): DeckActor & TurnIdentity => ({
  ...identityOf(context.activity, ctx.allowedTenants),
  mri: context.activity.from.id,
});

/** One person's view: what they answered, whether they may draw next, and the organiser's controls and summary. */
const personalCard = async (
  ctx: TeamsContext,
  view: TeamDeckView,
  actor: DeckActor,
  notice?: string,
): Promise<AdaptiveCard> => {
  const mine = myDeckAnswer(view.deck, actor.userId);
  // Once ended, the organiser's view is the one with the themes: in a meeting chat, everyone sees it.
  const organiserView = view.deck.organiserId === actor.userId || themesForEveryone(view.deck);
  return buildTeamDeckCard({
    ...sharedDeckCardInput(view),
    viewer: {
      ...(mine === undefined ? {} : { answer: { text: mine.text, named: mine.authorName !== undefined } }),
      namedByDefault: await namesAnswersByDefault(ctx.deps, actor),
      mayDraw: mayDrawNext(view.deck, actor.userId),
      isOrganiser: organiserView,
    },
    ...(organiserView ? { themes: view.themes } : {}),
    ...(notice === undefined ? {} : { notice }),
  });
};

/**
 * "team starters" in a channel, group chat or meeting chat: posts the conversation's deck as
 * one shared card and remembers that message, so a new card can later be shown to everyone.
 */
export const startTeamDeckHere = async (ctx: TeamsContext, context: TurnContext): Promise<void> => {
  const { activity } = context;
  let card: AdaptiveCard;
  let view: TeamDeckView | undefined;
  try {
    const actor = actorOf(ctx, context);
    // Typed as always present, but a client other than Teams may leave it out: that is a personal chat.
    const type: unknown = activity.conversation.conversationType;
    if (typeof type !== 'string' || type === '' || type === 'personal') {
      card = buildNoticeCard('Team conversation starters', [
        'Team starters are for the whole team: type **team starters** in a channel, a group chat or a meeting chat where I have been added.',
      ]);
    } else {
      view = await startTeamDeck(ctx.deps, actor, activity.conversation.id, activity.id ?? '');
      card = sharedDeckCard(view);
    }
  } catch (error) {
    card = cardForError(error, ctx.logger, activity.id);
  }
  const sent = await context.sendActivity({ attachments: [CardFactory.adaptiveCard(card)] });
  if (view === undefined || sent?.id === undefined) return;
  await recordTeamDeckMessage(ctx.deps, actorOf(ctx, context), view.deck.id, activity.conversation.id, {
    messageId: sent.id,
    serviceUrl: activity.serviceUrl,
  });
  ctx.logger.info({ deckId: view.deck.id }, 'team deck posted');
};

type DeckStep = (
  ctx: TeamsContext,
  actor: DeckActor,
  deckId: string,
  conversationId: string,
  data: CardData,
  key: string,
) => Promise<TeamDeckView>;

const DECK_STEPS: Readonly<Record<TeamDeckVerb, DeckStep>> = {
  [CARD_VERBS.teamDeckAnswer]: (ctx, actor, deckId, conversationId, data, key) =>
    answerTeamDeck(
      ctx.deps,
      actor,
      deckId,
      conversationId,
      { text: data[DECK_ANSWER_FIELD], named: data[DECK_NAMED_FIELD] === 'true' },
      key,
    ),
  [CARD_VERBS.teamDeckNext]: (ctx, actor, deckId, conversationId, data) =>
    drawNextTeamCard(ctx.deps, actor, deckId, conversationId, data.position),
  [CARD_VERBS.teamDeckEnd]: (ctx, actor, deckId, conversationId) =>
    endTeamDeck(ctx.deps, actor, deckId, conversationId),
  [CARD_VERBS.teamDeckRefresh]: (ctx, actor, deckId, conversationId) =>
    teamDeckById(ctx.deps, actor, deckId, conversationId),
};

/** A refusal the person can act on (answer first, not the organiser) comes back as their view with the reason. */
const isExplained = (error: unknown): error is Error =>
  isAppError(error) && (error.code === 'forbidden' || error.code === 'validation');

/** The shared card changes for everyone: the message is updated, and listed clients refresh to their own view. */
const updateForEveryone = async (ctx: TeamsContext, context: TurnContext, view: TeamDeckView): Promise<void> => {
  const { messageId } = view.deck;
  if (messageId === undefined) return;
  try {
    // The latest copy, so an update that lands after a later one's still shows every answer it can.
    const latest = await teamDeckById(ctx.deps, actorOf(ctx, context), view.deck.id, view.deck.conversationId);
    await context.updateActivity({
      type: 'message',
      id: messageId,
      attachments: [CardFactory.adaptiveCard(sharedDeckCard(latest))],
    });
  } catch (error) {
    // Each person's refresh still shows the latest; the shared copy catches up at the next change.
    ctx.logger.warn({ err: error, deckId: view.deck.id }, 'team deck card not updated');
  }
};

/**
 * A press on the shared card (Universal Actions invoke): applies it, updates the shared card for
 * everyone when the deck changed, and answers with the person's own view.
 */
export const teamDeckAction = async (
  ctx: TeamsContext,
  context: TurnContext,
  verb: TeamDeckVerb,
  data: CardData,
): Promise<AdaptiveCard> => {
  const actor = actorOf(ctx, context);
  const deckId = typeof data.deckId === 'string' ? data.deckId : '';
  const conversationId = context.activity.conversation.id;
  try {
    const view = await DECK_STEPS[verb](ctx, actor, deckId, conversationId, data, actor.activityId);
    if (verb !== CARD_VERBS.teamDeckRefresh) await updateForEveryone(ctx, context, view);
    return await personalCard(ctx, view, actor);
  } catch (error) {
    if (!isExplained(error)) throw error;
    return personalCard(ctx, await teamDeckById(ctx.deps, actor, deckId, conversationId), actor, error.message);
  }
};
