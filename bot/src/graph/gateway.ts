import type { IsoDate, IsoDateTime, PersonId, RecurrencePattern, TenantId } from '@pc/core';
import type { MeetingMembers } from '@pc/core/usecases';
import type { ScheduleInformation, ScheduleQuery } from './calendar-schedule.ts';

/** A span of time between two UTC instants (`2025-03-03T10:00:00.000Z`). */
export interface TimeSlot {
  readonly start: IsoDateTime;
  readonly end: IsoDateTime;
}

export interface MeetingTimesQuery {
  readonly attendees: readonly { readonly email: string; readonly optional?: boolean }[];
  /** Windows in which to look for a slot. */
  readonly within: readonly TimeSlot[];
  readonly durationMinutes: number;
  readonly maxCandidates?: number;
  /** Only inside everyone's working hours (default true). */
  readonly workingHoursOnly?: boolean;
  /** The signed-in user arranges the meeting without attending it (default false). */
  readonly organizerOptional?: boolean;
}

/** Graph's availability of one person at a suggested time. */
export type FreeBusyStatus = 'free' | 'tentative' | 'busy' | 'oof' | 'workingElsewhere' | 'unknown';

/** A time Graph offers, with how it sees each calendar then: Graph offers busy times too, rated lower. */
export interface MeetingTimeSuggestion extends TimeSlot {
  readonly confidence: number;
  readonly organizerAvailability: FreeBusyStatus;
  readonly attendeeAvailability: readonly { readonly email: string; readonly availability: FreeBusyStatus }[];
}

export interface EventAttendee {
  readonly email: string;
  readonly name?: string;
  readonly optional?: boolean;
}

export interface NewEvent extends TimeSlot {
  readonly subject: string;
  readonly bodyHtml?: string;
  readonly attendees: readonly EventAttendee[];
  /** Adds a Teams meeting and its join link. */
  readonly teamsMeeting: boolean;
  /** Makes a retried create idempotent (Graph `transactionId`). */
  readonly idempotencyKey?: string;
}

/**
 * A recurring meeting (Graph `recurrence`): the first meeting's wall-clock time in `timeZone` holds
 * for every meeting, across clock changes, from `firstDate` until `until`.
 */
export interface NewSeries extends Omit<NewEvent, 'start' | 'end'> {
  readonly firstDate: IsoDate;
  /** `HH:MM` in `timeZone`. */
  readonly time: string;
  readonly minutes: number;
  /** IANA zone name, e.g. `Europe/London`. */
  readonly timeZone: string;
  readonly pattern: RecurrencePattern;
  readonly until: IsoDate;
}

export type EventChanges = Partial<Pick<NewEvent, 'subject' | 'bodyHtml' | 'start' | 'end' | 'attendees'>>;

export interface CalendarEvent extends TimeSlot {
  readonly id: string;
  /** Same in every attendee's copy of the event. */
  readonly iCalUId: string;
  readonly subject: string;
  readonly attendees: readonly EventAttendee[];
  readonly joinUrl?: string;
}

/** A signed-in user, for calls Graph only allows with a delegated token. */
export interface DelegatedCaller {
  readonly tenantId: TenantId;
  readonly userId: PersonId;
  /** The user's access token for this app; exchanged on-behalf-of for a Graph token. */
  readonly token: string;
}

/**
 * A mailbox to write to. With its owner's token (they are the signed-in user) the write is made on
 * their behalf with a delegated token (on-behalf-of), so the app needs no access to anyone else's
 * calendar; without one, with the app's own permission, which an Exchange application access
 * policy limits to the bookable mailboxes (004: a coordinator books for the pair).
 */
export interface MailboxAccess {
  readonly tenantId: TenantId;
  readonly mailboxId: PersonId;
  /** The mailbox owner's access token for this app. */
  readonly userToken?: string;
}

/**
 * What the product needs from Microsoft Graph: calendars, and who is in a Teams meeting's chat
 * (the org chart comes from the employee records). Failures are AppErrors ('throttled' with retryAfterSeconds, 'forbidden', …).
 */
export interface GraphGateway extends MeetingMembers {
  /** Delegated only: Graph refuses app-only tokens here. */
  findMeetingTimes(caller: DelegatedCaller, query: MeetingTimesQuery): Promise<readonly MeetingTimeSuggestion[]>;
  /** Free/busy and working hours, seen from a mailbox; with the app's own permission (Calendars.Read). */
  getSchedule(mailbox: MailboxAccess, query: ScheduleQuery): Promise<readonly ScheduleInformation[]>;
  /** Created in the organiser's calendar; attendees receive it in theirs. */
  createEvent(organizer: MailboxAccess, event: NewEvent): Promise<CalendarEvent>;
  updateEvent(organizer: MailboxAccess, eventId: string, changes: EventChanges): Promise<CalendarEvent>;
  /** Cancels the meeting for everyone, with an optional message to attendees. */
  cancelEvent(organizer: MailboxAccess, eventId: string, comment?: string): Promise<void>;
  /** One event with a recurrence; the same idempotency key returns the series already made. */
  createSeries(organizer: MailboxAccess, series: NewSeries): Promise<CalendarEvent>;
  /** The meetings of a series within a window (Graph `instances`), each with its own event id. */
  seriesInstances(organizer: MailboxAccess, seriesId: string, within: TimeSlot): Promise<readonly CalendarEvent[]>;
}
