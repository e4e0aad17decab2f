import type { IsoDateTime, PersonId, TenantId } from '@pc/core';

/** A person as the directory knows them. */
export interface DirectoryUser {
  readonly id: PersonId;
  readonly displayName: string;
  readonly mail?: string;
  readonly jobTitle?: string;
  readonly department?: string;
}

/** A span of time between two UTC instants (`2025-03-03T10:00:00.000Z`). */
export interface TimeSlot {
  readonly start: IsoDateTime;
  readonly end: IsoDateTime;
}

export interface ScheduleQuery {
  /** SMTP addresses of the people whose free/busy is wanted (at most 20 per call, as Graph allows). */
  readonly schedules: readonly string[];
  readonly window: TimeSlot;
  readonly intervalMinutes?: number;
}

export type BusyStatus = 'tentative' | 'busy' | 'oof' | 'workingElsewhere' | 'unknown';

export interface Schedule {
  readonly address: string;
  readonly busy: readonly (TimeSlot & { readonly status: BusyStatus })[];
  /** Set when Graph could not read this schedule (e.g. no such mailbox). */
  readonly unavailable?: boolean;
}

export interface MeetingTimesQuery {
  readonly attendees: readonly { readonly email: string; readonly optional?: boolean }[];
  /** Windows in which to look for a slot. */
  readonly within: readonly TimeSlot[];
  readonly durationMinutes: number;
  readonly maxCandidates?: number;
  /** Only inside everyone's working hours (default true). */
  readonly workingHoursOnly?: boolean;
}

export interface MeetingTimeSuggestion extends TimeSlot {
  readonly confidence: number;
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
 * What the product needs from Microsoft Graph. Reads of absent people give undefined; every other
 * failure is an AppError ('throttled' with retryAfterSeconds, 'forbidden', 'unavailable', …).
 */
export interface GraphGateway {
  getUser(tenantId: TenantId, userId: PersonId): Promise<DirectoryUser | undefined>;
  /** Several people in as few round trips as JSON batching allows; absent ids are left out. */
  getUsers(tenantId: TenantId, userIds: readonly PersonId[]): Promise<ReadonlyMap<PersonId, DirectoryUser>>;
  getManager(tenantId: TenantId, userId: PersonId): Promise<DirectoryUser | undefined>;
  getDirectReports(tenantId: TenantId, userId: PersonId): Promise<readonly DirectoryUser[]>;
  /** Line manager first, then their manager (the "grandparent"), up to `levels` (default 2). */
  getManagerChain(tenantId: TenantId, userId: PersonId, levels?: number): Promise<readonly DirectoryUser[]>;
  /** Free/busy, read through `mailboxId`'s calendar. */
  getSchedule(tenantId: TenantId, mailboxId: PersonId, query: ScheduleQuery): Promise<readonly Schedule[]>;
  /** Delegated only: Graph refuses app-only tokens here. */
  findMeetingTimes(caller: DelegatedCaller, query: MeetingTimesQuery): Promise<readonly MeetingTimeSuggestion[]>;
  /** Created in the organiser's calendar; attendees receive it in theirs. */
  createEvent(tenantId: TenantId, organizerId: PersonId, event: NewEvent): Promise<CalendarEvent>;
  updateEvent(
    tenantId: TenantId,
    organizerId: PersonId,
    eventId: string,
    changes: EventChanges,
  ): Promise<CalendarEvent>;
  /** Cancels the meeting for everyone, with an optional message to attendees. */
  cancelEvent(tenantId: TenantId, organizerId: PersonId, eventId: string, comment?: string): Promise<void>;
}
