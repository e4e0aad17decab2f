import type { TeamThemes, TeamThemesRepository } from '@pc/core/usecases';
import { describe, expect, it } from 'vitest';
import { newTenantId, teamThemes } from './fixtures.ts';
import { rejectionCode, versionedClauses } from './shared.ts';

export const teamThemesRepositoryContract = (open: () => TeamThemesRepository): void => {
  describe('TeamThemesRepository', () => {
    // put without a version creates, put with one updates: the shared clauses in those terms.
    versionedClauses<TeamThemes>({
      open: () => {
        const repo = open();
        return {
          get: (t) => repo.get(t.tenantId, t.managerId),
          create: (t) => repo.put(t),
          update: (t, v) => repo.put(t, v),
        };
      },
      build: (tenantId, managerId) => teamThemes(tenantId, managerId),
      change: (t, label) => ({ ...t, summary: label }),
    });

    it("keeps one record per manager: another manager's themes are their own", async () => {
      const repo = open();
      const tenantId = newTenantId();
      const mine = await repo.put(teamThemes(tenantId, 'mgr-1'));
      await repo.put(teamThemes(tenantId, 'mgr-2', { summary: 'Staffing' }));
      expect((await repo.get(tenantId, 'mgr-1'))?.item.summary).toBe(mine.item.summary);
      expect(await rejectionCode(repo.put(teamThemes(tenantId, 'mgr-2'), mine.etag))).toBe('conflict');
    });
  });
};
