import type { ConversationRepository, EmployeeRepository } from '@pc/core';
import { digestOf, type StatusDigest, type StatusDigestRepository } from '@pc/core/usecases';
import { describe, expect, it } from 'vitest';
import { conversation, employee, minute, newTenantId } from './fixtures.ts';
import { rejectionCode, versionedClauses } from './shared.ts';

const digest = (tenantId: string, personId: string, managerIds: string[] = ['mgr-1']): StatusDigest =>
  digestOf({ tenantId, personId, managerIds }, [
    conversation(tenantId, `${personId}-c1`, { employeeId: personId, status: 'held', date: '2027-03-01' }),
    conversation(tenantId, `${personId}-c2`, { employeeId: personId, status: 'booked', date: '2027-06-01' }),
  ]);

interface Opened {
  readonly digests: StatusDigestRepository;
  readonly employees: EmployeeRepository;
  /** The store's conversations, which keep digests current. */
  readonly conversations: ConversationRepository;
}

export const statusDigestRepositoryContract = (open: () => Opened): void => {
  describe('StatusDigestRepository', () => {
    versionedClauses<StatusDigest>({
      open: () => {
        const { digests } = open();
        return {
          get: (d) => digests.get(d.tenantId, d.personId),
          create: (d) => digests.put(d),
          update: (d, v) => digests.put(d, v),
        };
      },
      build: (tenantId, personId) => digest(tenantId, personId),
      change: (d, label) => ({ ...d, awaitingAgreement: label.length }),
    });

    it('keeps what it was given: entries in order, the facts of the team page', async () => {
      const { digests } = open();
      const tenantId = newTenantId();
      await digests.put(digest(tenantId, 'emp-1'));
      const read = await digests.get(tenantId, 'emp-1');
      expect(read?.item).toEqual(digest(tenantId, 'emp-1'));
      expect(read?.item).toMatchObject({ lastHeldOn: '2027-03-01', nextBookedOn: '2027-06-01', awaitingAgreement: 1 });
    });

    it("lists the digests of the people named, and only those of the caller's tenant", async () => {
      const { digests } = open();
      const tenantId = newTenantId();
      const other = newTenantId();
      await digests.put(digest(tenantId, 'emp-1'));
      await digests.put(digest(tenantId, 'emp-2'));
      await digests.put(digest(tenantId, 'emp-3'));
      await digests.put(digest(other, 'emp-1'));
      const found = await digests.listForPeople(tenantId, ['emp-1', 'emp-3', 'nobody']);
      expect(found.map((d) => d.item.personId).sort()).toEqual(['emp-1', 'emp-3']);
      expect(found.every((d) => d.item.tenantId === tenantId && d.etag.length > 0)).toBe(true);
      expect(await digests.listForPeople(tenantId, [])).toEqual([]);
    });

    it("walks the tenant's whole directory and every digest in pages, and nothing of another tenant", async () => {
      const { digests, employees } = open();
      const tenantId = newTenantId();
      const other = newTenantId();
      const ids = Array.from({ length: 130 }, (_, i) => `emp-${String(i).padStart(3, '0')}`);
      for (const id of ids) await employees.create(employee(tenantId, id));
      for (const id of ids.slice(0, 120)) await digests.put(digest(tenantId, id));
      await employees.create(employee(other, 'emp-000'));
      await digests.put(digest(other, 'emp-000'));
      const people: string[] = [];
      const found: StatusDigest[] = [];
      let token: string | undefined;
      let pages = 0;
      do {
        const page = await digests.everyone(tenantId, token);
        people.push(...page.people.map((p) => p.id));
        found.push(...page.digests);
        token = page.continuationToken;
        pages += 1;
      } while (token !== undefined && pages < 20);
      expect(people.sort()).toEqual(ids);
      expect(found.map((d) => d.personId).sort()).toEqual(ids.slice(0, 120));
      expect(found.find((d) => d.personId === 'emp-001')).toEqual(digest(tenantId, 'emp-001'));
      expect(token).toBeUndefined();
    });

    it("answers managers' reports and the digests filed under those managers together", async () => {
      const { digests, employees } = open();
      const tenantId = newTenantId();
      const other = newTenantId();
      const reportOf = (id: string, managerId: string) =>
        employee(tenantId, id, {
          jobs: [
            {
              id: 'job-1',
              title: 'Officer',
              managerIds: [managerId],
              isMain: true,
              contract: 'substantive',
              startDate: '2024-04-01',
            },
          ],
        });
      await employees.create(reportOf('emp-1', 'mgr-1'));
      await employees.create(reportOf('emp-2', 'mgr-1'));
      await employees.create(reportOf('emp-3', 'mgr-2'));
      await employees.create(employee(other, 'emp-9'));
      await digests.put(digest(tenantId, 'emp-1', ['mgr-1']));
      await digests.put(digest(tenantId, 'emp-3', ['mgr-2']));
      // Filed under the manager but no longer reporting to them: the caller sees it has no report.
      await digests.put(digest(tenantId, 'emp-4', ['mgr-1']));
      await digests.put(digest(other, 'emp-9', ['mgr-1']));
      const team = await digests.teamOf(tenantId, ['mgr-1']);
      expect(team.reports.map((r) => r.id).sort()).toEqual(['emp-1', 'emp-2']);
      expect(team.reports.find((r) => r.id === 'emp-1')).toEqual(reportOf('emp-1', 'mgr-1'));
      expect(team.digests.map((d) => d.item.personId).sort()).toEqual(['emp-1', 'emp-4']);
      const both = await digests.teamOf(tenantId, ['mgr-1', 'mgr-2']);
      expect(both.reports.map((r) => r.id).sort()).toEqual(['emp-1', 'emp-2', 'emp-3']);
      expect(both.digests.map((d) => d.item.personId).sort()).toEqual(['emp-1', 'emp-3', 'emp-4']);
      expect(await digests.teamOf(tenantId, [])).toEqual({ reports: [], digests: [] });
      const stale = team.digests.find((d) => d.item.personId === 'emp-1');
      expect(stale).toBeDefined();
      if (stale === undefined) return;
      await digests.put(stale.item, stale.etag);
      expect(await rejectionCode(digests.put(stale.item, stale.etag))).toBe('conflict');
    });

    it("keeps a person's digest current as their records are written, and drops a cancelled one", async () => {
      const { digests, employees, conversations } = open();
      const tenantId = newTenantId();
      await employees.create(employee(tenantId, 'emp-1'));
      const booked = await conversations.create(
        conversation(tenantId, 'c1', { employeeId: 'emp-1', status: 'booked', date: '2027-06-01' }),
      );
      expect((await digests.get(tenantId, 'emp-1'))?.item).toMatchObject({
        personId: 'emp-1',
        managerIds: ['mgr-1'],
        nextBookedOn: '2027-06-01',
        entries: [{ id: 'c1', status: 'booked' }],
      });
      const held = await conversations.update(
        { ...booked.item, status: 'held', agreement: { managerAgreedAt: minute(5) }, updatedAt: minute(5) },
        booked.etag,
      );
      expect((await digests.get(tenantId, 'emp-1'))?.item).toMatchObject({
        lastHeldOn: '2027-06-01',
        awaitingAgreement: 1,
      });
      await conversations.update({ ...held.item, status: 'cancelled', updatedAt: minute(6) }, held.etag);
      const after = (await digests.get(tenantId, 'emp-1'))?.item;
      expect(after?.entries).toEqual([]);
      expect(after?.lastHeldOn).toBeUndefined();
    });
  });
};
