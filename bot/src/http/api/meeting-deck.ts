import { drawNextMeetingCard, endMeetingDeck, meetingDeck, startMeetingDeck } from '@pc/core/usecases';
import type { Server } from 'restify';
import { registerApiRoute, type ApiContext } from './register.ts';

/** A meeting's team deck from its side panel and stage: the same use cases as the shared card in the chat. */
export const registerMeetingDeckRoutes = (server: Server, api: ApiContext): void => {
  registerApiRoute(server, api, 'meetings.deck.get', async (r) => ({
    body: await meetingDeck(r.deps, r.caller, r.params.chatId),
  }));
  registerApiRoute(server, api, 'meetings.deck.start', async (r) => ({
    body: await startMeetingDeck(r.deps, r.caller, r.params.chatId, r.idempotencyKey),
  }));
  registerApiRoute(server, api, 'meetings.deck.next', async (r) => ({
    body: await drawNextMeetingCard(r.deps, r.caller, r.params.chatId, r.body.number),
  }));
  registerApiRoute(server, api, 'meetings.deck.end', async (r) => ({
    body: await endMeetingDeck(r.deps, r.caller, r.params.chatId),
  }));
};
