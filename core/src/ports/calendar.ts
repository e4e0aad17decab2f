import type { PersonId } from '../domain/people.ts';
import type { IsoDateTime } from '../time/dates.ts';

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

export interface NewCalendarEvent {
  /** Whose calendar the event is written to. */
  readonly organizerId: PersonId;
  /** E-mail addresses of those invited, as the employee records hold them. */
  readonly attendees: readonly string[];
  readonly subject: string;
  readonly bodyHtml: string;
  readonly start: IsoDateTime;
  readonly end: IsoDateTime;
  readonly timeZone: string;
  /** Adds a Teams meeting link. */
  readonly online: boolean;
}

export interface CreatedCalendarEvent {
  /** Event id in the organiser's mailbox. */
  readonly eventId: string;
  readonly onlineMeetingUrl?: string;
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
  createEvent(event: NewCalendarEvent): Promise<CreatedCalendarEvent>;
  updateEvent(
    organizerId: PersonId,
    eventId: string,
    change: { start: IsoDateTime; end: IsoDateTime; timeZone: string },
  ): Promise<void>;
  cancelEvent(organizerId: PersonId, eventId: string, comment: string): Promise<void>;
}
