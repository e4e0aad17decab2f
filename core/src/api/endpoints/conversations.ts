import { z } from 'zod';
import * as conv from '../conversations.ts';
import * as people from '../people.ts';
import { page } from '../primitives.ts';
import type { RouteDef } from '../route.ts';
import { empty, person } from './paths.ts';

export const list = {
  method: 'GET',
  path: `${person}/conversations`,
  tag: 'conversations',
  summary: 'Conversation history (full for the pair, facts for others)',
  params: people.personParams,
  query: conv.conversationListQuery,
  response: page(conv.conversationView),
} satisfies RouteDef;

export const create = {
  method: 'POST',
  path: `${person}/conversations`,
  tag: 'conversations',
  summary: 'Record a conversation',
  params: people.personParams,
  body: conv.conversationInput,
  response: conv.conversationFull,
  status: 201,
} satisfies RouteDef;

export const get = {
  method: 'GET',
  path: `${person}/conversations/:conversationId`,
  tag: 'conversations',
  summary: 'One conversation',
  params: conv.conversationParams,
  response: conv.conversationView,
} satisfies RouteDef;

export const update = {
  method: 'PATCH',
  path: `${person}/conversations/:conversationId`,
  tag: 'conversations',
  summary: 'Record notes, issues, actions, sections or rating',
  params: conv.conversationParams,
  body: conv.conversationPatch,
  response: conv.conversationFull,
  ifMatch: true,
} satisfies RouteDef;

export const agree = {
  method: 'POST',
  path: `${person}/conversations/:conversationId/agree`,
  tag: 'conversations',
  summary: 'Agree the record',
  params: conv.conversationParams,
  body: empty,
  response: conv.conversationFull,
  ifMatch: true,
} satisfies RouteDef;

export const releaseRating = {
  method: 'POST',
  path: `${person}/conversations/:conversationId/release-rating`,
  tag: 'conversations',
  summary: 'Release a reviewed pay recommendation to the colleague (002 Step 3)',
  params: conv.conversationParams,
  body: empty,
  response: conv.conversationFacts,
  ifMatch: true,
} satisfies RouteDef;

export const disagree = {
  method: 'POST',
  path: `${person}/conversations/:conversationId/disagree`,
  tag: 'conversations',
  summary: 'Record a disagreement with the record',
  params: conv.conversationParams,
  body: conv.disagreementInput,
  response: conv.conversationFull,
  ifMatch: true,
} satisfies RouteDef;

export const appealWindow = {
  method: 'GET',
  path: `${person}/conversations/:conversationId/appeal`,
  tag: 'conversations',
  summary: 'Whether an appeal can be lodged, by when and to whom',
  params: conv.conversationParams,
  response: conv.appealWindow,
} satisfies RouteDef;

export const appeal = {
  method: 'POST',
  path: `${person}/conversations/:conversationId/appeal`,
  tag: 'conversations',
  summary: 'Lodge an appeal',
  params: conv.conversationParams,
  body: conv.appealInput,
  response: conv.conversationFull,
  ifMatch: true,
} satisfies RouteDef;

export const exceptionalAccess = {
  method: 'POST',
  path: `${person}/conversations/:conversationId/exceptional-access`,
  tag: 'conversations',
  summary: 'Open a record with a stated reason (audited)',
  params: conv.conversationParams,
  body: conv.exceptionalAccessInput,
  response: conv.conversationFull,
} satisfies RouteDef;

export const exportForm = {
  method: 'GET',
  path: `${person}/conversations/:conversationId/form.pdf`,
  tag: 'exports',
  summary: 'The completed annual review form as PDF',
  params: conv.conversationParams,
  response: z.string(),
  produces: 'application/pdf',
} satisfies RouteDef;
