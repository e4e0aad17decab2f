import type { AppealCase, AppealRepository, DisagreementCase, DisagreementRepository } from '@pc/core/usecases';
import { describe, expect, it } from 'vitest';
import { newTenantId } from './fixtures.ts';
import { versionedClauses } from './shared.ts';

const appeal = (tenantId: string, id: string, over: Partial<AppealCase> = {}): AppealCase => ({
  tenantId,
  id,
  scheme: 'bexley-pms',
  policyRef: '002 Appendix 6',
  employeeId: 'employee-1',
  conversationId: `conv-${id}`,
  conversationType: 'annual-review',
  conversationDate: '2027-05-03',
  managerIds: ['manager-1'],
  lodgedOn: '2027-05-05',
  lodgedBy: 'employee-1',
  windowFrom: '2027-05-03',
  lodgeBy: '2027-05-17',
  grounds: 'The award is inconsistent with the documentation.',
  stage: 'lodged',
  extensions: [],
  createdAt: '2027-05-05T09:00:00.000Z',
  updatedAt: '2027-05-05T09:00:00.000Z',
  ...over,
});

const disagreement = (tenantId: string, id: string, over: Partial<DisagreementCase> = {}): DisagreementCase => ({
  tenantId,
  id,
  employeeId: 'employee-1',
  conversationId: `conv-${id}`,
  conversationType: 'regular',
  conversationDate: '2027-05-03',
  managerIds: ['manager-1'],
  recordedAt: '2027-05-04T09:00:00.000Z',
  stage: 'open',
  updatedAt: '2027-05-04T09:00:00.000Z',
  ...over,
});

export const appealRepositoryContract = (open: () => AppealRepository): void => {
  describe('AppealRepository', () => {
    versionedClauses<AppealCase>({
      open: () => {
        const repo = open();
        return {
          get: (a) => repo.get(a.tenantId, a.id),
          create: (a) => repo.create(a),
          update: (a, v) => repo.update(a, v),
        };
      },
      build: (tenantId, id) => appeal(tenantId, id),
      change: (a, label) => ({ ...a, grounds: label }),
    });

    it('lists a tenant’s appeals oldest lodged first, and only the undecided ones when asked', async () => {
      const repo = open();
      const tenantId = newTenantId();
      await repo.create(appeal(tenantId, 'b', { lodgedOn: '2027-05-09' }));
      await repo.create(appeal(tenantId, 'a', { lodgedOn: '2027-05-06', stage: 'decided' }));
      await repo.create(appeal(newTenantId(), 'c'));
      expect((await repo.list(tenantId)).items.map((a) => a.id)).toEqual(['a', 'b']);
      expect((await repo.list(tenantId, { open: true })).items.map((a) => a.id)).toEqual(['b']);
    });
  });
};

export const disagreementRepositoryContract = (open: () => DisagreementRepository): void => {
  describe('DisagreementRepository', () => {
    versionedClauses<DisagreementCase>({
      open: () => {
        const repo = open();
        return { get: (d) => repo.get(d.tenantId, d.id), create: (d) => repo.put(d), update: (d, v) => repo.put(d, v) };
      },
      build: (tenantId, id) => disagreement(tenantId, id),
      change: (d, label) => ({ ...d, updatedAt: `2027-05-05T09:00:00.${String(label.length).padStart(3, '0')}Z` }),
    });

    it('lists HR’s open cases oldest first, leaving closed ones out when asked', async () => {
      const repo = open();
      const tenantId = newTenantId();
      await repo.put(disagreement(tenantId, 'late', { recordedAt: '2027-05-08T09:00:00.000Z' }));
      await repo.put(disagreement(tenantId, 'early', { stage: 'closed' }));
      expect((await repo.list(tenantId)).items.map((d) => d.id)).toEqual(['early', 'late']);
      expect((await repo.list(tenantId, { open: true })).items.map((d) => d.id)).toEqual(['late']);
    });
  });
};
