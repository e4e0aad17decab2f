import { AppError } from '@pc/core';
import {
  calendarEventLinkId,
  calendarWatchId,
  type CalendarEventLink,
  type CalendarWatch,
  type CalendarWatchStore,
} from '@pc/core/usecases';
import { describe, expect, it } from 'vitest';
import { newTenantId } from './fixtures.ts';

const watch = (tenantId: string, mailboxId: string, overrides: Partial<CalendarWatch> = {}): CalendarWatch => ({
  tenantId,
  id: calendarWatchId(tenantId, mailboxId),
  mailboxId,
  updatedAt: '2027-05-03T10:00:00.000Z',
  ...overrides,
});
const link = (tenantId: string, eventId: string, overrides: Partial<CalendarEventLink> = {}): CalendarEventLink => ({
  tenantId,
  id: calendarEventLinkId(tenantId, 'organiser', eventId),
  organizerId: 'organiser',
  eventId,
  employeeId: 'emp-1',
  conversationId: `conv-${eventId}`,
  ...overrides,
});

export const calendarWatchStoreContract = (open: () => CalendarWatchStore): void => {
  describe('CalendarWatchStore', () => {
    it('creates a watch once, then replaces it only with its current ETag', async () => {
      const store = open();
      const tenantId = newTenantId();
      expect(await store.getWatch(tenantId, 'm1')).toBeUndefined();
      const first = await store.saveWatch(watch(tenantId, 'm1'));
      await expect(store.saveWatch(watch(tenantId, 'm1'))).rejects.toMatchObject({ code: 'conflict' });
      const renewed = await store.saveWatch(watch(tenantId, 'm1', { subscriptionId: 's1' }), first.etag);
      await expect(store.saveWatch(watch(tenantId, 'm1', { subscriptionId: 's2' }), first.etag)).rejects.toBeInstanceOf(
        AppError,
      );
      expect((await store.getWatch(tenantId, 'm1'))?.item.subscriptionId).toBe('s1');
      expect((await store.getWatch(tenantId, 'm1'))?.etag).toBe(renewed.etag);
    });

    it("lists a tenant's watches a page at a time, and no other tenant's", async () => {
      const store = open();
      const [a, b] = [newTenantId(), newTenantId()];
      for (const m of ['m1', 'm2', 'm3']) await store.saveWatch(watch(a, m));
      await store.saveWatch(watch(b, 'm9'));
      const first = await store.listWatches(a, { pageSize: 2 });
      expect(first.items).toHaveLength(2);
      const rest = await store.listWatches(a, { pageSize: 2, continuationToken: first.continuationToken ?? '' });
      expect([...first.items, ...rest.items].map((w) => w.mailboxId).sort()).toEqual(['m1', 'm2', 'm3']);
      expect(rest.continuationToken).toBeUndefined();
    });

    it('finds the record an event belongs to; the last link written for an event wins; tenants stay apart', async () => {
      const store = open();
      const [a, b] = [newTenantId(), newTenantId()];
      await store.putLink(link(a, 'e1'));
      await store.putLink(link(a, 'e1', { conversationId: 'conv-again' }));
      await store.putLink(link(a, 'e2'));
      expect(await store.getLink(a, 'organiser', 'e1')).toEqual(link(a, 'e1', { conversationId: 'conv-again' }));
      expect(await store.getLink(b, 'organiser', 'e1')).toBeUndefined();
      expect((await store.listLinks(a, 'organiser')).items.map((l) => l.eventId).sort()).toEqual(['e1', 'e2']);
    });
  });
};
