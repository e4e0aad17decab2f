import { addDays, AppError } from '@pc/core';
import {
  buildNoticeCard,
  CARD_VERBS,
  FEEDBACK_FIELDS,
  formatDate,
  SNOOZE_DAYS,
  type AdaptiveCard,
  type CardVerb,
} from '@pc/core/cards';
import { parseFeedbackSubmission } from '@pc/core/feedback';
import { stableId } from '@pc/core/feedback';
import { colleagueRecord } from './colleagues.ts';
import type { TeamsBotDeps } from './deps.ts';
import { logFeedback } from './feedback-flow.ts';
import { answerStarter, openStarter, refreshStarter } from './starters.ts';
import type { TurnIdentity } from './turn.ts';
import { dueView, feedbackFormView, helpView, nextBooked, objectivesView, prepareView } from './views.ts';

export type CardData = Readonly<Record<string, unknown>>;
export type ActionHandler = (deps: TeamsBotDeps, turn: TurnIdentity, data: CardData) => Promise<AdaptiveCard>;

const logFeedbackAction: ActionHandler = async (deps, turn, data) => {
  const chosen = data[FEEDBACK_FIELDS.subjectId];
  const colleague =
    typeof chosen === 'string' ? await colleagueRecord(deps.directory, turn.tenantId, turn.userId, chosen) : undefined;
  const colleagueIds = colleague === undefined ? [] : [colleague.id];
  const command = parseFeedbackSubmission(data, {
    ...turn,
    authorId: turn.userId,
    now: deps.clock.now(),
    colleagueIds,
  });
  return logFeedback(deps, command, colleague);
};

const snooze: ActionHandler = async (deps, turn) => {
  const until = addDays(deps.clock.today(), SNOOZE_DAYS);
  const current = await deps.nudges.get(turn.tenantId, turn.userId);
  await deps.nudges.put({
    tenantId: turn.tenantId,
    id: turn.userId,
    optedOut: current?.optedOut ?? false,
    snoozedUntil: until,
    updatedAt: deps.clock.now(),
  });
  return buildNoticeCard('Snoozed for a week', [
    `No reminders about regular conversations until ${formatDate(until)}.`,
    'Reminders about required reviews still come, so nothing formal is missed.',
  ]);
};

const optOut: ActionHandler = async (deps, turn) => {
  await deps.nudges.put({
    tenantId: turn.tenantId,
    id: turn.userId,
    optedOut: true,
    updatedAt: deps.clock.now(),
  });
  return buildNoticeCard('Nudges turned off', [
    'You will not get reminders about regular conversations. Type **due** any time to see what is coming up.',
    'Reminders about required reviews still come, so nothing formal is missed.',
  ]);
};

const book: ActionHandler = (deps) =>
  Promise.resolve(
    buildNoticeCard(
      'Book your conversation',
      ['Open the app to pick a time that suits you both; it checks both calendars and sends the invitation.'],
      deps.tabUrl === undefined ? undefined : [{ type: 'Action.OpenUrl', title: 'Open the app', url: deps.tabUrl }],
    ),
  );

const addAgendaItem: ActionHandler = async (deps, turn, data) => {
  const raw = data.agendaItem;
  const text = typeof raw === 'string' ? raw.trim() : '';
  if (text === '' || text.length > 300) {
    throw new AppError('validation', 'Some answers need another look.', {
      details: [
        { path: 'agendaItem', message: text === '' ? 'Write what you want to raise' : 'Keep it under 300 characters' },
      ],
    });
  }
  const next = await nextBooked(deps, turn);
  if (next === undefined) {
    return buildNoticeCard('Nothing booked yet', ['Book your next conversation first; then add items to its agenda.']);
  }
  const stored = await deps.store.conversations.get(turn.tenantId, turn.userId, next.id);
  if (stored === undefined) throw new AppError('not-found', 'That conversation is no longer available.');
  const id = stableId('agenda', turn.tenantId, turn.activityId);
  if (!stored.item.agenda.some((a) => a.id === id)) {
    const agenda = [...stored.item.agenda, { id, text, source: 'employee' as const }];
    await deps.store.conversations.update({ ...stored.item, agenda, updatedAt: deps.clock.now() }, stored.etag);
  }
  return prepareView(deps, turn);
};

/** Every verb a card can send, and the one handler for it. The type makes a missing verb a compile error. */
export const CARD_ACTIONS: Readonly<Record<CardVerb, ActionHandler>> = {
  [CARD_VERBS.feedbackOpen]: (deps, turn) => feedbackFormView(deps, turn),
  [CARD_VERBS.feedbackLog]: logFeedbackAction,
  [CARD_VERBS.starterOpen]: (deps, turn) => openStarter(deps, turn),
  [CARD_VERBS.starterAnswer]: answerStarter,
  [CARD_VERBS.starterRefresh]: refreshStarter,
  [CARD_VERBS.checkinBook]: book,
  [CARD_VERBS.checkinSnooze]: snooze,
  [CARD_VERBS.checkinOptOut]: optOut,
  [CARD_VERBS.dueShow]: (deps, turn) => dueView(deps, turn),
  [CARD_VERBS.objectivesShow]: (deps, turn) => objectivesView(deps, turn),
  [CARD_VERBS.prepareShow]: (deps, turn) => prepareView(deps, turn),
  [CARD_VERBS.prepareAddAgenda]: addAgendaItem,
  [CARD_VERBS.helpShow]: (deps, turn) => helpView(deps, turn),
};
