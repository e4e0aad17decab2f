import type { ConversationRecord, ConversationRepository } from '@pc/core';
import { describe, expect, it } from 'vitest';
import { conversation, day, newTenantId } from './fixtures.ts';
import { pagingClauses, versionedClauses } from './shared.ts';

export const conversationRepositoryContract = (open: () => ConversationRepository): void => {
  describe('ConversationRepository', () => {
    versionedClauses<ConversationRecord>({
      open: () => {
        const repo = open();
        return {
          get: (c) => repo.get(c.tenantId, c.employeeId, c.id),
          create: (c) => repo.create(c),
          update: (c, v) => repo.update(c, v),
        };
      },
      build: (tenantId, id) => conversation(tenantId, id),
      change: (c, label) => ({ ...c, notes: label }),
    });

    pagingClauses<ConversationRecord>({
      seed: async (tenantId, count) => {
        const ids = Array.from({ length: count }, (_, i) => `conv-${String(i + 1)}`);
        for (const [i, id] of ids.entries()) await open().create(conversation(tenantId, id, { date: day(i * 10) }));
        return [...ids].reverse(); // newest first
      },
      list: (tenantId, page) => open().listForEmployee(tenantId, 'emp-1', {}, page),
      idOf: (c) => c.id,
    });

    it('lists one employee by type and date range, newest first', async () => {
      const repo = open();
      const tenantId = newTenantId();
      await repo.create(conversation(tenantId, 'jan', { date: '2027-01-10' }));
      await repo.create(conversation(tenantId, 'mar', { date: '2027-03-10' }));
      await repo.create(conversation(tenantId, 'apr-annual', { date: '2027-04-10', type: 'annual-review' }));
      await repo.create(conversation(tenantId, 'may', { date: '2027-05-10' }));
      await repo.create(conversation(tenantId, 'colleague', { date: '2027-03-11', employeeId: 'emp-2' }));
      const ids = async (query: Parameters<ConversationRepository['listForEmployee']>[2]) =>
        (await repo.listForEmployee(tenantId, 'emp-1', query)).items.map((c) => c.id);
      expect(await ids({})).toEqual(['may', 'apr-annual', 'mar', 'jan']);
      expect(await ids({ type: 'regular' })).toEqual(['may', 'mar', 'jan']);
      expect(await ids({ from: '2027-03-10', to: '2027-04-10' })).toEqual(['apr-annual', 'mar']);
      expect(await ids({ type: 'annual-review', to: '2027-03-31' })).toEqual([]);
    });
  });
};
