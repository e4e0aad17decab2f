import { meetingLinkId, type MeetingLink, type MeetingLinkStore } from '@pc/core/usecases';
import { describe, expect, it } from 'vitest';
import { newTenantId } from './fixtures.ts';

const CHAT = '19:meeting_abc@thread.v2';
const link = (tenantId: string, overrides: Partial<MeetingLink> = {}): MeetingLink => ({
  tenantId,
  id: meetingLinkId(tenantId, CHAT),
  chatId: CHAT,
  employeeId: 'emp-1',
  conversationId: 'conv-1',
  ...overrides,
});

export const meetingLinkStoreContract = (open: () => MeetingLinkStore): void => {
  describe('MeetingLinkStore', () => {
    it('finds a meeting by its chat id; a later booking of the same meeting replaces it', async () => {
      const store = open();
      const tenantId = newTenantId();
      expect(await store.get(tenantId, CHAT)).toBeUndefined();
      await store.put(link(tenantId));
      await store.put(link(tenantId, { conversationId: 'conv-2' }));
      expect(await store.get(tenantId, CHAT)).toEqual(link(tenantId, { conversationId: 'conv-2' }));
    });

    it('keeps tenants apart for the same meeting chat', async () => {
      const store = open();
      const [a, b] = [newTenantId(), newTenantId()];
      await store.put(link(a));
      expect(await store.get(b, CHAT)).toBeUndefined();
    });
  });
};
