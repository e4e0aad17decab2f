import { z } from 'zod';

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;
const quietHours = z.object({
  start: z.string().regex(HHMM, 'Use HH:MM.'),
  end: z.string().regex(HHMM, 'Use HH:MM.'),
  days: z.array(z.number().int().min(1).max(7)).max(7).optional(),
});

const nudges = z.object({
  preparation: z.boolean(),
  'note-told': z.boolean(),
  digest: z.boolean(),
  deadline: z.boolean(),
});

const channel = z.enum(['chat', 'activity-feed']);

/** 'organisation': as often as the organisation's settings say. */
const checkinCadence = z.enum(['organisation', 'weekly', 'fortnightly', 'monthly', 'never']);

/** A person's own choices on the settings page. */
export const myNudgeSettingsInput = z.object({
  nudges,
  channel,
  quietHours: quietHours.nullable(),
  namedAnswers: z.boolean(),
  /** Absent, the cadence stays as it was. */
  checkinCadence: checkinCadence.optional(),
});

export const myNudgeSettings = myNudgeSettingsInput.extend({
  activityFeedAvailable: z.boolean(),
  organisationQuietHours: quietHours,
  checkinCadence,
  organisationCheckinEveryWeeks: z.number().int().positive(),
  etag: z.string(),
});
