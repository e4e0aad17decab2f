import { meetingPanel } from '@pc/core/usecases';
import type { Server } from 'restify';
import { registerApiRoute, type ApiContext } from './register.ts';

/** The side panel of a booked conversation's Teams meeting. */
export const registerMeetingRoutes = (server: Server, api: ApiContext): void => {
  registerApiRoute(server, api, 'meetings.panel', async (r) => ({
    body: await meetingPanel(r.deps, r.caller, r.params.chatId),
  }));
};
