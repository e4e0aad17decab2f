import type { Employee, EmployeeRepository } from '@pc/core';
import { describe, expect, it } from 'vitest';
import { employee, newTenantId } from './fixtures.ts';
import { pagingClauses, versionedClauses } from './shared.ts';

const reporting = (tenantId: string, id: string, managerIds: string[]): Employee =>
  employee(tenantId, id, {
    jobs: [
      { id: 'job-1', title: 'Officer', managerIds, isMain: true, contract: 'substantive', startDate: '2024-04-01' },
    ],
  });

export const employeeRepositoryContract = (open: () => EmployeeRepository): void => {
  describe('EmployeeRepository', () => {
    versionedClauses<Employee>({
      open: () => {
        const repo = open();
        return {
          get: (e) => repo.get(e.tenantId, e.id),
          create: (e) => repo.create(e),
          update: (e, v) => repo.update(e, v),
        };
      },
      build: (tenantId, id) => employee(tenantId, id),
      change: (e, label) => ({ ...e, displayName: label }),
    });

    pagingClauses<Employee>({
      seed: async (tenantId, count) => {
        const ids = Array.from({ length: count }, (_, i) => `person-${String(i + 1)}`);
        for (const id of ids) await open().create(employee(tenantId, id));
        return ids;
      },
      list: (tenantId, page) => open().list(tenantId, page),
      idOf: (e) => e.id,
      unordered: true,
    });

    it('lists as reports everyone with a job under the manager, in that tenant only', async () => {
      const repo = open();
      const tenantId = newTenantId();
      const elsewhere = newTenantId();
      await repo.create(reporting(tenantId, 'direct', ['boss']));
      await repo.create(reporting(tenantId, 'shared', ['someone-else', 'boss']));
      await repo.create(reporting(tenantId, 'not-mine', ['someone-else']));
      await repo.create(reporting(elsewhere, 'direct', ['boss']));
      await repo.create(
        employee(tenantId, 'second-job', {
          jobs: [
            {
              id: 'a',
              title: 'Clerk',
              managerIds: ['other'],
              isMain: true,
              contract: 'substantive',
              startDate: '2024-04-01',
            },
            {
              id: 'b',
              title: 'Acting lead',
              managerIds: ['boss'],
              isMain: false,
              contract: 'additional',
              startDate: '2025-01-06',
              actingUp: true,
            },
          ],
        }),
      );
      const reports = await repo.listReports(tenantId, 'boss');
      expect(reports.map((e) => e.id).sort()).toEqual(['direct', 'second-job', 'shared']);
      expect(reports.every((e) => e.tenantId === tenantId)).toBe(true);
      expect(await repo.listReports(newTenantId(), 'boss')).toEqual([]);
    });

    it('lists everyone in the tenant at once, beyond a page, and no one from another tenant', async () => {
      const repo = open();
      const tenantId = newTenantId();
      const elsewhere = newTenantId();
      const ids = Array.from({ length: 130 }, (_, i) => `person-${String(i + 1).padStart(3, '0')}`);
      for (const id of ids) await repo.create(employee(tenantId, id));
      await repo.create(employee(elsewhere, 'stranger'));
      const everyone = await repo.listAll(tenantId);
      expect(everyone.map((e) => e.id).sort()).toEqual(ids);
      expect(await repo.listAll(newTenantId())).toEqual([]);
    });

    it('lists everyone with the version an update needs, and turns away one that went stale', async () => {
      const repo = open();
      const tenantId = newTenantId();
      for (const id of ['ann', 'bob']) await repo.create(employee(tenantId, id));
      await repo.create(employee(newTenantId(), 'stranger'));
      const listed = await repo.listAllStored(tenantId);
      expect(listed.map((s) => s.item.id).sort()).toEqual(['ann', 'bob']);
      const [first] = listed;
      if (first === undefined) throw new Error('nobody listed');
      await repo.update({ ...first.item, displayName: 'Renamed' }, first.etag);
      await expect(repo.update({ ...first.item, displayName: 'Again' }, first.etag)).rejects.toMatchObject({
        code: 'conflict',
      });
    });
  });
};
