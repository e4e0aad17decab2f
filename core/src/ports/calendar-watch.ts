import type { PersonId, TenantId } from '../domain/people.ts';
import type { Page, PageRequest, Stored } from './repositories.ts';
import type { IsoDateTime } from '../time/dates.ts';

/**
 * How an event stands in the organiser's calendar now, as Outlook holds it: where it is, whether
 * it was cancelled (or deleted), and the addresses of the attendees who declined it.
 */
export interface ObservedEvent {
  readonly start: IsoDateTime;
  readonly end: IsoDateTime;
  readonly cancelled: boolean;
  readonly declinedBy: readonly string[];
}

/** One changed event from a calendar delta query: its state now, or undefined when it is gone. */
export interface EventDelta {
  readonly eventId: string;
  readonly observed: ObservedEvent | undefined;
}

export interface SubscriptionRequest {
  readonly notificationUrl: string;
  readonly lifecycleNotificationUrl: string;
  /** A secret Graph sends back with every notification, so forged ones are refused. */
  readonly clientState: string;
  readonly expiresAt: IsoDateTime;
}

/**
 * Microsoft Graph change notifications on organisers' calendars, with the app's own permission
 * (restricted to the bookable mailboxes by an Exchange application access policy).
 */
export interface CalendarWatchGateway {
  subscribe(
    tenantId: TenantId,
    mailboxId: PersonId,
    request: SubscriptionRequest,
  ): Promise<{ readonly subscriptionId: string; readonly expiresAt: IsoDateTime }>;
  /** False when Graph no longer has the subscription (it expired or was removed). */
  renew(tenantId: TenantId, subscriptionId: string, expiresAt: IsoDateTime): Promise<boolean>;
  /** Undefined when the event is gone from the organiser's calendar. */
  readEvent(tenantId: TenantId, mailboxId: PersonId, eventId: string): Promise<ObservedEvent | undefined>;
  /**
   * Changes to the mailbox's events since `deltaLink` (or, without one, every event in the window
   * `from`–`to`), with the link to ask from next time: the fallback when notifications were missed.
   */
  eventChanges(
    tenantId: TenantId,
    mailboxId: PersonId,
    since: { readonly deltaLink?: string; readonly from: IsoDateTime; readonly to: IsoDateTime },
  ): Promise<{ readonly changes: readonly EventDelta[]; readonly deltaLink: string }>;
}

/** The product's subscription to one organiser's calendar. */
export interface CalendarWatch {
  readonly tenantId: TenantId;
  /** Derived from the mailbox id. */
  readonly id: string;
  readonly mailboxId: PersonId;
  /** Absent until Graph has accepted the subscription (or after Graph dropped it). */
  readonly subscriptionId?: string;
  readonly expiresAt?: IsoDateTime;
  /** Where the delta query carries on from after missed notifications. */
  readonly deltaLink?: string;
  /** When the calendar was last read by delta query. */
  readonly caughtUpAt?: IsoDateTime;
  /** Why the last attempt to subscribe or renew failed, for the administrator. */
  readonly lastError?: string;
  readonly updatedAt: IsoDateTime;
}

/** Which booked conversation an event in an organiser's calendar belongs to. */
export interface CalendarEventLink {
  readonly tenantId: TenantId;
  /** Derived from the organiser and the event id. */
  readonly id: string;
  readonly organizerId: PersonId;
  readonly eventId: string;
  readonly employeeId: PersonId;
  readonly conversationId: string;
}

export interface CalendarWatchStore {
  getWatch(tenantId: TenantId, mailboxId: PersonId): Promise<Stored<CalendarWatch> | undefined>;
  /** Creates the watch, or replaces it when `etag` matches (a stale one is a 'conflict'). */
  saveWatch(watch: CalendarWatch, etag?: string): Promise<Stored<CalendarWatch>>;
  listWatches(tenantId: TenantId, page?: PageRequest): Promise<Page<CalendarWatch>>;
  getLink(tenantId: TenantId, organizerId: PersonId, eventId: string): Promise<CalendarEventLink | undefined>;
  /** One booking per event, so the last write wins. */
  putLink(link: CalendarEventLink): Promise<void>;
  listLinks(tenantId: TenantId, organizerId: PersonId, page?: PageRequest): Promise<Page<CalendarEventLink>>;
}

/** What the calendar-truth use cases need beyond the repositories. */
export interface CalendarWatching {
  readonly gateway: CalendarWatchGateway;
  readonly store: CalendarWatchStore;
  /** The public URLs Graph posts to. */
  readonly notificationUrl: string;
  readonly lifecycleNotificationUrl: string;
  /** The clientState for one mailbox's subscription: names the mailbox and proves it is ours (a keyed hash). */
  readonly clientStateFor: (tenantId: TenantId, mailboxId: PersonId) => string;
  /** The mailbox a clientState was made for, or undefined when it is not one of ours. */
  readonly mailboxOfClientState: (tenantId: TenantId, clientState: string) => PersonId | undefined;
}
