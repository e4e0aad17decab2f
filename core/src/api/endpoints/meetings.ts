import * as meetings from '../meetings.ts';
import type { RouteDef } from '../route.ts';
import { base } from './paths.ts';

export const panel = {
  method: 'GET',
  path: `${base}/meetings/:chatId/panel`,
  tag: 'meetings',
  summary: "A booked conversation's Teams meeting side panel: its agenda and starters, for the pair only",
  params: meetings.meetingParams,
  response: meetings.meetingPanel,
} satisfies RouteDef;
