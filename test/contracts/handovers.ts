import type { HandoverRepository } from '@pc/core/usecases';
import { describe, expect, it } from 'vitest';
import { handover, minute, newTenantId } from './fixtures.ts';
import { rejectionCode } from './shared.ts';

export const handoverRepositoryContract = (open: () => HandoverRepository): void => {
  describe('HandoverRepository', () => {
    it("lists an employee's notes newest first, and nobody else's", async () => {
      const repo = open();
      const tenantId = newTenantId();
      const created = await repo.create(handover(tenantId, 'first', { createdAt: minute(1) }));
      expect(created.item).toEqual(handover(tenantId, 'first', { createdAt: minute(1) }));
      expect(created.etag).toEqual(expect.any(String));
      await repo.create(handover(tenantId, 'second', { createdAt: minute(2) }));
      await repo.create(handover(tenantId, 'colleague', { employeeId: 'emp-2' }));
      expect((await repo.listForEmployee(tenantId, 'emp-1')).map((n) => n.id)).toEqual(['second', 'first']);
      expect(await repo.listForEmployee(tenantId, 'emp-3')).toEqual([]);
    });

    it('refuses a second note with the same id as a conflict and keeps the first', async () => {
      const repo = open();
      const tenantId = newTenantId();
      await repo.create(handover(tenantId, 'n1'));
      expect(await rejectionCode(repo.create(handover(tenantId, 'n1', { strengths: 'Changed' })))).toBe('conflict');
      expect(await repo.listForEmployee(tenantId, 'emp-1')).toEqual([handover(tenantId, 'n1')]);
    });

    it('keeps tenants apart when note and employee ids are equal', async () => {
      const repo = open();
      const [a, b] = [newTenantId(), newTenantId()];
      await repo.create(handover(a, 'n1'));
      await repo.create(handover(b, 'n1', { strengths: 'Other tenant' }));
      expect(await repo.listForEmployee(a, 'emp-1')).toEqual([handover(a, 'n1')]);
      expect(await repo.listForEmployee(b, 'emp-1')).toEqual([handover(b, 'n1', { strengths: 'Other tenant' })]);
    });

    it('lists every note, past any page size the store uses', async () => {
      const repo = open();
      const tenantId = newTenantId();
      const count = 105;
      for (let i = 0; i < count; i += 15) {
        await Promise.all(
          Array.from({ length: Math.min(15, count - i) }, (_, j) =>
            repo.create(handover(tenantId, `n${String(i + j).padStart(3, '0')}`, { createdAt: minute(i + j) })),
          ),
        );
      }
      const ids = (await repo.listForEmployee(tenantId, 'emp-1')).map((n) => n.id);
      expect(ids).toHaveLength(count);
      expect(ids[0]).toBe('n104');
      expect(ids.at(-1)).toBe('n000');
    });
  });
};
