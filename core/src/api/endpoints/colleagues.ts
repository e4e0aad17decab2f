import { z } from 'zod';
import * as people from '../people.ts';
import { page, pageQuery } from '../primitives.ts';
import type { RouteDef } from '../route.ts';
import { base } from './paths.ts';

/** The people I work with (the one colleague rule of feedback): whom the note form offers. */
export const meColleagues = {
  method: 'GET',
  path: `${base}/me/colleagues`,
  tag: 'people',
  summary: 'The colleagues I work with, by name: whom I may log feedback about',
  query: pageQuery,
  response: page(z.object({ id: z.string(), displayName: z.string() })),
} satisfies RouteDef;

/** Finding someone outside one's own line, to act on a request about them (HR, auditors, senior managers). */
export const peopleSearch = {
  method: 'GET',
  path: `${base}/people`,
  tag: 'people',
  summary: 'People in my organisation whose name or email contains the words typed (HR, auditors, senior managers)',
  query: z.object({ q: z.string().trim().max(200) }),
  response: z.object({ items: z.array(people.personSummary) }),
} satisfies RouteDef;
