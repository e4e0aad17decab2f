import { z } from 'zod';
import { isoDate } from '../primitives.ts';
import type { RouteDef } from '../route.ts';
import { base, empty } from './paths.ts';

const retentionView = z.object({
  rule: z.string(),
  keepYears: z.number().int(),
  archived: z.array(z.object({ personId: z.string(), displayName: z.string(), leftOn: isoDate })),
  inKeeping: z.array(
    z.object({
      personId: z.string(),
      displayName: z.string(),
      archive: z.object({ archivedOn: isoDate, keepUntil: isoDate }),
    }),
  ),
});

export const get = {
  method: 'GET',
  path: `${base}/organisation/retention`,
  tag: 'organisation',
  summary: "The scheme's retention rule and the leavers whose records are in HR's keeping (HR)",
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
