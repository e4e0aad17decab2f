import * as home from '../home.ts';
import type { RouteDef } from '../route.ts';
import { base } from './paths.ts';

export const meHome = {
  method: 'GET',
  path: `${base}/me/home`,
  tag: 'people',
  summary: 'The first screen in one call: who I am, my scheme, what is due, my objectives and my conversations',
  response: home.home,
} satisfies RouteDef;
