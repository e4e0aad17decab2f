import * as deck from '../meeting-deck.ts';
import { meetingParams } from '../meetings.ts';
import type { RouteDef } from '../route.ts';
import { base } from './paths.ts';

const path = `${base}/meetings/:chatId/deck`;

export const get = {
  method: 'GET',
  path,
  tag: 'meetings',
  summary: "A meeting's team deck of conversation starters: the card showing, or the summary once ended",
  params: meetingParams,
  response: deck.meetingDeck,
} satisfies RouteDef;

export const start = {
  method: 'POST',
  path,
  tag: 'meetings',
  summary: 'Start a team deck for the meeting (or show the one open there); the caller runs it',
  params: meetingParams,
  response: deck.meetingDeck,
} satisfies RouteDef;

export const next = {
  method: 'POST',
  path: `${path}/next`,
  tag: 'meetings',
  summary: 'Draw the next card for everyone (whoever runs the deck)',
  params: meetingParams,
  body: deck.meetingDeckNext,
  response: deck.meetingDeck,
} satisfies RouteDef;

export const end = {
  method: 'POST',
  path: `${path}/end`,
  tag: 'meetings',
  summary: 'End the deck and give the summary of themes, without names (whoever runs the deck)',
  params: meetingParams,
  response: deck.meetingDeck,
} satisfies RouteDef;
