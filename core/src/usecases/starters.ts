import { STARTER_ANSWER_MAX } from '../cards/starter-card.ts';
import type { PersonId } from '../domain/people.ts';
import { AppError } from '../errors.ts';
import { stableId } from '../feedback/ids.ts';
import { currentManagerIds } from '../permissions/relationships.ts';
import type { StarterState } from '../ports/engagement.ts';
import type { SchemePack } from '../scheme/types.ts';
import { retryOnConflict } from './concurrency.ts';
import type { Caller, UseCaseDeps } from './deps.ts';
import { loadOwnRecord } from './self-service.ts';

type Topic = SchemePack['topics'][number];

export interface StarterView {
  readonly state: StarterState;
  /** One or two of the scheme's topics, in the starter's order. */
  readonly topics: readonly [Topic] | readonly [Topic, Topic];
}

const gone = (): AppError => new AppError('not-found', 'This conversation starter is no longer available.');

const viewOf = (pack: SchemePack, state: StarterState): StarterView => {
  const [first, second] = pack.topics.filter((t) => state.topicIds.includes(t.id));
  if (first === undefined) throw gone();
  return { state, topics: second === undefined ? [first] : [first, second] };
};

/**
 * The topics a new starter shows: up to two (never more than the scheme allows in one
 * conversation), rotating by day so repeated requests do not always show the same ones.
 */
export const topicsForDay = (pack: SchemePack, today: string): string[] => {
  const count = Math.min(2, Math.max(1, pack.topicsPerConversation.max), pack.topics.length);
  if (count === 0) throw new AppError('not-found', 'Your scheme has no conversation topics yet.');
  const offset = Number(today.replace(/-/g, '')) % pack.topics.length;
  return Array.from({ length: count }, (_, i) => pack.topics[(offset + i) % pack.topics.length]?.id ?? '');
};

/** Who may answer a starter: the person who opened it and their line managers (a pair); anyone for a team. */
export const mayAnswerStarter = (state: StarterState, personId: PersonId): boolean =>
  state.audience === 'team' || state.participantIds.includes(personId);

/** A new pair starter, once per idempotency key (the Teams activity): a resent request shows the same one. */
export const openStarter = async (deps: UseCaseDeps, caller: Caller, idempotencyKey: string): Promise<StarterView> => {
  const { me, pack } = await loadOwnRecord(deps, caller);
  const state: StarterState = {
    tenantId: caller.tenantId,
    id: stableId('starter', caller.tenantId, idempotencyKey),
    audience: 'pair',
    topicIds: topicsForDay(pack, deps.clock.today()),
    participantIds: [caller.userId, ...currentManagerIds(me)],
    answers: [],
    createdAt: deps.clock.now(),
  };
  await deps.repos.starters.create(state); // false when a resent request already made it
  const stored = await deps.repos.starters.get(caller.tenantId, state.id);
  return viewOf(pack, stored?.item ?? state);
};

/** The starter as it is now, with everyone's answers so far. */
export const starterById = async (deps: UseCaseDeps, caller: Caller, id: string): Promise<StarterView> => {
  const { pack } = await loadOwnRecord(deps, caller);
  const stored = await deps.repos.starters.get(caller.tenantId, id);
  if (stored === undefined) throw gone();
  return viewOf(pack, stored.item);
};

export interface StarterAnswerer extends Caller {
  readonly userName: string;
}

/**
 * Adds the person's answers (`answerFor` reads one topic's answer from what they sent);
 * everyone on the card sees them at the next refresh. Once per idempotency key.
 */
export const answerStarter = async (
  deps: UseCaseDeps,
  caller: StarterAnswerer,
  id: string,
  answerFor: (topicId: string) => unknown,
  idempotencyKey: string,
): Promise<StarterView> => {
  const { pack } = await loadOwnRecord(deps, caller);
  return retryOnConflict(
    async () => {
      const stored = await deps.repos.starters.get(caller.tenantId, id);
      if (stored === undefined) throw gone();
      const state = stored.item;
      if (!mayAnswerStarter(state, caller.userId)) {
        throw new AppError('forbidden', 'Only the two people in this conversation can answer here.');
      }
      const fresh = state.topicIds.flatMap((topicId) => {
        const value = answerFor(topicId);
        const text = typeof value === 'string' ? value.trim().slice(0, STARTER_ANSWER_MAX) : '';
        return text === ''
          ? []
          : [{ topicId, authorId: caller.userId, authorName: caller.userName, text, activityId: idempotencyKey }];
      });
      if (fresh.length === 0) {
        throw new AppError('validation', 'Write an answer first.', {
          details: [{ path: 'answer', message: 'Write an answer to at least one topic' }],
        });
      }
      if (state.answers.some((a) => a.activityId === idempotencyKey)) return viewOf(pack, state);
      const next = { ...state, answers: [...state.answers, ...fresh] };
      await deps.repos.starters.replace(next, stored.etag);
      return viewOf(pack, next);
    },
    { message: 'Several people answered at once; please send yours again.' },
  );
};
