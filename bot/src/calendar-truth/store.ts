import type { CalendarEventLink, CalendarWatch, CalendarWatchStore } from '@pc/core/usecases';
import { calendarEventLinkId, calendarWatchId } from '@pc/core/usecases';
import type { KeyValueFactory } from '../cosmos/bot-state.ts';

/** All of a tenant's watches share one partition: a tenant has one per organiser who books. */
const WATCHES = 'calendar-watches';

/**
 * Watches (one per organiser's mailbox) and event links (which record an event belongs to,
 * partitioned by organiser so a calendar's links come together) in the `state` container.
 */
export const createCalendarWatchStore = (keyValues: KeyValueFactory): CalendarWatchStore => {
  const watches = keyValues<CalendarWatch>('calendar-watch', () => WATCHES);
  const links = keyValues<CalendarEventLink>('calendar-event', (l) => l.organizerId);
  return {
    getWatch: (tenantId, mailboxId) => {
      const id = calendarWatchId(tenantId, mailboxId);
      return watches.get(tenantId, WATCHES, id);
    },
    saveWatch: (watch, etag) => (etag === undefined ? watches.create(watch) : watches.update(watch, etag)),
    listWatches: (tenantId, page) => watches.listByPartition(tenantId, WATCHES, page),
    getLink: async (tenantId, organizerId, eventId) =>
      (await links.get(tenantId, organizerId, calendarEventLinkId(tenantId, organizerId, eventId)))?.item,
    putLink: async (link) => {
      await links.put(link);
    },
    listLinks: (tenantId, organizerId, page) => links.listByPartition(tenantId, organizerId, page),
  };
};
