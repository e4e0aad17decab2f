import { AppError } from '../errors.ts';
import type { TeamDeckMessage } from '../ports/team-deck.ts';
import { loadActor } from './context.ts';
import type { Caller, UseCaseDeps } from './deps.ts';
import { meetingPairOf } from './meeting.ts';
import {
  drawNextTeamCard,
  endTeamDeck,
  claimTeamDeckCardPost,
  recordTeamDeckMessage,
  releaseTeamDeckCardPost,
  sharedDeckCard,
  startTeamDeck,
  teamDeckById,
  teamDeckIdFor,
  type DeckActor,
  type DeckTheme,
  type TeamDeckView,
} from './team-deck.ts';

/**
 * A meeting's team deck as its side panel and stage show it: the deck the bot runs in the
 * meeting chat (the same store and rules), seen from the meeting's chat id. Whoever started it
 * runs it: only they draw the next card and end it.
 */
export type MeetingDeck =
  | { readonly kind: 'none' }
  | {
      readonly kind: 'deck';
      readonly status: 'open' | 'ended';
      /** 1 for the first card. */
      readonly number: number;
      readonly total: number;
      readonly card?: { readonly title: string; readonly prompt: string; readonly followUps: readonly string[] };
      /** The caller started the deck: their side panel holds the controls. */
      readonly runsIt: boolean;
      readonly mayDrawNext: boolean;
      /** Once ended, what the team said on each card, without names. */
      readonly themes: readonly DeckTheme[];
    };

/** Teams' user id form for an Entra user: the deck lists it for the shared card's refresh. */
const mriOf = (caller: Caller): string => `8:orgid:${caller.userId}`;

const actorOf = async (deps: UseCaseDeps, caller: Caller): Promise<DeckActor> => {
  const { employee } = await loadActor(deps, caller);
  return { ...caller, userName: employee.displayName, mri: mriOf(caller) };
};

const meetingDeckOf = ({ deck, card, total, themes }: TeamDeckView, caller: Caller): MeetingDeck => {
  const runsIt = deck.organiserId === caller.userId;
  return {
    kind: 'deck',
    status: deck.status,
    number: deck.position + 1,
    total,
    ...(card === undefined ? {} : { card: { title: card.title, prompt: card.prompt, followUps: card.followUps } }),
    runsIt,
    mayDrawNext: runsIt && deck.status === 'open' && deck.position < total - 1,
    themes: deck.status === 'ended' ? themes : [],
  };
};

const notInMeeting = (): AppError =>
  new AppError('forbidden', 'Only the people in this meeting can see or run its deck of conversation starters.');

const samePerson = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/**
 * Refuses anyone who is not in the meeting: its chat's members as Graph lists them; without Graph,
 * those the app already knows took part (the booked conversation's pair, whoever started the deck
 * and whoever answered on its card in the meeting chat).
 */
const mustBeInMeeting = async (
  deps: UseCaseDeps,
  caller: Caller,
  chatId: string,
  /** For a change to the deck: members read past any cache. */
  fresh: boolean,
): Promise<void> => {
  let known: readonly string[];
  if (deps.meetingMembers === undefined) {
    const stored = await deps.repos.teamDecks.get(caller.tenantId, teamDeckIdFor(caller.tenantId, chatId));
    const deck = stored?.item;
    known = [
      ...(await meetingPairOf(deps, caller.tenantId, chatId)),
      ...(deck === undefined ? [] : [deck.organiserId, ...deck.answers.map((a) => a.authorId)]),
    ];
  } else {
    known = await deps.meetingMembers.membersOf(caller.tenantId, chatId, { fresh });
  }
  if (!known.some((id) => samePerson(id, caller.userId))) throw notInMeeting();
};

/** The meeting's deck as it is now, or none yet. */
export const meetingDeck = async (deps: UseCaseDeps, caller: Caller, chatId: string): Promise<MeetingDeck> => {
  await mustBeInMeeting(deps, caller, chatId, false);
  const actor = await actorOf(deps, caller);
  const id = teamDeckIdFor(caller.tenantId, chatId);
  if ((await deps.repos.teamDecks.get(caller.tenantId, id)) === undefined) return { kind: 'none' };
  return meetingDeckOf(await teamDeckById(deps, actor, id, chatId), caller);
};

/** Starts a deck for the meeting (or shows the one already open there); the caller runs it. */
export const startMeetingDeck = async (
  deps: UseCaseDeps,
  caller: Caller,
  chatId: string,
  idempotencyKey: string | undefined,
): Promise<MeetingDeck> => {
  await mustBeInMeeting(deps, caller, chatId, true);
  const view = await startTeamDeck(deps, await actorOf(deps, caller), chatId, idempotencyKey ?? deps.newId());
  return meetingDeckOf(view, caller);
};

/** Draws the next card for everyone; from the meeting only whoever runs the deck may. */
export const drawNextMeetingCard = async (
  deps: UseCaseDeps,
  caller: Caller,
  chatId: string,
  fromNumber: number,
): Promise<MeetingDeck> => {
  await mustBeInMeeting(deps, caller, chatId, true);
  const actor = await actorOf(deps, caller);
  const id = teamDeckIdFor(caller.tenantId, chatId);
  const current = await teamDeckById(deps, actor, id, chatId);
  if (current.deck.organiserId !== caller.userId) {
    throw new AppError('forbidden', 'Only the person who started this deck can draw the next card.');
  }
  return meetingDeckOf(await drawNextTeamCard(deps, actor, id, chatId, fromNumber - 1), caller);
};

/** Ends the deck and gives the summary of themes; only whoever started it may. */
export const endMeetingDeck = async (deps: UseCaseDeps, caller: Caller, chatId: string): Promise<MeetingDeck> => {
  await mustBeInMeeting(deps, caller, chatId, true);
  const view = await endTeamDeck(deps, await actorOf(deps, caller), teamDeckIdFor(caller.tenantId, chatId), chatId);
  return meetingDeckOf(view, caller);
};

/**
 * Shows the meeting's deck as it now is on its shared card in the meeting chat, for those following
 * there: updates the card's message, or posts one while the deck is open and the chat has none yet
 * (it was started from the side panel). Called once the caller's change has been written: it reads
 * the latest copy and changes nothing of the deck but where its card is. It fails when Teams cannot
 * be reached; the deck stays as written, and the card catches up at the next change or refresh.
 */
export const showMeetingDeckInChat = async (deps: UseCaseDeps, caller: Caller, chatId: string): Promise<void> => {
  const chat = deps.repos.teamDecks.chat;
  if (chat === undefined) return;
  // Only reads and records where the card is: no name is needed.
  const actor: DeckActor = { ...caller, userName: '', mri: mriOf(caller) };
  const view = await teamDeckById(deps, actor, teamDeckIdFor(caller.tenantId, chatId), chatId);
  const { deck } = view;
  if (deck.messageId !== undefined) {
    await chat.update({ ...deck, messageId: deck.messageId }, sharedDeckCard(view));
    return;
  }
  const claimed = await claimTeamDeckCardPost(deps, actor, deck.id, chatId);
  // Another change is posting the card (it shows whatever it finds once posted), or there is one now.
  if (claimed === undefined) return;
  let message: TeamDeckMessage;
  try {
    message = await chat.post(claimed.deck, sharedDeckCard(claimed));
  } catch (error) {
    await releaseTeamDeckCardPost(deps, actor, deck.id, chatId, claimed.deck.cardPosting?.by ?? '');
    throw error;
  }
  const recorded = await recordTeamDeckMessage(deps, actor, deck.id, chatId, message);
  // A change made while the card was on its way (one that left the posting to this one): the card
  // catches up with it now.
  const [was, now] = [claimed.deck, recorded.deck];
  if (now.position !== was.position || now.status !== was.status || now.answers.length !== was.answers.length) {
    await chat.update({ ...recorded.deck, messageId: message.messageId }, sharedDeckCard(recorded));
  }
};
