import type { PersonId } from '../domain/people.ts';
import type { IsoDateTime } from '../time/dates.ts';

export interface MeetingSlot {
  readonly start: IsoDateTime;
  readonly end: IsoDateTime;
  /** 0–100, how likely every attendee can make it. */
  readonly confidence: number;
}

export interface NewCalendarEvent {
  readonly organizerId: PersonId;
  readonly attendeeIds: readonly PersonId[];
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
 * Calendars through Microsoft Graph. Suggesting times needs the signed-in
 * user's own token (Graph allows findMeetingTimes only with delegated access).
 */
export interface CalendarGateway {
  suggestTimes(request: {
    readonly userToken: string;
    /** The signed-in user whose token this is; Graph suggests times from their calendar outward. */
    readonly organizerId: PersonId;
    readonly attendeeIds: readonly PersonId[];
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
