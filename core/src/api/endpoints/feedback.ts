import * as feedback from '../feedback.ts';
import * as people from '../people.ts';
import { page, pageQuery } from '../primitives.ts';
import type { RouteDef } from '../route.ts';
import { base, person } from './paths.ts';

export const create = {
  method: 'POST',
  path: `${base}/feedback`,
  tag: 'feedback',
  summary: 'Log in-the-moment feedback',
  body: feedback.feedbackInput,
  response: feedback.feedbackLogged,
  status: 201,
} satisfies RouteDef;

export const list = {
  method: 'GET',
  path: `${person}/feedback`,
  tag: 'feedback',
  summary: 'In-the-moment feedback about a person that I may see',
  params: people.personParams,
  query: pageQuery,
  response: page(feedback.feedbackEntry),
} satisfies RouteDef;
