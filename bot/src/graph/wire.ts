/** Graph's JSON shapes and their mapping to the gateway's types. */
import type {
  CalendarEvent,
  EventAttendee,
  EventChanges,
  FreeBusyStatus,
  MeetingTimeSuggestion,
  NewEvent,
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
