import type { TenantRepository } from '@pc/core';
import { describe, expect, it } from 'vitest';
import { newTenantId, tenant } from './fixtures.ts';

export const tenantRepositoryContract = (open: () => TenantRepository): void => {
  describe('TenantRepository', () => {
    it('reads back what was put, with a version; a tenant never put reads as nothing', async () => {
      const repo = open();
      const tenantId = newTenantId();
      const stored = await repo.put(tenant(tenantId));
      expect(stored.item).toEqual(tenant(tenantId));
      expect(stored.etag).toEqual(expect.any(String));
      expect(await repo.get(tenantId)).toEqual(stored);
      expect(await repo.get(newTenantId())).toBeUndefined();
    });

    it('lets the last put win (one writer: onboarding) with a new version', async () => {
      const repo = open();
      const tenantId = newTenantId();
      const first = await repo.put(tenant(tenantId));
      const second = await repo.put(tenant(tenantId, { name: 'Renamed Council', schemeId: 'bexley-pms' }));
      expect(second.etag).not.toBe(first.etag);
      expect((await repo.get(tenantId))?.item).toMatchObject({ name: 'Renamed Council', schemeId: 'bexley-pms' });
    });

    it('keeps tenants apart', async () => {
      const repo = open();
      const [a, b] = [newTenantId(), newTenantId()];
      await repo.put(tenant(a, { name: 'A' }));
      await repo.put(tenant(b, { name: 'B' }));
      await repo.put(tenant(a, { name: 'A again' }));
      expect((await repo.get(a))?.item.name).toBe('A again');
      expect((await repo.get(b))?.item.name).toBe('B');
    });
  });
};
