import {
  AGENDA_FIELD,
  buildDueCard,
  buildFeedbackConfirmationCard,
  buildFeedbackFormCard,
  buildHelpCard,
  buildObjectivesCard,
  buildPrepareCard,
  buildStarterCard,
  CARD_VERBS,
  dueCardItemsFrom,
  tabPageUrl,
  type AdaptiveCard,
  type CardVerb,
} from '@pc/core/cards';
import type { FieldIssue } from '@pc/core';
import type { FeedbackInput } from '@pc/core/feedback';
import {
  colleaguesOf,
  logFeedback,
  myDue,
  myObjectives,
  myPreparation,
  schemeNameFor,
  type StarterView,
} from '@pc/core/usecases';
import type { TeamsContext, TurnIdentity } from './turn.ts';

/**
 * Turn handlers: each calls one core use case and renders its result as a card. No rule
 * lives here; the action and command tables route to these.
 */
export type TurnHandler = (ctx: TeamsContext, turn: TurnIdentity) => Promise<AdaptiveCard>;

export const helpCard: TurnHandler = async (ctx, turn) => {
  const schemeName = await schemeNameFor(ctx.deps, turn);
  return buildHelpCard(schemeName === undefined ? {} : { schemeName });
};

export const feedbackFormCard: TurnHandler = async (ctx, turn) =>
  buildFeedbackFormCard({ selfId: turn.userId, colleagues: await colleaguesOf(ctx.deps, turn) });

/** A form refused with field problems comes back as the same form: what was typed, each problem beside its field. */
export type RefillHandler = (
  ctx: TeamsContext,
  turn: TurnIdentity,
  typed: Readonly<Record<string, unknown>>,
  issues: readonly FieldIssue[],
) => Promise<AdaptiveCard>;

const feedbackFormAgain: RefillHandler = async (ctx, turn, typed, issues) =>
  buildFeedbackFormCard({
    selfId: turn.userId,
    colleagues: await colleaguesOf(ctx.deps, turn),
    again: { typed, issues },
  });

/** Logs the note through the one feedback use case, keyed by the activity: a resent activity stores nothing new. */
export const logFeedbackCard = async (
  ctx: TeamsContext,
  turn: TurnIdentity,
  input: FeedbackInput,
): Promise<AdaptiveCard> => {
  const { entry, subject, alreadyRecorded, addedToAgenda } = await logFeedback(ctx.deps, turn, input, turn.activityId);
  ctx.logger.info({ feedbackId: entry.item.id, alreadyRecorded, addedToAgenda }, 'feedback logged');
  // Booking is for the person themselves or their line manager; a colleague is only told why.
  const aboutSelf = subject.id === turn.userId;
  const managesSubject = subject.jobs.some((j) => j.managerIds.includes(turn.userId));
  const bookUrl =
    ctx.tabUrl === undefined
      ? undefined
      : aboutSelf
        ? tabPageUrl(ctx.tabUrl, 'book')
        : managesSubject
          ? tabPageUrl(ctx.tabUrl, 'book', subject.id)
          : undefined;
  return buildFeedbackConfirmationCard({
    subjectName: subject.displayName,
    aboutSelf,
    kind: entry.item.kind,
    visibility: entry.item.visibility,
    addedToAgenda,
    agendaAsked: input.addToAgenda,
    alreadyRecorded,
    ...(bookUrl === undefined ? {} : { bookUrl }),
  });
};

export const dueCard: TurnHandler = async (ctx, turn) => {
  const { report, labels } = await myDue(ctx.deps, turn);
  return buildDueCard({ forName: 'You', items: dueCardItemsFrom(report, labels) });
};

export const objectivesCard: TurnHandler = async (ctx, turn) =>
  buildObjectivesCard({
    ownerName: 'You',
    objectives: (await myObjectives(ctx.deps, turn)).map((o) => ({
      title: o.title,
      status: o.status,
      progress: o.progress,
      horizon: o.horizon,
      ...(o.targetDate === undefined ? {} : { targetDate: o.targetDate }),
      missingSmart: [],
    })),
    ...(ctx.tabUrl === undefined ? {} : { tabUrl: tabPageUrl(ctx.tabUrl, 'objectives') }),
  });

const prepareCardWith = async (
  ctx: TeamsContext,
  turn: TurnIdentity,
  again?: { typed: string; problem: string },
): Promise<AdaptiveCard> => {
  const preparation = await myPreparation(ctx.deps, turn);
  return buildPrepareCard({
    conversationTitle: preparation.title ?? 'your next conversation',
    role: 'employee',
    ...(preparation.date === undefined ? {} : { date: preparation.date }),
    prompts: preparation.prompts,
    agenda: preparation.agenda,
    ...(again === undefined ? {} : { again }),
  });
};

export const prepareCard: TurnHandler = (ctx, turn) => prepareCardWith(ctx, turn);

const prepareFormAgain: RefillHandler = (ctx, turn, typed, issues) => {
  const value = typed[AGENDA_FIELD];
  return prepareCardWith(ctx, turn, {
    typed: typeof value === 'string' ? value : '',
    problem: issues.map((i) => i.message).join(' '),
  });
};

export const starterCard = ({ state, topics }: StarterView): AdaptiveCard =>
  buildStarterCard({
    starterId: state.id,
    audience: state.audience,
    topics,
    answers: state.answers,
    participantIds: state.participantIds,
  });

/** The verbs that submit a form, and how each form is shown again when its answers are refused. */
export const REFILLED_FORMS: Partial<Readonly<Record<CardVerb, RefillHandler>>> = {
  [CARD_VERBS.feedbackLog]: feedbackFormAgain,
  [CARD_VERBS.prepareAddAgenda]: prepareFormAgain,
};
