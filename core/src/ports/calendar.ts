import type { RecurrencePattern } from '../domain/conversations.ts';
import type { PersonId } from '../domain/people.ts';
import type { IsoDate, IsoDateTime } from '../time/dates.ts';

/** How a calendar shows someone at a given time (Graph's free/busy vocabulary). */
export type Availability = 'free' | 'tentative' | 'busy' | 'oof' | 'workingElsewhere' | 'unknown';

/** A candidate time as the calendar service offers it; the use case decides which ones to show. */
export interface MeetingSlot {
  readonly start: IsoDateTime;
  readonly end: IsoDateTime;
  /** 0–100, how likely every attendee can make it, as the calendar service rates it. */
  readonly confidence: number;
  /** Each attendee's availability then, led by the organiser's when they attend. */
  readonly availability: readonly Availability[];
}

/**
 * Whose calendar is written, and on whose authority. With the organiser's own token (they are the
 * signed-in user) the write goes to their calendar on their behalf; without it, someone else acts
 * on the organiser's calendar (004: a coordinator books for the pair), which uses the app's own
 * permission, limited by an Exchange application access policy to the bookable mailboxes.
 */
export interface CalendarOwner {
  readonly organizerId: PersonId;
  /** The signed-in organiser's access token for this app; exchanged on-behalf-of for a Graph token. */
  readonly userToken?: string;
}

export interface NewCalendarEvent extends CalendarOwner {
  /** E-mail addresses of those invited, as the employee records hold them. */
  readonly attendees: readonly string[];
  readonly subject: string;
  readonly bodyHtml: string;
  readonly start: IsoDateTime;
  readonly end: IsoDateTime;
  readonly timeZone: string;
  /** Adds a Teams meeting link. */
  readonly online: boolean;
  /** The same key again returns the event the first attempt created (Graph's transactionId). */
  readonly idempotencyKey: string;
}

export interface CreatedCalendarEvent {
  /** Event id in the organiser's mailbox. */
  readonly eventId: string;
  readonly onlineMeetingUrl?: string;
}

/** One person's calendar over a window, as the app itself may read it: when they are taken, and their day. */
export interface PersonSchedule {
  /** The address it was asked for. */
  readonly email: string;
  /** Times not free, whatever their kind (busy, tentative, out of office, elsewhere). */
  readonly busy: readonly {
    readonly start: IsoDateTime;
    readonly end: IsoDateTime;
    readonly availability: Availability;
  }[];
  /** Working hours as their mailbox sets them; absent when it does not say. */
  readonly workingHours?: {
    readonly timeZone: string;
    /** `HH:MM`, local. */
    readonly start: string;
    readonly end: string;
    /** Lower-case English weekday names, e.g. `monday`. */
    readonly daysOfWeek: readonly string[];
  };
}

/**
 * Calendars through Microsoft Graph. Suggesting times needs the signed-in user's own token
 * (Graph allows findMeetingTimes only with delegated access); people are named by the
 * addresses their employee records hold, so the adapter never looks them up again.
 */
export interface CalendarGateway {
  suggestTimes(request: {
    readonly userToken: string;
    /** The signed-in user whose token this is: the organiser. */
    readonly organizerId: PersonId;
    /** E-mail addresses of the others; Graph looks from the signed-in user's own calendar outward. */
    readonly attendees: readonly string[];
    /** False when the signed-in user books for others (004 coordinator): their own calendar does not count. */
    readonly organizerAttends: boolean;
    readonly from: IsoDateTime;
    readonly to: IsoDateTime;
    readonly durationMinutes: number;
    readonly timeZone: string;
  }): Promise<readonly MeetingSlot[]>;
  /**
   * Free/busy and working hours of people as seen through the mailbox of `mailboxId` (Graph
   * getSchedule): on its signed-in owner's behalf, or with the app's own permission for the bot (no
   * user token) and a coordinator (004), which the Exchange application access policy limits to the
   * bookable mailboxes (docs/security.md).
   */
  schedules(request: {
    readonly mailboxId: PersonId;
    /** The mailbox owner's own token (they are signed in); without it, the app's own permission. */
    readonly userToken?: string;
    readonly people: readonly string[];
    readonly from: IsoDateTime;
    readonly to: IsoDateTime;
  }): Promise<readonly PersonSchedule[]>;
  createEvent(event: NewCalendarEvent): Promise<CreatedCalendarEvent>;
  updateEvent(
    owner: CalendarOwner,
    eventId: string,
    change: { start: IsoDateTime; end: IsoDateTime; timeZone: string },
  ): Promise<void>;
  /** An event that is already gone counts as cancelled, so a retried cancellation completes. */
  cancelEvent(owner: CalendarOwner, eventId: string, comment: string): Promise<void>;
  /** Recurring meetings, where the calendar offers them. */
  readonly series?: CalendarSeriesGateway;
}

/**
 * One Outlook series: the first meeting's wall-clock time in `timeZone` holds for every meeting,
 * across clock changes, until `until` (inclusive).
 */
export interface NewCalendarSeries extends Omit<NewCalendarEvent, 'start' | 'end' | 'timeZone'> {
  readonly firstDate: IsoDate;
  /** `HH:MM` in `timeZone`. */
  readonly time: string;
  readonly minutes: number;
  readonly timeZone: string;
  readonly pattern: RecurrencePattern;
  readonly until: IsoDate;
}

/** One meeting of a series, as the organiser's calendar holds it. */
export interface SeriesInstance {
  readonly eventId: string;
  readonly start: IsoDateTime;
  readonly end: IsoDateTime;
}

/** Recurring meetings (Graph events with a `recurrence`); optional so calendars without them still serve single bookings. */
export interface CalendarSeriesGateway {
  /** The same idempotency key again returns the series the first attempt created (Graph's transactionId). */
  createSeries(series: NewCalendarSeries): Promise<CreatedCalendarEvent>;
  /** The meetings of a series between two instants (Graph `instances`); cancelled ones are not listed. */
  seriesInstances(
    owner: CalendarOwner,
    seriesId: string,
    window: { from: IsoDateTime; to: IsoDateTime },
  ): Promise<readonly SeriesInstance[]>;
}
