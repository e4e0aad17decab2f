import * as people from '../people.ts';
import { schemeView } from '../scheme.ts';
import type { RouteDef } from '../route.ts';
import { base, person } from './paths.ts';

export const meGet = {
  method: 'GET',
  path: `${base}/me`,
  tag: 'people',
  summary: 'Who I am, my organisation and scheme',
  response: people.me,
} satisfies RouteDef;

export const schemeGet = {
  method: 'GET',
  path: `${base}/scheme`,
  tag: 'people',
  summary: "My organisation's scheme: conversation types, topics, sections, objective kinds, SMART prompts, ratings",
  response: schemeView,
} satisfies RouteDef;

export const meTeam = {
  method: 'GET',
  path: `${base}/me/team`,
  tag: 'people',
  summary: 'Where each of my reports stands, a page at a time by name',
  query: people.dueListQuery,
  response: people.team,
} satisfies RouteDef;

export const personTeam = {
  method: 'GET',
  path: `${person}/team`,
  tag: 'people',
  summary: "Where each of another manager's reports stands (for those above them and HR), a page at a time",
  params: people.personParams,
  query: people.dueListQuery,
  response: people.team,
} satisfies RouteDef;

export const personGet = {
  method: 'GET',
  path: person,
  tag: 'people',
  summary: 'A person in my organisation',
  params: people.personParams,
  response: people.personSummary,
} satisfies RouteDef;

export const personDue = {
  method: 'GET',
  path: `${person}/due`,
  tag: 'conversations',
  summary: 'What conversations are due, upcoming and overdue, and why',
  params: people.personParams,
  query: people.dueQuery,
  response: people.dueReport,
} satisfies RouteDef;
