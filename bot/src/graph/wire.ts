/** Graph's JSON shapes and their mapping to the gateway's types. */
import type {
  CalendarEvent,
  EventAttendee,
  EventChanges,
  FreeBusyStatus,
  MeetingTimeSuggestion,
  NewEvent,
  NewSeries,
} from './gateway.ts';

interface GraphDateTime {
  readonly dateTime: string;
  readonly timeZone: string;
}

interface GraphAttendee {
  readonly emailAddress: { readonly address: string; readonly name?: string };
  readonly type?: string;
}

export interface GraphEvent {
  readonly id: string;
  readonly iCalUId: string;
  readonly subject?: string | null;
  readonly start: GraphDateTime;
  readonly end: GraphDateTime;
  readonly attendees?: readonly GraphAttendee[];
  readonly onlineMeeting?: { readonly joinUrl?: string } | null;
}

export interface GraphMeetingTimeSuggestion {
  readonly confidence: number;
  readonly organizerAvailability?: string;
  readonly attendeeAvailability?: readonly {
    readonly attendee: GraphAttendee;
    readonly availability?: string;
  }[];
  readonly meetingTimeSlot: { readonly start: GraphDateTime; readonly end: GraphDateTime };
}

/** Every time the gateway sends or asks for is in UTC; `Prefer: outlook.timezone="UTC"` makes Graph answer in UTC too. */
export const toGraphTime = (instant: string): GraphDateTime => ({
  dateTime: new Date(instant).toISOString().replace(/Z$/, ''),
  timeZone: 'UTC',
});

export const fromGraphTime = (value: GraphDateTime): string => {
  if (!['UTC', 'Etc/UTC'].includes(value.timeZone)) throw new Error('Graph answered in a time zone other than UTC');
  // Graph gives seven fractional digits; Date wants at most three.
  const trimmed = value.dateTime.replace(/(\.\d{3})\d*/, '$1').replace(/Z$/, '');
  return new Date(`${trimmed}Z`).toISOString();
};

const toGraphAttendee = (a: EventAttendee): GraphAttendee => ({
  emailAddress: { address: a.email, ...(a.name === undefined ? {} : { name: a.name }) },
  type: a.optional === true ? 'optional' : 'required',
});

const fromGraphAttendee = (a: GraphAttendee): EventAttendee => ({
  email: a.emailAddress.address,
  ...(a.emailAddress.name === undefined ? {} : { name: a.emailAddress.name }),
  ...(a.type === 'optional' ? { optional: true } : {}),
});

/** What a single meeting and a series share: who is invited, to what, and the transactionId. */
const invitationFields = (event: Omit<NewEvent, 'start' | 'end'>): Record<string, unknown> => ({
  subject: event.subject,
  ...(event.bodyHtml === undefined ? {} : { body: { contentType: 'HTML', content: event.bodyHtml } }),
  attendees: event.attendees.map(toGraphAttendee),
  ...(event.teamsMeeting ? { isOnlineMeeting: true, onlineMeetingProvider: 'teamsForBusiness' } : {}),
  ...(event.idempotencyKey === undefined ? {} : { transactionId: event.idempotencyKey }),
});

export const toGraphEvent = (event: NewEvent): Record<string, unknown> => ({
  ...invitationFields(event),
  start: toGraphTime(event.start),
  end: toGraphTime(event.end),
});

/** `HH:MM` plus minutes, on the same day (a conversation lasts at most four hours). */
const laterBy = (hhmm: string, minutes: number): string => {
  const total = Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5)) + minutes;
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${pad(Math.floor(total / 60) % 24)}:${pad(total % 60)}`;
};

/**
 * A series is the one request sent in the employer's zone rather than UTC: Outlook keeps each
 * meeting at the same wall-clock time across clock changes only for a series set in that zone.
 */
export const toGraphSeries = (series: NewSeries): Record<string, unknown> => {
  const { pattern } = series;
  return {
    ...invitationFields(series),
    start: { dateTime: `${series.firstDate}T${series.time}:00`, timeZone: series.timeZone },
    end: { dateTime: `${series.firstDate}T${laterBy(series.time, series.minutes)}:00`, timeZone: series.timeZone },
    recurrence: {
      pattern: {
        type: pattern.type,
        interval: pattern.interval,
        daysOfWeek: [pattern.dayOfWeek],
        firstDayOfWeek: 'monday',
        ...(pattern.index === undefined ? {} : { index: pattern.index }),
      },
      range: {
        type: 'endDate',
        startDate: series.firstDate,
        endDate: series.until,
        recurrenceTimeZone: series.timeZone,
      },
    },
  };
};

export const toGraphChanges = (changes: EventChanges): Record<string, unknown> => ({
  ...(changes.subject === undefined ? {} : { subject: changes.subject }),
  ...(changes.bodyHtml === undefined ? {} : { body: { contentType: 'HTML', content: changes.bodyHtml } }),
  ...(changes.start === undefined ? {} : { start: toGraphTime(changes.start) }),
  ...(changes.end === undefined ? {} : { end: toGraphTime(changes.end) }),
  ...(changes.attendees === undefined ? {} : { attendees: changes.attendees.map(toGraphAttendee) }),
});

export const fromGraphEvent = (event: GraphEvent): CalendarEvent => ({
  id: event.id,
  iCalUId: event.iCalUId,
  subject: event.subject ?? '',
  start: fromGraphTime(event.start),
  end: fromGraphTime(event.end),
  attendees: (event.attendees ?? []).map(fromGraphAttendee),
  ...(event.onlineMeeting?.joinUrl === undefined ? {} : { joinUrl: event.onlineMeeting.joinUrl }),
});

const STATUSES: ReadonlySet<string> = new Set(['free', 'tentative', 'busy', 'oof', 'workingElsewhere']);
const toStatus = (value: string | undefined): FreeBusyStatus =>
  value !== undefined && STATUSES.has(value) ? (value as FreeBusyStatus) : 'unknown';

/** Passed on as Graph rates it; which times to offer is the use case's decision. */
export const fromGraphSuggestion = (s: GraphMeetingTimeSuggestion): MeetingTimeSuggestion => ({
  confidence: s.confidence,
  start: fromGraphTime(s.meetingTimeSlot.start),
  end: fromGraphTime(s.meetingTimeSlot.end),
  organizerAvailability: toStatus(s.organizerAvailability),
  attendeeAvailability: (s.attendeeAvailability ?? []).map((a) => ({
    email: a.attendee.emailAddress.address,
    availability: toStatus(a.availability),
  })),
});
