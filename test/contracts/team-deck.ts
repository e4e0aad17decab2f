import type { TeamDeck, TeamDeckStore } from '@pc/core/usecases';
import { describe, expect, it } from 'vitest';
import { minute, newTenantId } from './fixtures.ts';
import { rejectionCode } from './shared.ts';

const deck = (tenantId: string, id: string, overrides: Partial<TeamDeck> = {}): TeamDeck => ({
  tenantId,
  id,
  conversationId: '19:team@thread.tacv2',
  organiserId: 'mgr-1',
  cardIds: ['topic:wellbeing', 'value:respect'],
  position: 0,
  refreshIds: ['29:mgr-1'],
  answers: [],
  status: 'open',
  startedBy: 'activity-1',
  startedAt: minute(0),
  ...overrides,
});

export const teamDeckStoreContract = (open: () => TeamDeckStore): void => {
  describe('TeamDeckStore', () => {
    it('creates once: a second create of the same deck is undefined and changes nothing', async () => {
      const store = open();
      const tenantId = newTenantId();
      expect((await store.create(deck(tenantId, 'd1')))?.item).toEqual(deck(tenantId, 'd1'));
      expect(await store.create(deck(tenantId, 'd1', { position: 1 }))).toBeUndefined();
      expect((await store.get(tenantId, 'd1'))?.item.position).toBe(0);
      expect(await store.get(tenantId, 'never-started')).toBeUndefined();
    });

    it('replaces with the current version and refuses a stale one as a conflict', async () => {
      const store = open();
      const tenantId = newTenantId();
      const first = await store.create(deck(tenantId, 'd1'));
      if (first === undefined) throw new Error('the deck was not stored');
      const second = await store.replace({ ...first.item, position: 1 }, first.etag);
      expect(second.etag).not.toBe(first.etag);
      expect(await rejectionCode(store.replace({ ...first.item, status: 'ended' }, first.etag))).toBe('conflict');
      expect((await store.get(tenantId, 'd1'))?.item).toMatchObject({ position: 1, status: 'open' });
    });

    it('keeps tenants apart when deck ids are equal', async () => {
      const store = open();
      const [a, b] = [newTenantId(), newTenantId()];
      await store.create(deck(a, 'd1'));
      await store.create(deck(b, 'd1', { organiserId: 'someone-else' }));
      expect((await store.get(a, 'd1'))?.item.organiserId).toBe('mgr-1');
      expect((await store.get(b, 'd1'))?.item.organiserId).toBe('someone-else');
    });
  });
};
