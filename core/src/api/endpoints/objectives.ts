import * as obj from '../objectives.ts';
import * as people from '../people.ts';
import { page, pageQuery } from '../primitives.ts';
import type { RouteDef } from '../route.ts';
import { base, person } from './paths.ts';

export const list = {
  method: 'GET',
  path: `${person}/objectives`,
  tag: 'objectives',
  summary: "A person's objectives",
  params: people.personParams,
  query: pageQuery,
  response: page(obj.objective),
} satisfies RouteDef;

export const create = {
  method: 'POST',
  path: `${person}/objectives`,
  tag: 'objectives',
  summary: 'Add an objective',
  params: people.personParams,
  body: obj.objectiveInput,
  response: obj.objective,
  status: 201,
} satisfies RouteDef;

export const get = {
  method: 'GET',
  path: `${person}/objectives/:objectiveId`,
  tag: 'objectives',
  summary: 'One objective',
  params: obj.objectiveParams,
  response: obj.objective,
} satisfies RouteDef;

export const update = {
  method: 'PATCH',
  path: `${person}/objectives/:objectiveId`,
  tag: 'objectives',
  summary: 'Change an objective or record progress',
  params: obj.objectiveParams,
  body: obj.objectivePatch,
  response: obj.objective,
  ifMatch: true,
} satisfies RouteDef;

export const smartCheck = {
  method: 'POST',
  path: `${base}/objectives/smart-check`,
  tag: 'objectives',
  summary: 'Which SMART letters an objective draft is missing, and why',
  body: obj.objectiveFields.partial(),
  response: obj.smartCheck,
} satisfies RouteDef;
