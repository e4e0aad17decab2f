import type { AdaptiveCard } from '../cards/elements.ts';
import { buildTeamDeckCard, type TeamDeckCardInput } from '../cards/team-deck-card.ts';
import type { PersonId, TenantId } from '../domain/people.ts';
import { AppError } from '../errors.ts';
import { stableId } from '../feedback/ids.ts';
import type { TeamDeck, TeamDeckAnswer, TeamDeckMessage } from '../ports/team-deck.ts';
import { retryOnConflict } from './concurrency.ts';
import { loadActor } from './context.ts';
import type { Caller, UseCaseDeps } from './deps.ts';
import { packOf } from './scheme.ts';
import { teamDeckCards, type TeamDeckCard } from './team-deck-content.ts';

/** Someone acting on a team deck in Teams: the caller, the name they may choose to show, and their Teams user id. */
export interface DeckActor extends Caller {
  readonly userName: string;
  /** The Teams user id (MRI) their client refreshes the card under. */
  readonly mri: string;
}

export interface TeamDeckView {
  readonly deck: TeamDeck;
  /** The card showing; undefined if the scheme no longer has it. */
  readonly card: TeamDeckCard | undefined;
  readonly total: number;
  /** What the team said on each card drawn so far, without names: the organiser's summary at the end. */
  readonly themes: readonly DeckTheme[];
}

/** One drawn card's answers for the summary: the words only, never who wrote them. */
export interface DeckTheme {
  readonly title: string;
  readonly prompt: string;
  readonly answers: readonly string[];
}

export const TEAM_DECK_ANSWER_MAX = 500;
/** Teams refreshes a card automatically for at most 60 listed people. */
const MAX_REFRESH_IDS = 60;
/** Everyone in a meeting may answer at once: enough tries that none is lost. */
const ATTEMPTS = 10;

/** A channel reply's conversation id names its thread; the deck belongs to the conversation. */
export const deckConversationOf = (conversationId: string): string => conversationId.split(';')[0] ?? conversationId;

export const teamDeckIdFor = (tenantId: TenantId, conversationId: string): string =>
  stableId('team-deck', tenantId, deckConversationOf(conversationId));

const gone = (): AppError => new AppError('not-found', 'This deck of conversation starters is no longer available.');
const ended = (): AppError =>
  new AppError('validation', 'This deck has ended. Type "team starters" to start a new one.', {
    details: [{ path: 'deck', message: 'This deck has ended' }],
  });

const themesOf = (deck: TeamDeck, cards: readonly TeamDeckCard[]): DeckTheme[] =>
  deck.cardIds.slice(0, deck.position + 1).flatMap((id) => {
    const card = cards.find((c) => c.id === id);
    const answers = deck.answers.filter((a) => a.cardId === id).map((a) => a.text);
    return card === undefined || answers.length === 0 ? [] : [{ title: card.title, prompt: card.prompt, answers }];
  });

const viewOf = async (deps: UseCaseDeps, tenantId: TenantId, deck: TeamDeck): Promise<TeamDeckView> => {
  const tenant = await deps.repos.tenants.get(tenantId);
  if (tenant === undefined) throw new AppError('forbidden', 'Your organisation has not been set up yet.');
  const cards = teamDeckCards(packOf(tenant.item));
  return {
    deck,
    card: cards.find((c) => c.id === deck.cardIds[deck.position]),
    total: deck.cardIds.length,
    themes: themesOf(deck, cards),
  };
};

const withRefresh = (deck: TeamDeck, mri: string): readonly string[] =>
  deck.refreshIds.includes(mri) || deck.refreshIds.length >= MAX_REFRESH_IDS
    ? deck.refreshIds
    : [...deck.refreshIds, mri];

/**
 * Starts the conversation's deck, or shows the one still open there (a resent command shows the
 * same deck). The deck is the scheme's own starters, beginning at a different card each day.
 */
export const startTeamDeck = async (
  deps: UseCaseDeps,
  actor: DeckActor,
  conversationId: string,
  idempotencyKey: string,
): Promise<TeamDeckView> => {
  const { tenant } = await loadActor(deps, actor);
  const ids = teamDeckCards(packOf(tenant)).map((c) => c.id);
  if (ids.length === 0) throw new AppError('not-found', 'Your scheme has no conversation starters yet.');
  const offset = Number(deps.clock.today().replace(/-/g, '')) % ids.length;
  const fresh: TeamDeck = {
    tenantId: actor.tenantId,
    id: teamDeckIdFor(actor.tenantId, conversationId),
    conversationId: deckConversationOf(conversationId),
    organiserId: actor.userId,
    cardIds: [...ids.slice(offset), ...ids.slice(0, offset)],
    position: 0,
    refreshIds: [actor.mri],
    answers: [],
    status: 'open',
    startedBy: idempotencyKey,
    startedAt: deps.clock.now(),
  };
  const deck = await retryOnConflict(
    async () => {
      const stored = await deps.repos.teamDecks.get(actor.tenantId, fresh.id);
      if (stored === undefined) return (await deps.repos.teamDecks.create(fresh))?.item ?? fresh;
      if (stored.item.status === 'open' || stored.item.startedBy === idempotencyKey) return stored.item;
      return (await deps.repos.teamDecks.replace(fresh, stored.etag)).item;
    },
    { attempts: ATTEMPTS },
  );
  return viewOf(deps, actor.tenantId, deck);
};

/**
 * Reads the deck, applies `change` and writes it with the ETag it read, again on a fresh copy
 * when someone else wrote first. `change` returns undefined when there is nothing to write.
 */
const changeDeck = async (
  deps: UseCaseDeps,
  actor: DeckActor,
  deckId: string,
  conversationId: string,
  change: (deck: TeamDeck) => TeamDeck | undefined,
): Promise<TeamDeckView> => {
  const deck = await retryOnConflict(
    async () => {
      const stored = await deps.repos.teamDecks.get(actor.tenantId, deckId);
      if (stored === undefined || stored.item.conversationId !== deckConversationOf(conversationId)) throw gone();
      const next = change(stored.item);
      return next === undefined ? stored.item : (await deps.repos.teamDecks.replace(next, stored.etag)).item;
    },
    { attempts: ATTEMPTS, message: 'Many people acted at once; please try again.' },
  );
  return viewOf(deps, actor.tenantId, deck);
};

/** The deck as it is now. */
export const teamDeckById = async (
  deps: UseCaseDeps,
  actor: DeckActor,
  deckId: string,
  conversationId: string,
): Promise<TeamDeckView> => changeDeck(deps, actor, deckId, conversationId, () => undefined);

export interface DeckAnswerInput {
  readonly text: unknown;
  /** The person chose to put their name to the answer; otherwise it is shown without one. */
  readonly named: boolean;
}

/** Adds (or changes) the person's answer to the card showing; once per idempotency key. */
export const answerTeamDeck = async (
  deps: UseCaseDeps,
  actor: DeckActor,
  deckId: string,
  conversationId: string,
  input: DeckAnswerInput,
  idempotencyKey: string,
): Promise<TeamDeckView> => {
  const text = typeof input.text === 'string' ? input.text.trim() : '';
  if (text === '') {
    throw new AppError('validation', 'Write an answer first.', {
      details: [{ path: 'answer', message: 'Write an answer first' }],
    });
  }
  return changeDeck(deps, actor, deckId, conversationId, (deck) => {
    if (deck.status === 'ended') throw ended();
    if (deck.answers.some((a) => a.activityId === idempotencyKey)) return undefined;
    const cardId = deck.cardIds[deck.position] ?? '';
    const answer: TeamDeckAnswer = {
      cardId,
      authorId: actor.userId,
      text: text.slice(0, TEAM_DECK_ANSWER_MAX),
      ...(input.named ? { authorName: actor.userName } : {}),
      activityId: idempotencyKey,
    };
    const others = deck.answers.filter((a) => !(a.cardId === cardId && a.authorId === actor.userId));
    return { ...deck, answers: [...others, answer], refreshIds: withRefresh(deck, actor.mri) };
  });
};

/** Whether the person chose, on their settings page, to show their name with their answers unless they say otherwise. */
export const namesAnswersByDefault = async (deps: UseCaseDeps, caller: Caller): Promise<boolean> =>
  (await deps.repos.nudges.get(caller.tenantId, caller.userId))?.namedAnswers === true;

/** The person's own answer to the card showing, if they gave one. */
export const myDeckAnswer = (deck: TeamDeck, personId: PersonId): TeamDeckAnswer | undefined =>
  deck.answers.find((a) => a.cardId === deck.cardIds[deck.position] && a.authorId === personId);

/** Who may draw the next card: the organiser, and anyone who has answered the one showing; never past the last. */
export const mayDrawNext = (deck: TeamDeck, personId: PersonId): boolean =>
  deck.status === 'open' &&
  deck.position < deck.cardIds.length - 1 &&
  (deck.organiserId === personId || myDeckAnswer(deck, personId) !== undefined);

/**
 * Draws the next card for everyone. `fromPosition` is the card the person saw: when two press
 * "next" at once the deck moves on by one card, not two.
 */
export const drawNextTeamCard = (
  deps: UseCaseDeps,
  actor: DeckActor,
  deckId: string,
  conversationId: string,
  fromPosition: unknown,
): Promise<TeamDeckView> =>
  changeDeck(deps, actor, deckId, conversationId, (deck) => {
    if (deck.status === 'ended') throw ended();
    if (fromPosition !== deck.position) return undefined;
    if (!mayDrawNext(deck, actor.userId)) {
      throw new AppError('forbidden', 'Answer this card first; then you can draw the next one.');
    }
    return { ...deck, position: deck.position + 1, refreshIds: withRefresh(deck, actor.mri) };
  });

/** Ends the deck; only whoever started it may. */
export const endTeamDeck = (
  deps: UseCaseDeps,
  actor: DeckActor,
  deckId: string,
  conversationId: string,
): Promise<TeamDeckView> =>
  changeDeck(deps, actor, deckId, conversationId, (deck) => {
    if (deck.organiserId !== actor.userId) {
      throw new AppError('forbidden', 'Only the person who started this deck can end it.');
    }
    if (deck.status === 'ended') return undefined;
    return { ...deck, status: 'ended', endedAt: deps.clock.now() };
  });

/**
 * Remembers the shared card's message and the Bot Connector address it went through, so a new
 * card can be shown to everyone by updating it, from a turn in the conversation or from outside one.
 */
export const recordTeamDeckMessage = (
  deps: UseCaseDeps,
  actor: DeckActor,
  deckId: string,
  conversationId: string,
  { messageId, serviceUrl }: TeamDeckMessage,
): Promise<TeamDeckView> =>
  changeDeck(deps, actor, deckId, conversationId, ({ cardPosting, ...deck }) =>
    deck.messageId === messageId && deck.serviceUrl === serviceUrl && cardPosting === undefined
      ? undefined
      : { ...deck, messageId, serviceUrl },
  );

/** How long a claim to post a deck's first card holds off others: far longer than a post takes. */
const CARD_POSTING_MS = 30_000;

/**
 * Claims the posting of an open deck's first card for a change made outside the chat (ETag-guarded,
 * so of changes made at the same moment one claims it). The deck as it is then, when this call
 * claimed it; undefined when the deck has a card already, has ended, or another change is posting.
 */
export const claimTeamDeckCardPost = async (
  deps: UseCaseDeps,
  actor: DeckActor,
  deckId: string,
  conversationId: string,
): Promise<TeamDeckView | undefined> => {
  const now = deps.clock.now();
  const claim = { by: deps.newId(), since: now };
  const view = await changeDeck(deps, actor, deckId, conversationId, (deck) => {
    const posting = deck.cardPosting;
    const held = posting !== undefined && Date.parse(posting.since) + CARD_POSTING_MS > Date.parse(now);
    return deck.messageId !== undefined || deck.status !== 'open' || held ? undefined : { ...deck, cardPosting: claim };
  });
  return view.deck.cardPosting?.by === claim.by ? view : undefined;
};

/** Gives up a claim to post the deck's first card (the post failed), so the next change posts it. */
export const releaseTeamDeckCardPost = async (
  deps: UseCaseDeps,
  actor: DeckActor,
  deckId: string,
  conversationId: string,
  by: string,
): Promise<void> => {
  await changeDeck(deps, actor, deckId, conversationId, ({ cardPosting, ...deck }) =>
    cardPosting?.by === by ? deck : undefined,
  );
};

/**
 * Whether everyone in the conversation sees an ended deck's themes (the words only, never names):
 * in a Teams meeting's chat, whose members are the meeting's, as its side panel and stage show them
 * to everyone in the meeting; elsewhere only whoever started the deck.
 */
export const themesForEveryone = (deck: TeamDeck): boolean =>
  deck.status === 'ended' && deck.conversationId.startsWith('19:meeting_');

/** What everyone in the conversation sees of the deck: the card showing and its answers (a name only where chosen). */
export const sharedDeckCardInput = ({ deck, card, total }: TeamDeckView): TeamDeckCardInput => ({
  deckId: deck.id,
  status: deck.status,
  position: deck.position,
  total,
  ...(card === undefined ? {} : { prompt: card }),
  answers: deck.answers.filter((a) => a.cardId === deck.cardIds[deck.position]),
  refreshIds: deck.refreshIds,
});

/** The one shared card of the deck in its conversation; once a meeting chat's deck has ended, it carries the themes. */
export const sharedDeckCard = (view: TeamDeckView): AdaptiveCard =>
  buildTeamDeckCard({
    ...sharedDeckCardInput(view),
    // The ended card shows the themes to the view it is built for as the organiser's: here, everyone's.
    ...(themesForEveryone(view.deck) ? { viewer: { mayDraw: false, isOrganiser: true }, themes: view.themes } : {}),
  });
