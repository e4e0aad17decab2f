import type { TenantId } from '@pc/core';
import {
  calendarEventLinkId,
  calendarWatchId,
  type CalendarEventLink,
  type CalendarWatch,
  type CalendarWatchStore,
} from '@pc/core/usecases';
import { MemoryDocuments } from './documents.ts';

/** Watches in one partition per tenant, event links partitioned by organiser, as in Cosmos. */
export class InMemoryCalendarWatchStore implements CalendarWatchStore {
  readonly #watches = new MemoryDocuments<CalendarWatch>({
    id: (w) => w.id,
    tenantId: (w) => w.tenantId,
    partition: () => 'watches',
  });
  readonly #links = new MemoryDocuments<CalendarEventLink>({
    id: (l) => l.id,
    tenantId: (l) => l.tenantId,
    partition: (l) => l.organizerId,
  });

  getWatch(tenantId: TenantId, mailboxId: string) {
    return this.#watches.get(tenantId, 'watches', calendarWatchId(tenantId, mailboxId));
  }

  saveWatch(watch: CalendarWatch, etag?: string) {
    return etag === undefined ? this.#watches.create(watch) : this.#watches.replace(watch, etag);
  }

  listWatches(tenantId: TenantId, page?: { pageSize?: number; continuationToken?: string }) {
    return this.#watches.page(tenantId, 'watches', page);
  }

  async getLink(tenantId: TenantId, organizerId: string, eventId: string) {
    return (await this.#links.get(tenantId, organizerId, calendarEventLinkId(tenantId, organizerId, eventId)))?.item;
  }

  async putLink(link: CalendarEventLink) {
    await this.#links.upsert(link);
  }

  listLinks(tenantId: TenantId, organizerId: string, page?: { pageSize?: number; continuationToken?: string }) {
    return this.#links.page(tenantId, organizerId, page);
  }
}
