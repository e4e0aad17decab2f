import { z } from 'zod';
import * as conv from '../conversations.ts';
import * as people from '../people.ts';
import * as team from '../team.ts';
import { page, pageQuery } from '../primitives.ts';
import type { RouteDef } from '../route.ts';
import { base, ok, person } from './paths.ts';

export const themesGet = {
  method: 'GET',
  path: `${person}/team-themes`,
  tag: 'team',
  summary: "A manager's Team Themes; null until the first save",
  params: people.personParams,
  response: team.teamThemes.nullable(),
} satisfies RouteDef;

export const themesPut = {
  method: 'PUT',
  path: `${person}/team-themes`,
  tag: 'team',
  summary: 'Record Team Themes for my senior manager',
  params: people.personParams,
  body: team.teamThemesInput,
  response: team.teamThemes,
} satisfies RouteDef;

export const personWellbeing = {
  method: 'GET',
  path: `${person}/wellbeing`,
  tag: 'team',
  summary: 'How the person last said they are doing at a check-in (the person and their line manager only)',
  params: people.personParams,
  response: team.wellbeing,
} satisfies RouteDef;

export const compliance = {
  method: 'GET',
  path: `${person}/compliance`,
  tag: 'team',
  summary: "Reviews on time for a manager's whole team this quarter, with a page of the overdue reviews",
  params: people.personParams,
  query: people.dueListQuery,
  response: team.compliance,
} satisfies RouteDef;

export const personHandover = {
  method: 'POST',
  path: `${person}/handover`,
  tag: 'team',
  summary: 'Record the handover between old and new manager',
  params: people.personParams,
  body: team.handoverInput,
  response: ok,
  status: 201,
} satisfies RouteDef;

export const personAudit = {
  method: 'GET',
  path: `${person}/audit`,
  tag: 'people',
  summary: "Who opened a person's records, and why",
  params: people.personParams,
  query: pageQuery,
  response: page(team.auditEvent),
} satisfies RouteDef;

export const personSubjectAccess = {
  method: 'GET',
  path: `${person}/subject-access`,
  tag: 'exports',
  summary: 'Everything held about me (UK GDPR subject access); for the person themselves only (audited)',
  params: people.personParams,
  response: z.record(z.string(), z.unknown()),
} satisfies RouteDef;

export const personSubjectAccessRequest = {
  method: 'POST',
  path: `${person}/subject-access`,
  tag: 'exports',
  summary: 'HR fulfilling a subject-access request for someone: a stated reason, audited where the person sees it',
  params: people.personParams,
  body: conv.exceptionalAccessInput,
  response: z.record(z.string(), z.unknown()),
} satisfies RouteDef;

export const exportsCompletions = {
  method: 'GET',
  path: `${base}/exports/completions.csv`,
  tag: 'exports',
  summary: 'Completion records for the HR system (e.g. iTrent)',
  query: z.object({ from: people.dueQuery.shape.on, to: people.dueQuery.shape.on }),
  response: z.string(),
  produces: 'text/csv',
} satisfies RouteDef;
