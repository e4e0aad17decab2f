import { z } from 'zod';
import { SCHEME_IDS } from '../../domain/people.ts';
import { isoDateTime, page, pageQuery, shortText } from '../primitives.ts';
import type { RouteDef } from '../route.ts';
import { base } from './paths.ts';

const admin = `${base}/admin`;
const ROLES = ['hr', 'coordinator', 'auditor', 'senior-manager', 'admin'] as const;
const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;
const guid = z.string().regex(/^[0-9a-fA-F-]{36}$/, 'An Entra group object id (a GUID).');

const quietHours = z.object({
  start: z.string().regex(HHMM, 'Use HH:MM.'),
  end: z.string().regex(HHMM, 'Use HH:MM.'),
  days: z.array(z.number().int().min(1).max(7)).max(7),
});

const schemeSettings = z.object({
  bigPictureQuestions: z
    .array(z.object({ id: z.string().regex(/^[a-z0-9-]{1,40}$/), text: shortText(300) }))
    .min(1, 'Keep at least one question.')
    .max(20)
    .optional(),
  teamThemesTemplate: z
    .array(
      z.object({
        id: z.enum(['trainingNeeds', 'systemNeeds', 'resourcingNeeds', 'otherThemes', 'summary']),
        prompt: shortText(200),
      }),
    )
    .max(5)
    .optional(),
  regularEveryWeeks: z.number().int().min(1, 'At least every week.').max(26, 'At most every 26 weeks.').optional(),
  retentionKeepYears: z.number().int().min(1, 'At least one year.').max(100, 'At most 100 years.').optional(),
});

export const settingsInput = z.object({
  name: shortText(120),
  schemeId: z.enum(SCHEME_IDS),
  nation: z.enum(['england-and-wales', 'scotland', 'northern-ireland']),
  timeZone: shortText(60),
  quietHours,
  checkinEveryWeeks: z.number().int().min(1).max(12),
  roleGroups: z.partialRecord(z.enum(ROLES), z.array(guid).max(20)),
  scheme: schemeSettings,
});

export const settingsVersion = settingsInput.omit({ name: true, schemeId: true, nation: true, timeZone: true }).extend({
  version: z.number().int(),
  updatedAt: isoDateTime,
  updatedBy: z.string(),
  updatedByName: z.string(),
  changed: z.array(z.string()),
});

export const tenantAdminView = z.object({
  tenant: z
    .object({
      tenantId: z.string(),
      name: z.string(),
      schemeId: z.enum(SCHEME_IDS),
      nation: z.enum(['england-and-wales', 'scotland', 'northern-ireland']),
      timeZone: z.string(),
    })
    .nullable(),
  settings: settingsVersion.nullable(),
  etag: z.string(),
  schemeDefaults: z.object({
    hasBigPicture: z.boolean(),
    regularEveryWeeks: z.number().int().nullable(),
    /** The policy's keeping period for leavers' records; null where the organisation chooses one. */
    retentionKeepYears: z.number().int().nullable(),
  }),
  adminConsentUrl: z.string().nullable(),
});

const counts = z.object({
  joined: z.number().int(),
  moved: z.number().int(),
  left: z.number().int(),
  unchanged: z.number().int(),
  failed: z.number().int(),
});

export const syncStatus = z.object({
  running: z.boolean(),
  graphConfigured: z.boolean(),
  deltaStored: z.boolean(),
  /** The round in progress so far, while one runs. */
  current: z.object({ startedAt: isoDateTime, pages: z.number().int(), counts }).nullable(),
  lastRun: z
    .object({
      startedAt: isoDateTime,
      finishedAt: isoDateTime,
      outcome: z.enum(['completed', 'failed']),
      pages: z.number().int(),
      counts,
      errors: z.array(z.object({ userId: z.string().optional(), message: z.string() })),
    })
    .nullable(),
});

export const importInput = z.object({
  /** The file's text as read in the browser (up to the request size limit; larger files go through the CLI). */
  csv: z.string().min(1, 'Choose a CSV file.'),
  mapping: z.enum(['itrent', 'esr']).optional(),
  dryRun: z.boolean(),
});

export const importResult = z.object({
  dryRun: z.boolean(),
  rows: z.number().int(),
  changed: z.number().int(),
  unchanged: z.number().int(),
  issues: z.array(z.object({ row: z.number().int(), column: z.string(), reason: z.string() })),
});

export const roleHolders = z.object({
  items: z.array(
    z.object({
      personId: z.string(),
      displayName: z.string(),
      email: z.string(),
      roles: z.array(z.object({ role: z.enum(ROLES), source: z.enum(['app-role', 'group', 'record']) })),
      seenAt: isoDateTime.optional(),
    }),
  ),
});

export const settingsGet = {
  method: 'GET',
  path: `${admin}/settings`,
  tag: 'admin',
  summary:
    "The organisation's settings: onboarding, quiet hours, check-ins, roles from groups, the scheme's own choices",
  response: tenantAdminView,
} satisfies RouteDef;

export const settingsPut = {
  method: 'PUT',
  path: `${admin}/settings`,
  tag: 'admin',
  summary: 'Onboard the organisation or change its settings: a new version, naming who changed what (administrators)',
  body: settingsInput,
  response: tenantAdminView,
  ifMatch: true,
} satisfies RouteDef;

export const settingsHistory = {
  method: 'GET',
  path: `${admin}/settings/history`,
  tag: 'admin',
  summary: 'Every version of the settings, newest first',
  query: pageQuery,
  response: page(settingsVersion),
} satisfies RouteDef;

export const syncGet = {
  method: 'GET',
  path: `${admin}/directory-sync`,
  tag: 'admin',
  summary: "The directory sync's last round: counts joined, moved, left, unchanged and failed, and errors",
  response: syncStatus,
} satisfies RouteDef;

export const syncRun = {
  method: 'POST',
  path: `${admin}/directory-sync`,
  tag: 'admin',
  summary: 'Run a directory sync round now (audited)',
  response: syncStatus,
} satisfies RouteDef;

export const importRun = {
  method: 'POST',
  path: `${admin}/hr-import`,
  tag: 'admin',
  summary: 'Check an HR file row by row (dry run) or apply it, all rows or none (audited)',
  body: importInput,
  response: importResult,
} satisfies RouteDef;

export const rolesList = {
  method: 'GET',
  path: `${admin}/roles`,
  tag: 'admin',
  summary: 'Who holds which role, and where it comes from (Entra app role, group, or their record)',
  response: roleHolders,
} satisfies RouteDef;
