import { z } from 'zod';
import { isoDate } from '../primitives.ts';
import type { RouteDef } from '../route.ts';
import { base, empty } from './paths.ts';

const leaver = z.object({ personId: z.string(), displayName: z.string(), leftOn: isoDate });

const retentionView = z.object({
  rule: z.string(),
  archivedTo: z.string(),
  keepYears: z.number().int(),
  period: z.object({
    keepYears: z.number().int(),
    source: z.enum(['policy', 'organisation', 'default']),
    setIn: z.string().optional(),
    explained: z.string(),
  }),
  waiting: z.array(leaver),
  archived: z.array(leaver),
  inKeeping: z.array(
    z.object({
      personId: z.string(),
      displayName: z.string(),
      archive: z.object({ archivedOn: isoDate, keepUntil: isoDate, keepingEndedOn: isoDate.optional() }),
    }),
  ),
});

export const get = {
  method: 'GET',
  path: `${base}/organisation/retention`,
  tag: 'organisation',
  summary:
    "The scheme's retention rule, the keeping period and where it is set, leavers to archive and those in HR's keeping (HR)",
  response: retentionView,
} satisfies RouteDef;

export const archive = {
  method: 'POST',
  path: `${base}/organisation/retention/archive`,
  tag: 'organisation',
  summary: "Archive leavers' records to HR's keeping under the rule; nothing is deleted (HR; audited)",
  body: empty,
  response: retentionView,
} satisfies RouteDef;
