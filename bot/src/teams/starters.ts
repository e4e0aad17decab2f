import { AppError, type SchemeId } from '@pc/core';
import {
  buildStarterCard,
  starterAnswerField,
  STARTER_ANSWER_MAX,
  type AdaptiveCard,
  type StarterTopic,
} from '@pc/core/cards';
import { stableId } from '@pc/core/feedback';
import { isAppError } from '@pc/core';
import { currentManagersOf } from './colleagues.ts';
import type { TeamsBotDeps } from './deps.ts';
import type { StarterState } from './ports.ts';
import type { TurnIdentity } from './turn.ts';
import { whoIs } from './views.ts';

const topicsFor = (deps: TeamsBotDeps, schemeId: SchemeId, ids: readonly string[]): StarterTopic[] =>
  deps.scheme(schemeId).topics.filter((t) => ids.includes(t.id));

const render = (deps: TeamsBotDeps, schemeId: SchemeId, state: StarterState): AdaptiveCard => {
  const [first, second] = topicsFor(deps, schemeId, state.topicIds);
  if (first === undefined) throw new AppError('not-found', 'This conversation starter is no longer available.');
  return buildStarterCard({
    starterId: state.id,
    audience: state.audience,
    topics: second === undefined ? [first] : [first, second],
    answers: state.answers,
    participantIds: state.participantIds,
  });
};

/** A new pair starter: topics rotate by day so repeated requests do not always show the same ones. */
export const openStarter = async (deps: TeamsBotDeps, turn: TurnIdentity): Promise<AdaptiveCard> => {
  const { tenant, me } = await whoIs(deps, turn);
  const scheme = deps.scheme(tenant.schemeId);
  const count = Math.min(2, Math.max(1, scheme.topicsPerConversation.max), scheme.topics.length);
  if (count === 0) throw new AppError('not-found', 'Your scheme has no conversation topics yet.');
  const offset = Number(deps.clock.today().replace(/-/g, '')) % scheme.topics.length;
  const topicIds = Array.from(
    { length: count },
    (_, i) => scheme.topics[(offset + i) % scheme.topics.length]?.id ?? '',
  );
  const state: StarterState = {
    tenantId: turn.tenantId,
    id: stableId('starter', turn.tenantId, turn.activityId),
    audience: 'pair',
    topicIds,
    participantIds: [turn.userId, ...currentManagersOf(me)],
    answers: [],
    createdAt: deps.clock.now(),
  };
  await deps.starters.create(state); // a resent request finds its starter already there
  const stored = await deps.starters.get(turn.tenantId, state.id);
  return render(deps, tenant.schemeId, stored?.item ?? state);
};

const starterIdOf = (data: Readonly<Record<string, unknown>>): string => {
  const id = data.starterId;
  if (typeof id !== 'string' || id === '') {
    throw new AppError('validation', 'This card is out of date.', {
      details: [{ path: 'starterId', message: 'Missing' }],
    });
  }
  return id;
};

export const refreshStarter = async (
  deps: TeamsBotDeps,
  turn: TurnIdentity,
  data: Readonly<Record<string, unknown>>,
) => {
  const { tenant } = await whoIs(deps, turn);
  const stored = await deps.starters.get(turn.tenantId, starterIdOf(data));
  if (stored === undefined) throw new AppError('not-found', 'This conversation starter is no longer available.');
  return render(deps, tenant.schemeId, stored.item);
};

/** Adds the person's answers; everyone on the card sees them at the next refresh. */
export const answerStarter = async (
  deps: TeamsBotDeps,
  turn: TurnIdentity,
  data: Readonly<Record<string, unknown>>,
) => {
  const { tenant } = await whoIs(deps, turn);
  const id = starterIdOf(data);
  for (let attempt = 0; attempt < 3; attempt++) {
    const stored = await deps.starters.get(turn.tenantId, id);
    if (stored === undefined) throw new AppError('not-found', 'This conversation starter is no longer available.');
    const state = stored.item;
    if (!state.participantIds.includes(turn.userId) && state.audience === 'pair') {
      throw new AppError('forbidden', 'Only the two people in this conversation can answer here.');
    }
    const fresh = state.topicIds.flatMap((topicId) => {
      const value = data[starterAnswerField(topicId)];
      const text = typeof value === 'string' ? value.trim().slice(0, STARTER_ANSWER_MAX) : '';
      return text === ''
        ? []
        : [{ topicId, authorId: turn.userId, authorName: turn.userName, text, activityId: turn.activityId }];
    });
    if (fresh.length === 0) {
      throw new AppError('validation', 'Write an answer first.', {
        details: [{ path: 'answer', message: 'Write an answer to at least one topic' }],
      });
    }
    if (state.answers.some((a) => a.activityId === turn.activityId)) return render(deps, tenant.schemeId, state);
    const next = { ...state, answers: [...state.answers, ...fresh] };
    try {
      await deps.starters.replace(next, stored.etag);
      return render(deps, tenant.schemeId, next);
    } catch (error) {
      if (!(isAppError(error) && error.code === 'conflict')) throw error;
    }
  }
  throw new AppError('conflict', 'Several people answered at once; please send yours again.');
};
