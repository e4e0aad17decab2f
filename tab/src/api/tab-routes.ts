/**
 * The shared route table plus the routes the tab needs that the server does not offer yet. Each
 * extra is written with the same `defineRoute` so it can move into core's table unchanged.
 */
import { defineRoute, personParams, routes, team } from '@pc/core/api';
import { schemeResponse } from './scheme.ts';

export const missingRoutes = {
  'scheme.get': defineRoute({
    method: 'GET',
    path: '/api/v1/scheme',
    tag: 'people',
    summary: "My organisation's scheme pack: objective kinds, topics, sections, SMART prompts, rating scale",
    response: schemeResponse,
  }),
  'person.team': defineRoute({
    method: 'GET',
    path: '/api/v1/people/:personId/team',
    tag: 'people',
    summary: "Where each of a manager's reports stands (grandparent view; the caller manages that manager)",
    params: personParams,
    response: team,
  }),
} as const;

export const tabRoutes = { ...routes, ...missingRoutes } as const;
export type TabRoutes = typeof tabRoutes;
export type TabRouteId = keyof TabRoutes;
