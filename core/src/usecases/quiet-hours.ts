import { z } from 'zod';
import type { IsoDate } from '../time/dates.ts';
import { toUtcDate } from '../time/dates.ts';
import type { QuietHours, StoredNudgeSettings } from '../ports/engagement.ts';
import type { Tenant } from '../domain/people.ts';

/** Outside a working day nobody is nudged, unless they chose other quiet hours. */
export const DEFAULT_QUIET_HOURS: QuietHours = { start: '18:00', end: '08:00', days: [6, 7] };

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;
const QuietHoursSchema = z.object({
  start: z.string().regex(HHMM),
  end: z.string().regex(HHMM),
  days: z.array(z.number().int().min(1).max(7)).optional(),
});

/** A person's own quiet hours, when their stored settings carry valid ones (they replace the default). */
export const quietHoursOf = (settings: StoredNudgeSettings | undefined): QuietHours | undefined => {
  const parsed = QuietHoursSchema.safeParse(settings?.quietHours);
  return parsed.success ? parsed.data : undefined;
};

/** The organisation's quiet hours, when an administrator has set them (Administration → Settings). */
export const organisationQuietHours = (tenant: Tenant): QuietHours | undefined => tenant.settings?.quietHours;

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** Whether `at` falls in the quiet hours, read in the employer's time zone; `start` after `end` wraps past midnight. */
export const isQuietTime = (at: Date, timeZone: string, quiet: QuietHours): boolean => {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '';
  if (quiet.days?.includes(WEEKDAYS.indexOf(part('weekday')) + 1) === true) return true;
  const time = `${part('hour')}:${part('minute')}`;
  return quiet.start <= quiet.end ? time >= quiet.start && time < quiet.end : time >= quiet.start || time < quiet.end;
};

/** ISO 8601 week, e.g. 2027-W19: the cycle within which a person is nudged at most once. */
export const isoWeekKey = (date: IsoDate): string => {
  const d = toUtcDate(date);
  const weekday = d.getUTCDay() === 0 ? 7 : d.getUTCDay();
  d.setUTCDate(d.getUTCDate() + 4 - weekday); // the Thursday of this week names its year
  const year = d.getUTCFullYear();
  const week = Math.ceil(((d.getTime() - Date.UTC(year, 0, 1)) / 86_400_000 + 1) / 7);
  return `${String(year)}-W${String(week).padStart(2, '0')}`;
};
