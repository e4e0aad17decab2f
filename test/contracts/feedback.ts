import type { FeedbackEntry, FeedbackRepository } from '@pc/core';
import { describe, expect, it } from 'vitest';
import { feedback, minute, newTenantId } from './fixtures.ts';
import { pagingClauses, versionedClauses } from './shared.ts';

export const feedbackRepositoryContract = (open: () => FeedbackRepository): void => {
  describe('FeedbackRepository', () => {
    versionedClauses<FeedbackEntry>({
      open: () => {
        const repo = open();
        return {
          get: (f) => repo.get(f.tenantId, f.subjectId, f.id),
          create: (f) => repo.create(f),
          update: (f, v) => repo.update(f, v),
        };
      },
      build: (tenantId, id) => feedback(tenantId, id),
      change: (f, label) => ({ ...f, text: label }),
    });

    pagingClauses<FeedbackEntry>({
      seed: async (tenantId, count) => {
        const ids = Array.from({ length: count }, (_, i) => `note-${String(i + 1)}`);
        for (const [i, id] of ids.entries()) await open().create(feedback(tenantId, id, { createdAt: minute(i) }));
        return [...ids].reverse(); // newest first
      },
      list: (tenantId, page) => open().listForSubject(tenantId, 'emp-1', page),
      idOf: (f) => f.id,
    });

    it('creates notes written at the same moment each once, and a repeated id as a conflict', async () => {
      const repo = open();
      const tenantId = newTenantId();
      const ids = ['a', 'b', 'c', 'd'];
      const outcomes = await Promise.allSettled([...ids, 'a'].map((id) => repo.create(feedback(tenantId, id))));
      expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(4);
      const refused = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
      expect(refused.map((o) => (o.reason as { code?: unknown }).code)).toEqual(['conflict']);
      expect((await repo.listForSubject(tenantId, 'emp-1')).items.map((f) => f.id).sort()).toEqual(ids);
    });
  });
};
