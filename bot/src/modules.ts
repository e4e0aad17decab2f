import { createBookingSweepModule } from './booking-sweep.ts';
import { createCalendarTruthModule } from './calendar-truth/module.ts';
import { createDirectorySyncModule } from './directory-sync.ts';
import type { AppModule } from './module.ts';
import { createApiModule, type ApiModuleOptions } from './http/api/module.ts';
import { createLocalDevModule } from './http/local/index.ts';
import { createStaticModule } from './http/static.ts';
import { createNudgeModule } from './nudge-runs.ts';
import { createRetentionJobModule } from './retention-job.ts';
import { createStatusDigestJobModule } from './status-digest-job.ts';
import { createTeamsModule } from './teams/module.ts';

/**
 * Everything the product serves: the Teams bot at /api/messages, the REST API under
 * /api/v1, the built tab and add-in, (only with local fakes on) the /local pages, the hourly
 * directory sync of the allowed tenants, the sweep that finishes bookings left half-done, and
 * Graph's notifications of changes made in Outlook to booked conversations.
 */
export const defaultModules = (api: ApiModuleOptions = {}): readonly AppModule[] => [
  createTeamsModule(),
  createApiModule(api),
  createLocalDevModule(),
  createStaticModule(),
  createDirectorySyncModule(),
  createBookingSweepModule(),
  createCalendarTruthModule(),
  createNudgeModule(),
  createStatusDigestJobModule(),
  createRetentionJobModule(),
];
