import { z } from 'zod';
import * as org from '../organisation.ts';
import type { RouteDef } from '../route.ts';
import { base } from './paths.ts';

export const compliance = {
  method: 'GET',
  path: `${base}/organisation/compliance`,
  tag: 'organisation',
  summary: 'Reviews on time by quarter and department, overdue people, deferrals and appeals (HR, senior managers)',
  query: org.organisationComplianceQuery,
  response: org.organisationCompliance,
} satisfies RouteDef;

export const themes = {
  method: 'GET',
  path: `${base}/organisation/team-themes`,
  tag: 'organisation',
  summary: 'The Team Themes of the managers in view, collated (HR, senior managers); no note text',
  response: org.organisationThemes,
} satisfies RouteDef;

export const hrSystemFile = {
  method: 'GET',
  path: `${base}/exports/:layout/completions.csv`,
  tag: 'exports',
  summary: 'Completion records in a layout for the HR system: iTrent, or ESR for the NHS scheme (HR, line managers)',
  params: org.hrFileParams,
  query: org.hrFileQuery,
  response: z.string(),
  produces: 'text/csv',
} satisfies RouteDef;

export const audit = {
  method: 'GET',
  path: `${base}/organisation/audit`,
  tag: 'organisation',
  summary: 'The audit trail across the organisation, newest first, with filters (auditors, HR); read-only',
  query: org.auditTrailQuery,
  response: org.auditTrail,
} satisfies RouteDef;
