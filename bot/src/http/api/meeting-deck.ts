import {
  drawNextMeetingCard,
  endMeetingDeck,
  meetingDeck,
  showMeetingDeckInChat,
  startMeetingDeck,
  type Caller,
  type MeetingDeck,
  type UseCaseDeps,
} from '@pc/core/usecases';
import type { Server } from 'restify';
import type { Logger } from '../../logging.ts';
import { registerApiRoute, type ApiContext, type ApiReply } from './register.ts';

interface DeckChange {
  readonly deps: UseCaseDeps;
  readonly caller: Caller;
  readonly params: { readonly chatId: string };
  readonly logger: Logger;
}

/** How long the answer to a change waits for the chat's card to follow; a slow Teams finishes after it. */
const CHAT_CARD_WAIT_MS = 2_000;

/**
 * The change is written; the deck's shared card in the meeting chat then follows it, as a press on
 * the card does. That update never fails the request, nor holds it long when Teams is slow: a card
 * not updated catches up at the next change or when someone refreshes it.
 */
const shownInChat = async (r: DeckChange, deck: MeetingDeck): Promise<ApiReply> => {
  const shown = showMeetingDeckInChat(r.deps, r.caller, r.params.chatId).catch((error: unknown) => {
    r.logger.warn({ err: error }, 'meeting deck card in the chat not updated');
  });
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([shown, new Promise((resolve) => (timer = setTimeout(resolve, CHAT_CARD_WAIT_MS)))]);
  clearTimeout(timer);
  return { body: deck };
};

/** A meeting's team deck from its side panel and stage: the same use cases as the shared card in the chat. */
export const registerMeetingDeckRoutes = (server: Server, api: ApiContext): void => {
  registerApiRoute(server, api, 'meetings.deck.get', async (r) => ({
    body: await meetingDeck(r.deps, r.caller, r.params.chatId),
  }));
  registerApiRoute(server, api, 'meetings.deck.start', async (r) =>
    shownInChat(r, await startMeetingDeck(r.deps, r.caller, r.params.chatId, r.idempotencyKey)),
  );
  registerApiRoute(server, api, 'meetings.deck.next', async (r) =>
    shownInChat(r, await drawNextMeetingCard(r.deps, r.caller, r.params.chatId, r.body.number)),
  );
  registerApiRoute(server, api, 'meetings.deck.end', async (r) =>
    shownInChat(r, await endMeetingDeck(r.deps, r.caller, r.params.chatId)),
  );
};
