/** Graph's getSchedule (free/busy and working hours, read with the app's own permission): shapes and mapping. */
import { AppError } from '@pc/core';
import type { FreeBusyStatus, TimeSlot } from './gateway.ts';
import { fromGraphTime, toGraphTime } from './wire.ts';

export interface ScheduleQuery extends TimeSlot {
  /** Addresses whose calendars are read. */
  readonly emails: readonly string[];
}

export interface ScheduleInformation {
  readonly email: string;
  readonly items: readonly (TimeSlot & { readonly status: FreeBusyStatus })[];
  readonly workingHours?: {
    /** IANA zone; absent when Graph names a zone this adapter does not know. */
    readonly timeZone?: string;
    /** `HH:MM`, local. */
    readonly start: string;
    readonly end: string;
    readonly daysOfWeek: readonly string[];
  };
}

interface GraphScheduleItem {
  readonly status?: string;
  readonly start: { readonly dateTime: string; readonly timeZone: string };
  readonly end: { readonly dateTime: string; readonly timeZone: string };
}

export interface GraphScheduleInformation {
  readonly scheduleId: string;
  readonly scheduleItems?: readonly GraphScheduleItem[];
  readonly workingHours?: {
    readonly daysOfWeek?: readonly string[];
    readonly startTime?: string;
    readonly endTime?: string;
    readonly timeZone?: { readonly name?: string };
  };
  /** Set instead of items when one calendar could not be read (e.g. outside the access policy). */
  readonly error?: { readonly message?: string; readonly responseCode?: string };
}

/**
 * Mailboxes name their zone the Windows way ("GMT Standard Time") unless set with an IANA name;
 * the zones of the employers this product serves, and their neighbours, are mapped.
 */
const WINDOWS_ZONES: Readonly<Record<string, string>> = {
  'GMT Standard Time': 'Europe/London',
  'Greenwich Standard Time': 'Atlantic/Reykjavik',
  'W. Europe Standard Time': 'Europe/Berlin',
  'Romance Standard Time': 'Europe/Paris',
  'Central Europe Standard Time': 'Europe/Budapest',
  'Central European Standard Time': 'Europe/Warsaw',
  'E. Europe Standard Time': 'Europe/Chisinau',
  'FLE Standard Time': 'Europe/Kiev',
  'Eastern Standard Time': 'America/New_York',
  'Central Standard Time': 'America/Chicago',
  'Mountain Standard Time': 'America/Denver',
  'Pacific Standard Time': 'America/Los_Angeles',
  'India Standard Time': 'Asia/Kolkata',
  'AUS Eastern Standard Time': 'Australia/Sydney',
  UTC: 'UTC',
};

const isIanaZone = (name: string): boolean => {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: name });
    return true;
  } catch {
    // Intl refuses names it does not know: not an IANA zone.
    return false;
  }
};

/** An IANA zone for a mailbox's zone name, Windows or IANA; undefined when unknown. */
export const ianaZoneOf = (name: string | undefined): string | undefined => {
  if (name === undefined || name === '') return undefined;
  return WINDOWS_ZONES[name] ?? (isIanaZone(name) ? name : undefined);
};

export const toGraphScheduleQuery = (query: ScheduleQuery): Record<string, unknown> => ({
  schedules: query.emails,
  startTime: toGraphTime(query.start),
  endTime: toGraphTime(query.end),
  availabilityViewInterval: 15,
});

const STATUSES: ReadonlySet<string> = new Set(['free', 'tentative', 'busy', 'oof', 'workingElsewhere']);

/** `08:30:00.0000000` → `08:30`. */
const hhmm = (value: string | undefined, fallback: string): string =>
  /^(\d{2}:\d{2})/.exec(value ?? '')?.[1] ?? fallback;

/** A calendar Graph could not read is refused, never taken as free. */
export const fromGraphSchedule = (info: GraphScheduleInformation): ScheduleInformation => {
  if (info.error !== undefined) {
    throw new AppError('forbidden', 'One of the calendars could not be read, so no free time can be offered.');
  }
  const hours = info.workingHours;
  const timeZone = ianaZoneOf(hours?.timeZone?.name);
  return {
    email: info.scheduleId,
    items: (info.scheduleItems ?? []).map((item) => ({
      start: fromGraphTime(item.start),
      end: fromGraphTime(item.end),
      status: item.status !== undefined && STATUSES.has(item.status) ? (item.status as FreeBusyStatus) : 'unknown',
    })),
    ...(hours === undefined
      ? {}
      : {
          workingHours: {
            ...(timeZone === undefined ? {} : { timeZone }),
            start: hhmm(hours.startTime, '09:00'),
            end: hhmm(hours.endTime, '17:00'),
            daysOfWeek: (hours.daysOfWeek ?? []).map((d) => d.toLowerCase()),
          },
        }),
  };
};
