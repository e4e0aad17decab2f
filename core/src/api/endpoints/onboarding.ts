import { z } from 'zod';
import type { RouteDef } from '../route.ts';
import { settingsInput, tenantAdminView } from './admin.ts';
import { base } from './paths.ts';

export const onboardingStatus = z.object({
  organisation: z.enum(['new', 'set-up']),
  canOnboard: z.boolean(),
  message: z.string(),
});

export const onboardingInput = settingsInput.pick({
  name: true,
  schemeId: true,
  nation: true,
  timeZone: true,
  quietHours: true,
  checkinEveryWeeks: true,
});

export const statusGet = {
  method: 'GET',
  path: `${base}/onboarding`,
  tag: 'admin',
  summary: "Whether the caller's organisation is set up, and whether they may set it up (anyone signed in)",
  response: onboardingStatus,
} satisfies RouteDef;

export const create = {
  method: 'POST',
  path: `${base}/onboarding`,
  tag: 'admin',
  summary:
    'Set a new organisation up: its scheme pack, nation and first settings (administrators; a repeat creates nothing, audited)',
  body: onboardingInput,
  response: z.object({ created: z.boolean(), view: tenantAdminView }),
} satisfies RouteDef;
