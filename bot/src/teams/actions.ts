import { AppError } from '@pc/core';
import {
  buildNoticeCard,
  CARD_VERBS,
  formatDate,
  starterAnswerField,
  WELLBEING_FIELD,
  type AdaptiveCard,
  type CardVerb,
  type TeamDeckVerb,
} from '@pc/core/cards';
import { parseFeedbackSubmission } from '@pc/core/feedback';
import {
  addMyAgendaItem,
  answerStarter,
  openStarter,
  optOutOfCheckins,
  recordWellbeing,
  snoozeCheckins,
  starterById,
} from '@pc/core/usecases';
import {
  dueCard,
  feedbackFormCard,
  helpCard,
  logFeedbackCard,
  objectivesCard,
  prepareCard,
  starterCard,
  type TurnHandler,
} from './handlers.ts';
import { bookChosenSlot, offerBookingCard } from './booking.ts';
import type { TeamsContext, TurnIdentity } from './turn.ts';

export type CardData = Readonly<Record<string, unknown>>;
export type ActionHandler = (ctx: TeamsContext, turn: TurnIdentity, data: CardData) => Promise<AdaptiveCard>;

const REMINDERS_STILL_COME = 'Reminders about required reviews still come, so nothing formal is missed.';

const starterIdOf = (data: CardData): string => {
  const id = data.starterId;
  if (typeof id !== 'string' || id === '') {
    throw new AppError('validation', 'This card is out of date.', {
      details: [{ path: 'starterId', message: 'Missing' }],
    });
  }
  return id;
};

/** The check-in's "How are you doing?" travels with whichever button was pressed. */
const wellbeingLines = async (ctx: TeamsContext, turn: TurnIdentity, data: CardData): Promise<string[]> =>
  (await recordWellbeing(ctx.deps, turn, data[WELLBEING_FIELD])) === undefined
    ? []
    : ['Thank you for saying how you are doing; only you and your line manager can see it.'];

const snooze: ActionHandler = async (ctx, turn, data) => {
  const until = await snoozeCheckins(ctx.deps, turn);
  return buildNoticeCard('Snoozed for a week', [
    `No reminders about regular conversations until ${formatDate(until)}.`,
    REMINDERS_STILL_COME,
    ...(await wellbeingLines(ctx, turn, data)),
  ]);
};

const optOut: ActionHandler = async (ctx, turn) => {
  await optOutOfCheckins(ctx.deps, turn);
  return buildNoticeCard('Nudges turned off', [
    'You will not get reminders about regular conversations. Type **due** any time to see what is coming up.',
    REMINDERS_STILL_COME,
  ]);
};

const book: ActionHandler = async (ctx, turn, data) =>
  offerBookingCard(ctx, turn, await wellbeingLines(ctx, turn, data));

const addAgendaItem: ActionHandler = async (ctx, turn, data) => {
  if (!(await addMyAgendaItem(ctx.deps, turn, data.agendaItem, turn.activityId))) {
    return buildNoticeCard('Nothing booked yet', ['Book your next conversation first; then add items to its agenda.']);
  }
  return prepareCard(ctx, turn);
};

const withoutData =
  (handler: TurnHandler): ActionHandler =>
  (ctx, turn) =>
    handler(ctx, turn);

/**
 * Every verb a card can send, and the one handler for it. The type makes a missing verb a compile error.
 * The team deck's verbs are routed by the deck (team-deck.ts): they need the conversation they came from.
 */
export const CARD_ACTIONS: Readonly<Record<Exclude<CardVerb, TeamDeckVerb>, ActionHandler>> = {
  [CARD_VERBS.feedbackOpen]: withoutData(feedbackFormCard),
  [CARD_VERBS.feedbackLog]: (ctx, turn, data) => logFeedbackCard(ctx, turn, parseFeedbackSubmission(data)),
  [CARD_VERBS.starterOpen]: async (ctx, turn) => starterCard(await openStarter(ctx.deps, turn, turn.activityId)),
  [CARD_VERBS.starterAnswer]: async (ctx, turn, data) =>
    starterCard(
      await answerStarter(
        ctx.deps,
        turn,
        starterIdOf(data),
        (topicId) => data[starterAnswerField(topicId)],
        turn.activityId,
      ),
    ),
  [CARD_VERBS.starterRefresh]: async (ctx, turn, data) =>
    starterCard(await starterById(ctx.deps, turn, starterIdOf(data))),
  [CARD_VERBS.checkinBook]: book,
  [CARD_VERBS.checkinSnooze]: snooze,
  [CARD_VERBS.checkinOptOut]: optOut,
  [CARD_VERBS.bookingBook]: bookChosenSlot,
  [CARD_VERBS.dueShow]: withoutData(dueCard),
  [CARD_VERBS.objectivesShow]: withoutData(objectivesCard),
  [CARD_VERBS.prepareShow]: withoutData(prepareCard),
  [CARD_VERBS.prepareAddAgenda]: addAgendaItem,
  [CARD_VERBS.helpShow]: withoutData(helpCard),
};
