/**
 * The calendar stays the truth (issue #19): a booking made through the product is watched in its
 * organiser's Outlook calendar through Graph change notifications, so a meeting moved, cancelled or
 * declined in Outlook updates the record. Subscriptions are renewed before they expire and made
 * again when Graph drops them; after a missed notification (or a new subscription) a delta query
 * of the calendar catches up. Every step is idempotent: applying the same change twice, or a
 * change the product made itself, writes nothing.
 */
import type { ConversationRecord } from '../domain/conversations.ts';
import type { PersonId, TenantId } from '../domain/people.ts';
import { isAppError } from '../errors.ts';
import { stableId } from '../feedback/ids.ts';
import type { CalendarWatch, CalendarWatching, ObservedEvent } from '../ports/calendar-watch.ts';
import type { Stored } from '../ports/repositories.ts';
import type { IsoDateTime } from '../time/dates.ts';
import type { UseCaseDeps } from './deps.ts';
import { zonedDate } from './zoned-time.ts';

/** Graph keeps a subscription to Outlook events for at most 10,080 minutes; ask for a little less. */
export const SUBSCRIPTION_MINUTES = 10_000;
/** A subscription with less than this left is renewed by the next maintenance round. */
const RENEW_WITHIN_MS = 24 * 60 * 60_000;
/** Even with no missed notification, a calendar is read by delta query this often. */
const CATCH_UP_EVERY_MS = 6 * 60 * 60_000;
/** The delta window: bookings from a week ago to a year and a half ahead. */
const WINDOW_BACK_MS = 7 * 24 * 60 * 60_000;
const WINDOW_AHEAD_MS = 550 * 24 * 60 * 60_000;
const WRITE_ATTEMPTS = 4;

export const calendarWatchId = (tenantId: TenantId, mailboxId: PersonId): string =>
  stableId('calendar-watch', tenantId, mailboxId);
export const calendarEventLinkId = (tenantId: TenantId, organizerId: PersonId, eventId: string): string =>
  stableId('calendar-event', tenantId, organizerId, eventId);

/** A Graph change or lifecycle notification, as its JSON carries it. */
export interface CalendarNotification {
  readonly subscriptionId?: string;
  readonly clientState?: string | null;
  readonly tenantId?: string;
  readonly changeType?: string;
  readonly resource?: string;
  readonly lifecycleEvent?: string;
}

export type EventSync = 'unknown' | 'unchanged' | 'moved' | 'cancelled' | 'declined';

export interface NotificationOutcome {
  /** Notifications whose clientState did not match: forged, or for a subscription not ours. */
  readonly refused: number;
  readonly results: readonly EventSync[];
}

const iso = (ms: number): IsoDateTime => new Date(ms).toISOString();
const errorText = (error: unknown): string =>
  isAppError(error) ? `${error.code}: ${error.message}` : error instanceof Error ? error.message : String(error);

const watching = (deps: UseCaseDeps): CalendarWatching | undefined => deps.calendarWatching;

const sameInstant = (a: string, b: string): boolean => Date.parse(a) === Date.parse(b);

/** The record as the calendar now has it; the record itself when nothing the record holds changed. */
const followCalendar = async (
  deps: UseCaseDeps,
  record: ConversationRecord,
  observed: ObservedEvent | undefined,
  timeZone: string,
): Promise<{ next: ConversationRecord; sync: EventSync }> => {
  const booking = record.booking;
  if (booking === undefined) return { next: record, sync: 'unchanged' };
  const at = deps.clock.now();
  if (observed === undefined || observed.cancelled) {
    const changedInCalendar = { kind: 'cancelled' as const, at };
    return {
      next: { ...record, status: 'cancelled', booking: { ...booking, changedInCalendar }, updatedAt: at },
      sync: 'cancelled',
    };
  }
  if (!sameInstant(observed.start, booking.start) || !sameInstant(observed.end, booking.end)) {
    const changedInCalendar = { kind: 'moved' as const, at };
    return {
      next: {
        ...record,
        date: zonedDate(observed.start, timeZone),
        booking: { ...booking, start: observed.start, end: observed.end, changedInCalendar },
        updatedAt: at,
      },
      sync: 'moved',
    };
  }
  const pair = [record.employeeId, ...record.managerIds];
  const declined = new Set(observed.declinedBy.map((a) => a.toLowerCase()));
  const declinedBy: PersonId[] = [];
  for (const id of pair) {
    const person = await deps.repos.employees.get(record.tenantId, id);
    if (person !== undefined && declined.has(person.item.email.toLowerCase())) declinedBy.push(id);
  }
  const before = booking.declinedBy ?? [];
  if (declinedBy.length === before.length && declinedBy.every((id) => before.includes(id))) {
    return { next: record, sync: 'unchanged' };
  }
  const { declinedBy: _dropped, ...rest } = booking;
  const changedInCalendar = { kind: 'declined' as const, at };
  return {
    next: {
      ...record,
      booking: { ...rest, ...(declinedBy.length === 0 ? {} : { declinedBy }), changedInCalendar },
      updatedAt: at,
    },
    sync: declinedBy.length === 0 ? 'unchanged' : 'declined',
  };
};

/**
 * Brings the record of one calendar event in line with the event as Outlook holds it. A record
 * the product is itself still booking or cancelling is left to that step; a concurrent edit is
 * re-read and the change applied again.
 */
export const syncCalendarEvent = async (
  deps: UseCaseDeps,
  tenantId: TenantId,
  organizerId: PersonId,
  eventId: string,
  observed: ObservedEvent | undefined,
): Promise<EventSync> => {
  const w = watching(deps);
  const link = await w?.store.getLink(tenantId, organizerId, eventId);
  if (link === undefined) return 'unknown';
  const tenant = await deps.repos.tenants.get(tenantId);
  if (tenant === undefined) return 'unknown';
  for (let attempt = 1; ; attempt += 1) {
    const stored = await deps.repos.conversations.get(tenantId, link.employeeId, link.conversationId);
    const booking = stored?.item.booking;
    if (stored === undefined || stored.item.status !== 'booked' || booking === undefined) return 'unchanged';
    if (booking.pending !== undefined || booking.eventIds[organizerId] !== eventId) return 'unchanged';
    const { next, sync } = await followCalendar(deps, stored.item, observed, tenant.item.timeZone);
    if (next === stored.item) return sync;
    try {
      await deps.repos.conversations.update(next, stored.etag);
      return sync;
    } catch (error) {
      if (!(isAppError(error) && error.code === 'conflict') || attempt >= WRITE_ATTEMPTS) throw error;
    }
  }
};

/** The stored watch of a mailbox, or a new one with nothing subscribed yet. */
const watchOrNew = (
  deps: UseCaseDeps,
  stored: Stored<CalendarWatch> | undefined,
  tenantId: TenantId,
  mailboxId: PersonId,
): CalendarWatch =>
  stored?.item ?? { tenantId, id: calendarWatchId(tenantId, mailboxId), mailboxId, updatedAt: deps.clock.now() };

const saveWatch = async (
  w: CalendarWatching,
  stored: Stored<CalendarWatch> | undefined,
  watch: CalendarWatch,
): Promise<Stored<CalendarWatch>> => w.store.saveWatch(watch, stored?.etag);

const subscribeAnew = async (
  deps: UseCaseDeps,
  w: CalendarWatching,
  tenantId: TenantId,
  mailboxId: PersonId,
  stored: Stored<CalendarWatch> | undefined,
): Promise<Stored<CalendarWatch>> => {
  const now = Date.parse(deps.clock.now());
  const base = watchOrNew(deps, stored, tenantId, mailboxId);
  try {
    const made = await w.gateway.subscribe(tenantId, mailboxId, {
      notificationUrl: w.notificationUrl,
      lifecycleNotificationUrl: w.lifecycleNotificationUrl,
      clientState: w.clientStateFor(tenantId, mailboxId),
      expiresAt: iso(now + SUBSCRIPTION_MINUTES * 60_000),
    });
    const { lastError: _cleared, ...rest } = base;
    return await saveWatch(w, stored, {
      ...rest,
      subscriptionId: made.subscriptionId,
      expiresAt: made.expiresAt,
      updatedAt: deps.clock.now(),
    });
  } catch (error) {
    if (isAppError(error) && error.code === 'conflict') throw error;
    const { subscriptionId: _gone, expiresAt: _none, ...rest } = base;
    return saveWatch(w, stored, { ...rest, lastError: errorText(error), updatedAt: deps.clock.now() });
  }
};

/**
 * Reads the mailbox's changes since the last delta link (or its whole window the first time) and
 * applies those to booked records; returns what each linked event did.
 */
export const catchUpCalendar = async (
  deps: UseCaseDeps,
  tenantId: TenantId,
  mailboxId: PersonId,
): Promise<readonly EventSync[]> => {
  const w = watching(deps);
  if (w === undefined) return [];
  const stored = await w.store.getWatch(tenantId, mailboxId);
  const now = Date.parse(deps.clock.now());
  const { changes, deltaLink } = await w.gateway.eventChanges(tenantId, mailboxId, {
    ...(stored?.item.deltaLink === undefined ? {} : { deltaLink: stored.item.deltaLink }),
    from: iso(now - WINDOW_BACK_MS),
    to: iso(now + WINDOW_AHEAD_MS),
  });
  const results: EventSync[] = [];
  for (const change of changes) {
    results.push(await syncCalendarEvent(deps, tenantId, mailboxId, change.eventId, change.observed));
  }
  const base = watchOrNew(deps, stored, tenantId, mailboxId);
  await w.store.saveWatch(
    { ...base, deltaLink, caughtUpAt: deps.clock.now(), updatedAt: deps.clock.now() },
    stored?.etag,
  );
  return results;
};

export type WatchState = 'watching' | 'renewed' | 'subscribed' | 'failed';

/** Makes sure the mailbox has a live subscription, renewing or replacing it as needed. */
export const ensureCalendarWatch = async (
  deps: UseCaseDeps,
  tenantId: TenantId,
  mailboxId: PersonId,
  /** Renew whatever time is left (Graph asked to reauthorise). */
  renewNow = false,
): Promise<WatchState> => {
  const w = watching(deps);
  if (w === undefined) return 'failed';
  const stored = await w.store.getWatch(tenantId, mailboxId);
  const now = Date.parse(deps.clock.now());
  const { subscriptionId, expiresAt } = stored?.item ?? {};
  if (subscriptionId !== undefined && expiresAt !== undefined && Date.parse(expiresAt) > now) {
    if (!renewNow && Date.parse(expiresAt) - now > RENEW_WITHIN_MS) return 'watching';
    const until = iso(now + SUBSCRIPTION_MINUTES * 60_000);
    try {
      if (await w.gateway.renew(tenantId, subscriptionId, until)) {
        await saveWatch(w, stored, {
          ...(stored?.item as CalendarWatch),
          expiresAt: until,
          updatedAt: deps.clock.now(),
        });
        return 'renewed';
      }
    } catch (error) {
      if (isAppError(error) && error.code === 'conflict') throw error;
      await saveWatch(w, stored, {
        ...(stored?.item as CalendarWatch),
        lastError: errorText(error),
        updatedAt: deps.clock.now(),
      });
      return 'failed';
    }
  }
  // None yet, expired, or gone from Graph: subscribe again, then read what happened meanwhile.
  const saved = await subscribeAnew(deps, w, tenantId, mailboxId, stored);
  if (saved.item.subscriptionId === undefined) return 'failed';
  if (stored !== undefined) await catchUpCalendar(deps, tenantId, mailboxId);
  return 'subscribed';
};

/**
 * After a booking's invitations went out: remembers which record each event belongs to and
 * watches the organisers' calendars. A failure to subscribe is kept on the watch for the next
 * maintenance round; the booking itself is never undone by it.
 */
export const watchBooking = async (deps: UseCaseDeps, record: ConversationRecord): Promise<void> => {
  const w = watching(deps);
  if (w === undefined || record.booking === undefined) return;
  for (const [organizerId, eventId] of Object.entries(record.booking.eventIds)) {
    await w.store.putLink({
      tenantId: record.tenantId,
      id: calendarEventLinkId(record.tenantId, organizerId, eventId),
      organizerId,
      eventId,
      employeeId: record.employeeId,
      conversationId: record.id,
    });
    try {
      await ensureCalendarWatch(deps, record.tenantId, organizerId);
    } catch {
      // Another instance is subscribing the same mailbox at this moment: its watch serves both.
    }
  }
};

/** `Users/{mailbox}/Events/{event}` as Graph names the changed resource. */
const eventOfResource = (resource: string | undefined): { mailboxId: string; eventId: string } | undefined => {
  const match = /^\/?users\/([^/]+)\/events\/([^/]+)$/i.exec(resource ?? '');
  return match?.[1] === undefined || match[2] === undefined
    ? undefined
    : { mailboxId: decodeURIComponent(match[1]), eventId: decodeURIComponent(match[2]) };
};

/** Change notifications: each one whose clientState is ours brings its event's record in line. */
export const applyCalendarNotifications = async (
  deps: UseCaseDeps,
  notifications: readonly CalendarNotification[],
  allowedTenant: (tenantId: string) => boolean,
): Promise<NotificationOutcome> => {
  const w = watching(deps);
  let refused = 0;
  const results: EventSync[] = [];
  for (const n of notifications) {
    const event = eventOfResource(n.resource);
    const tenantId = n.tenantId;
    if (
      w === undefined ||
      event === undefined ||
      tenantId === undefined ||
      !allowedTenant(tenantId) ||
      w.mailboxOfClientState(tenantId, n.clientState ?? '') !== event.mailboxId
    ) {
      refused += 1;
      continue;
    }
    const observed =
      n.changeType === 'deleted' ? undefined : await w.gateway.readEvent(tenantId, event.mailboxId, event.eventId);
    results.push(await syncCalendarEvent(deps, tenantId, event.mailboxId, event.eventId, observed));
  }
  return { refused, results };
};

/**
 * Lifecycle notifications: renew when Graph asks to reauthorise, subscribe again when it removed
 * the subscription, and catch up by delta query after missed notifications.
 */
export const applyLifecycleNotifications = async (
  deps: UseCaseDeps,
  notifications: readonly CalendarNotification[],
  allowedTenant: (tenantId: string) => boolean,
): Promise<{ readonly refused: number; readonly handled: number }> => {
  const w = watching(deps);
  let refused = 0;
  let handled = 0;
  for (const n of notifications) {
    const tenantId = n.tenantId;
    const mailboxId =
      w === undefined || tenantId === undefined || !allowedTenant(tenantId)
        ? undefined
        : w.mailboxOfClientState(tenantId, n.clientState ?? '');
    if (w === undefined || tenantId === undefined || mailboxId === undefined) {
      refused += 1;
      continue;
    }
    if (n.lifecycleEvent === 'missed') {
      await catchUpCalendar(deps, tenantId, mailboxId);
    } else if (n.lifecycleEvent === 'subscriptionRemoved') {
      const stored = await w.store.getWatch(tenantId, mailboxId);
      if (stored !== undefined) {
        // Graph has dropped it: forget it, so the next step subscribes again and catches up.
        const { subscriptionId: _gone, expiresAt: _none, ...rest } = stored.item;
        await w.store.saveWatch({ ...rest, updatedAt: deps.clock.now() }, stored.etag);
      }
      await ensureCalendarWatch(deps, tenantId, mailboxId);
    } else if (n.lifecycleEvent === 'reauthorizationRequired') {
      await ensureCalendarWatch(deps, tenantId, mailboxId, true);
    }
    handled += 1;
  }
  return { refused, handled };
};

export interface WatchRound {
  readonly watching: number;
  readonly renewed: number;
  readonly subscribed: number;
  readonly failed: number;
  readonly caughtUp: number;
}

/**
 * One maintenance round for a tenant: every watched calendar is renewed before its subscription
 * expires (or subscribed again), and read by delta query when it has not been for a while.
 */
export const maintainCalendarWatches = async (deps: UseCaseDeps, tenantId: TenantId): Promise<WatchRound> => {
  const w = watching(deps);
  const round = { watching: 0, renewed: 0, subscribed: 0, failed: 0, caughtUp: 0 };
  if (w === undefined) return round;
  let token: string | undefined;
  do {
    const page = await w.store.listWatches(tenantId, token === undefined ? {} : { continuationToken: token });
    for (const item of page.items) {
      let state: WatchState;
      try {
        state = await ensureCalendarWatch(deps, tenantId, item.mailboxId);
      } catch {
        state = 'failed';
      }
      round[state] += 1;
      // A calendar subscribed again has just been caught up; the others carry on from the listing.
      const caughtUpAt = item.caughtUpAt;
      const due = caughtUpAt === undefined || Date.parse(deps.clock.now()) - Date.parse(caughtUpAt) > CATCH_UP_EVERY_MS;
      if (state !== 'failed' && state !== 'subscribed' && due) {
        try {
          await catchUpCalendar(deps, tenantId, item.mailboxId);
          round.caughtUp += 1;
        } catch {
          round.failed += 1;
        }
      }
    }
    token = page.continuationToken;
  } while (token !== undefined);
  return round;
};
