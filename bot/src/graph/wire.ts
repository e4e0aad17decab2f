/** Graph's JSON shapes and their mapping to the gateway's types. */
import type {
  BusyStatus,
  CalendarEvent,
  DirectoryUser,
  EventAttendee,
  EventChanges,
  NewEvent,
  Schedule,
} from './gateway.ts';

export const USER_FIELDS = 'id,displayName,mail,jobTitle,department';

interface GraphDateTime {
  readonly dateTime: string;
  readonly timeZone: string;
}

export interface GraphUser {
  readonly id: string;
  readonly displayName?: string | null;
  readonly mail?: string | null;
  readonly jobTitle?: string | null;
  readonly department?: string | null;
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

export interface GraphScheduleInformation {
  readonly scheduleId: string;
  readonly scheduleItems?: readonly {
    readonly status: string;
    readonly start: GraphDateTime;
    readonly end: GraphDateTime;
  }[];
  readonly error?: unknown;
}

export interface GraphMeetingTimeSuggestion {
  readonly confidence: number;
  readonly meetingTimeSlot: { readonly start: GraphDateTime; readonly end: GraphDateTime };
}

export const toUser = (user: GraphUser): DirectoryUser => ({
  id: user.id,
  displayName: user.displayName ?? '',
  ...(user.mail ? { mail: user.mail } : {}),
  ...(user.jobTitle ? { jobTitle: user.jobTitle } : {}),
  ...(user.department ? { department: user.department } : {}),
});

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

export const toGraphEvent = (event: NewEvent): Record<string, unknown> => ({
  subject: event.subject,
  ...(event.bodyHtml === undefined ? {} : { body: { contentType: 'HTML', content: event.bodyHtml } }),
  start: toGraphTime(event.start),
  end: toGraphTime(event.end),
  attendees: event.attendees.map(toGraphAttendee),
  ...(event.teamsMeeting ? { isOnlineMeeting: true, onlineMeetingProvider: 'teamsForBusiness' } : {}),
  ...(event.idempotencyKey === undefined ? {} : { transactionId: event.idempotencyKey }),
});

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

const BUSY: ReadonlySet<string> = new Set(['tentative', 'busy', 'oof', 'workingElsewhere']);

export const fromGraphSchedule = (info: GraphScheduleInformation): Schedule => ({
  address: info.scheduleId,
  busy: (info.scheduleItems ?? [])
    .filter((item) => item.status !== 'free')
    .map((item) => ({
      start: fromGraphTime(item.start),
      end: fromGraphTime(item.end),
      status: (BUSY.has(item.status) ? item.status : 'unknown') as BusyStatus,
    })),
  ...(info.error === undefined || info.error === null ? {} : { unavailable: true }),
});
