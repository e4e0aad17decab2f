import type { Objective, ObjectiveRepository } from '@pc/core';
import { describe, expect, it } from 'vitest';
import { minute, newTenantId, objective } from './fixtures.ts';
import { pagingClauses, versionedClauses } from './shared.ts';

export const objectiveRepositoryContract = (open: () => ObjectiveRepository): void => {
  describe('ObjectiveRepository', () => {
    versionedClauses<Objective>({
      open: () => {
        const repo = open();
        return {
          get: (o) => repo.get(o.tenantId, o.ownerId, o.id),
          create: (o) => repo.create(o),
          update: (o, v) => repo.update(o, v),
        };
      },
      build: (tenantId, id) => objective(tenantId, id),
      change: (o, label) => ({ ...o, title: label, progress: 50 }),
    });

    pagingClauses<Objective>({
      seed: async (tenantId, count) => {
        const ids = Array.from({ length: count }, (_, i) => `obj-${String(i + 1)}`);
        for (const [i, id] of ids.entries()) await open().create(objective(tenantId, id, { createdAt: minute(i) }));
        return [...ids].reverse(); // newest first
      },
      list: (tenantId, page) => open().listForOwner(tenantId, 'emp-1', page),
      idOf: (o) => o.id,
    });

    it("lists only the owner's objectives", async () => {
      const repo = open();
      const tenantId = newTenantId();
      await repo.create(objective(tenantId, 'mine'));
      await repo.create(objective(tenantId, 'theirs', { ownerId: 'emp-2' }));
      expect((await repo.listForOwner(tenantId, 'emp-1')).items.map((o) => o.id)).toEqual(['mine']);
      expect(await repo.get(tenantId, 'emp-1', 'theirs')).toBeUndefined();
    });
  });
};
