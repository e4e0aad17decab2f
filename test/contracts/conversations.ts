import { randomUUID } from 'node:crypto';
import type { AgendaItem, ConversationRecord, ConversationRepository } from '@pc/core';
import { describe, expect, it } from 'vitest';
import { conversation, day, minute, newTenantId } from './fixtures.ts';
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

    describe('appendToAgenda', () => {
      const note = (id: string): AgendaItem => ({ id, text: `Note ${id}`, source: 'feedback', sourceId: id });
      // Conversation ids of their own: the local Cosmos server checks a patch condition by id alone.
      const booked = async (repo: ConversationRepository, tenantId: string) => {
        const id = randomUUID();
        await repo.create(conversation(tenantId, id, { status: 'booked', agenda: [note('first')] }));
        return id;
      };

      it('appends after what is there, once per item id, and stamps the change', async () => {
        const repo = open();
        const tenantId = newTenantId();
        const id = await booked(repo, tenantId);
        const before = await repo.get(tenantId, 'emp-1', id);
        expect(await repo.appendToAgenda(tenantId, 'emp-1', id, note('fb-1'), minute(5))).toBe('added');
        expect(await repo.appendToAgenda(tenantId, 'emp-1', id, note('fb-1'), minute(6))).toBe('already-there');
        const after = await repo.get(tenantId, 'emp-1', id);
        expect(after?.item.agenda.map((a) => a.id)).toEqual(['first', 'fb-1']);
        expect(after?.item.agenda[1]).toEqual(note('fb-1'));
        expect(after?.item.updatedAt).toBe(minute(5));
        // An editor holding the version from before must reload rather than drop the note.
        if (before === undefined) throw new Error('seeded conversation missing');
        await expect(repo.update({ ...before.item, notes: 'edited' }, before.etag)).rejects.toMatchObject({
          code: 'conflict',
        });
      });

      it('lets many notes join one agenda at the same moment, none turned away', async () => {
        const repo = open();
        const tenantId = newTenantId();
        const id = await booked(repo, tenantId);
        const ids = Array.from({ length: 25 }, (_, i) => `fb-${String(i)}`);
        const outcomes = await Promise.all(
          ids.map((itemId) => repo.appendToAgenda(tenantId, 'emp-1', id, note(itemId), minute(1))),
        );
        expect(outcomes.every((o) => o === 'added')).toBe(true);
        const agenda = (await repo.get(tenantId, 'emp-1', id))?.item.agenda.map((a) => a.id) ?? [];
        expect([...agenda].sort()).toEqual(['first', ...ids].sort());
      });

      it('adds nothing to a conversation that is not booked, or missing, or in another tenant', async () => {
        const repo = open();
        const tenantId = newTenantId();
        const held = randomUUID();
        await repo.create(conversation(tenantId, held, { status: 'held' }));
        expect(await repo.appendToAgenda(tenantId, 'emp-1', held, note('fb-1'), minute(1))).toBe('not-booked');
        expect((await repo.get(tenantId, 'emp-1', held))?.item.agenda).toEqual([]);
        expect(await repo.appendToAgenda(tenantId, 'emp-1', randomUUID(), note('fb-1'), minute(1))).toBe('not-booked');
        const id = await booked(repo, tenantId);
        expect(await repo.appendToAgenda(newTenantId(), 'emp-1', id, note('fb-2'), minute(1))).toBe('not-booked');
        expect(await repo.appendToAgenda(tenantId, 'emp-2', id, note('fb-2'), minute(1))).toBe('not-booked');
        expect((await repo.get(tenantId, 'emp-1', id))?.item.agenda.map((a) => a.id)).toEqual(['first']);
      });
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

    it('lists a tenant across people by date range, oldest first, in pages, never another tenant', async () => {
      const repo = open();
      const tenantId = newTenantId();
      await repo.create(conversation(tenantId, 'a-jan', { date: '2027-01-10' }));
      await repo.create(conversation(tenantId, 'b-feb', { date: '2027-02-10', employeeId: 'emp-2' }));
      await repo.create(conversation(tenantId, 'c-mar', { date: '2027-03-10', employeeId: 'emp-3' }));
      await repo.create(conversation(tenantId, 'a-apr', { date: '2027-04-10' }));
      await repo.create(conversation(tenantId, 'b-may', { date: '2027-05-10', employeeId: 'emp-2' }));
      await repo.create(conversation(newTenantId(), 'elsewhere', { date: '2027-03-01' }));
      const ids = async (query: Parameters<ConversationRepository['listForTenant']>[1]) =>
        (await repo.listForTenant(tenantId, query, { pageSize: 100 })).items.map((c) => c.id);
      expect(await ids({ from: '2027-02-10', to: '2027-04-10' })).toEqual(['b-feb', 'c-mar', 'a-apr']);
      expect(await ids({ from: '2027-01-01', to: '2027-12-31', employeeIds: ['emp-2', 'emp-3'] })).toEqual([
        'b-feb',
        'c-mar',
        'b-may',
      ]);
      const first = await repo.listForTenant(tenantId, { from: '2027-01-01', to: '2027-12-31' }, { pageSize: 2 });
      expect(first.items.map((c) => c.id)).toEqual(['a-jan', 'b-feb']);
      const rest = await repo.listForTenant(
        tenantId,
        { from: '2027-01-01', to: '2027-12-31' },
        {
          pageSize: 100,
          ...(first.continuationToken === undefined ? {} : { continuationToken: first.continuationToken }),
        },
      );
      expect(first.continuationToken).toEqual(expect.any(String));
      expect(rest.items.map((c) => c.id)).toEqual(['c-mar', 'a-apr', 'b-may']);
    });
  });

  describe('listPendingBookings', () => {
    it('finds booked records whose invitations are pending and were last written before the cut-off, least recent first', async () => {
      const repo = open();
      const tenantId = newTenantId();
      const booking = (pending?: 'invitations' | 'cancellation') => ({
        bookedBy: 'mgr-1',
        start: '2027-06-01T09:00:00.000Z',
        end: '2027-06-01T10:00:00.000Z',
        eventIds: {},
        ...(pending === undefined ? {} : { pending }),
      });
      const put = (id: string, updatedAt: string, extra: Partial<ConversationRecord>) =>
        repo.create(conversation(tenantId, id, { status: 'booked', updatedAt, ...extra }));
      await put('p-late', minute(3), { booking: booking('invitations'), employeeId: 'emp-2' });
      await put('p-early', minute(1), { booking: booking('invitations') });
      await put('p-fresh', minute(20), { booking: booking('invitations') });
      await put('done', minute(1), { booking: booking() });
      await put('moving', minute(1), { booking: booking('cancellation'), employeeId: 'emp-3' });
      await put('refused', minute(1), { booking: booking('invitations'), status: 'cancelled', employeeId: 'emp-4' });
      await open().create(
        conversation(newTenantId(), 'elsewhere', {
          status: 'booked',
          updatedAt: minute(1),
          booking: booking('invitations'),
        }),
      );
      const first = await repo.listPendingBookings(tenantId, minute(10), { pageSize: 1 });
      expect(first.items.map((c) => c.id)).toEqual(['p-early']);
      expect(first.continuationToken).toEqual(expect.any(String));
      const rest = await repo.listPendingBookings(tenantId, minute(10), {
        pageSize: 100,
        ...(first.continuationToken === undefined ? {} : { continuationToken: first.continuationToken }),
      });
      expect(rest.items.map((c) => c.id)).toEqual(['p-late']);
    });
  });
};
