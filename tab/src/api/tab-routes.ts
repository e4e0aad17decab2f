/**
 * The shared route table, with the scheme route read through the tab's own narrower schema
 * (only the parts of a scheme pack the pages use).
 */
import { defineRoute, routes } from '@pc/core/api';
import { schemeResponse } from './scheme.ts';

export const missingRoutes = {
  'scheme.get': defineRoute({
    method: 'GET',
    path: '/api/v1/scheme',
    tag: 'people',
    summary: "My organisation's scheme pack: objective kinds, topics, sections, SMART prompts, rating scale",
    response: schemeResponse,
  }),
} as const;

export const tabRoutes = { ...routes, ...missingRoutes } as const;
export type TabRoutes = typeof tabRoutes;
export type TabRouteId = keyof TabRoutes;
