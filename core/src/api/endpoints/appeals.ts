import * as appeals from '../appeals.ts';
import type { RouteDef } from '../route.ts';
import { base, empty } from './paths.ts';

const appeal = `${base}/appeals/:appealId`;

export const list = {
  method: 'GET',
  path: `${base}/appeals`,
  tag: 'appeals',
  summary: 'Appeals the caller takes part in (for HR every appeal: the queue), overdue first',
  query: appeals.appealListQuery,
  response: appeals.appealList,
} satisfies RouteDef;

export const lodge = {
  method: 'POST',
  path: `${base}/appeals`,
  tag: 'appeals',
  summary: 'Lodge an appeal against a review, in writing, within the scheme’s window',
  body: appeals.appealLodgeInput,
  response: appeals.appealView,
  status: 201,
} satisfies RouteDef;

export const get = {
  method: 'GET',
  path: appeal,
  tag: 'appeals',
  summary: 'One appeal as the caller may see it (grounds for the parties who read them; audited)',
  params: appeals.appealParams,
  response: appeals.appealView,
} satisfies RouteDef;

export const acknowledge = {
  method: 'POST',
  path: `${appeal}/acknowledge`,
  tag: 'appeals',
  summary: 'Acknowledge the appeal (003: within 7 calendar days)',
  params: appeals.appealParams,
  body: empty,
  response: appeals.appealView,
  ifMatch: true,
} satisfies RouteDef;

export const hearing = {
  method: 'PUT',
  path: `${appeal}/hearing`,
  tag: 'appeals',
  summary: 'Record the hearing: date, time, the HR member present and anyone accompanying',
  params: appeals.appealParams,
  body: appeals.hearingInput,
  response: appeals.appealView,
  ifMatch: true,
} satisfies RouteDef;

export const decide = {
  method: 'POST',
  path: `${appeal}/decision`,
  tag: 'appeals',
  summary: 'Record the written decision (final)',
  params: appeals.appealParams,
  body: appeals.decisionInput,
  response: appeals.appealView,
  ifMatch: true,
} satisfies RouteDef;

export const proposeExtension = {
  method: 'POST',
  path: `${appeal}/extensions`,
  tag: 'appeals',
  summary: 'Propose extending the timescale (002: varied by mutual consent)',
  params: appeals.appealParams,
  body: appeals.extensionInput,
  response: appeals.appealView,
  ifMatch: true,
} satisfies RouteDef;

export const agreeExtension = {
  method: 'POST',
  path: `${appeal}/extensions/:extensionId/agree`,
  tag: 'appeals',
  summary: 'Agree the extension the other party proposed',
  params: appeals.extensionParams,
  body: empty,
  response: appeals.appealView,
  ifMatch: true,
} satisfies RouteDef;

export const disagreements = {
  method: 'GET',
  path: `${base}/disagreements`,
  tag: 'appeals',
  summary: 'HR: disagreements with records (004), facts only, open unless asked otherwise',
  query: appeals.appealListQuery,
  response: appeals.disagreementList,
} satisfies RouteDef;

export const disagreementStep = {
  method: 'POST',
  path: `${base}/disagreements/:disagreementId`,
  tag: 'appeals',
  summary: 'HR: the disagreement form was sent, or the process is closed',
  params: appeals.disagreementParams,
  body: appeals.disagreementStepInput,
  response: appeals.disagreementView,
  ifMatch: true,
} satisfies RouteDef;
