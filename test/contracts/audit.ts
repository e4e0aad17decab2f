import type { AuditEvent, AuditLog } from '@pc/core';
import { describe, expect, it } from 'vitest';
import { auditEvent, minute, newTenantId } from './fixtures.ts';
import { pagingClauses, rejectionCode } from './shared.ts';

export const auditLogContract = (open: () => AuditLog): void => {
  describe('AuditLog', () => {
    it('lists what was appended about a subject, newest first, and nobody else', async () => {
      const log = open();
      const tenantId = newTenantId();
      await log.append(auditEvent(tenantId, 'older', { at: minute(1) }));
      await log.append(auditEvent(tenantId, 'newer', { at: minute(2) }));
      await log.append(auditEvent(tenantId, 'about-someone-else', { subjectId: 'emp-2' }));
      const listed = await log.listForSubject(tenantId, 'emp-1');
      expect(listed.items).toEqual([
        auditEvent(tenantId, 'newer', { at: minute(2) }),
        auditEvent(tenantId, 'older', { at: minute(1) }),
      ]);
    });

    it('never rewrites an event: appending an id again is a conflict and the first stays', async () => {
      const log = open();
      const tenantId = newTenantId();
      await log.append(auditEvent(tenantId, 'e1'));
      expect(await rejectionCode(log.append(auditEvent(tenantId, 'e1', { action: 'record.archived' })))).toBe(
        'conflict',
      );
      expect((await log.listForSubject(tenantId, 'emp-1')).items).toEqual([auditEvent(tenantId, 'e1')]);
    });

    it('keeps tenants apart when event and subject ids are equal', async () => {
      const log = open();
      const [a, b] = [newTenantId(), newTenantId()];
      await log.append(auditEvent(a, 'e1'));
      await log.append(auditEvent(b, 'e1', { action: 'rating.released' }));
      expect((await log.listForSubject(a, 'emp-1')).items).toEqual([auditEvent(a, 'e1')]);
      expect((await log.listForSubject(b, 'emp-1')).items).toEqual([
        auditEvent(b, 'e1', { action: 'rating.released' }),
      ]);
    });

    it("lists a tenant's trail newest first, narrowed by subject, actor, action and whole days, and no other tenant's", async () => {
      const log = open();
      const [tenantId, other] = [newTenantId(), newTenantId()];
      const at = (day: string) => `2027-05-${day}T23:30:00.000Z`;
      await log.append(auditEvent(tenantId, 'a', { at: at('01'), actorId: 'hr-1', subjectId: 'emp-1' }));
      await log.append(auditEvent(tenantId, 'b', { at: at('02'), actorId: 'aud-1', subjectId: 'emp-2' }));
      await log.append(
        auditEvent(tenantId, 'c', { at: at('03'), actorId: 'hr-1', subjectId: 'emp-2', action: 'rating.released' }),
      );
      await log.append(auditEvent(other, 'd', { at: at('02'), actorId: 'hr-1', subjectId: 'emp-1' }));
      const ids = async (query: Parameters<AuditLog['listForTenant']>[1]) =>
        (await log.listForTenant(tenantId, query)).items.map((e) => e.id);
      expect(await ids({})).toEqual(['c', 'b', 'a']);
      expect(await ids({ subjectId: 'emp-2' })).toEqual(['c', 'b']);
      expect(await ids({ actorId: 'hr-1' })).toEqual(['c', 'a']);
      expect(await ids({ action: 'rating.released' })).toEqual(['c']);
      expect(await ids({ from: '2027-05-02', to: '2027-05-02' })).toEqual(['b']);
      expect(await ids({ actorId: 'hr-1', to: '2027-05-02' })).toEqual(['a']);
    });

    pagingClauses<AuditEvent>({
      seed: async (tenantId, count) => {
        const ids = Array.from({ length: count }, (_, i) => `event-${String(i + 1)}`);
        for (const [i, id] of ids.entries()) await open().append(auditEvent(tenantId, id, { at: minute(i) }));
        return [...ids].reverse(); // newest first
      },
      list: (tenantId, page) => open().listForSubject(tenantId, 'emp-1', page),
      idOf: (e) => e.id,
    });
  });
};
