import { AppError } from '@pc/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { minute, openStore, TENANT_A, TENANT_B, type StoreHarness } from './fixtures.test-support.ts';

/** The kind of thing later features keep here: a queued proactive message. */
interface QueuedSend {
  readonly tenantId: string;
  readonly id: string;
  readonly userId: string;
  readonly dueAt: string;
  readonly attempts: number;
}

let h: StoreHarness;
beforeAll(async () => {
  h = await openStore();
});
afterAll(async () => {
  await h.close();
});

const queue = () => h.store.keyValues<QueuedSend>('send-queue', (s) => s.userId);
const send = (overrides: Partial<QueuedSend> = {}): QueuedSend => ({
  tenantId: TENANT_A,
  id: 'send-1',
  userId: 'user-1',
  dueAt: minute(0),
  attempts: 0,
  ...overrides,
});
const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => 'resolved',
    (e: unknown) => (e instanceof AppError ? e.code : e),
  );

describe('KeyValueCollection', () => {
  it('creates, reads, updates with the etag and refuses a stale one', async () => {
    const created = await queue().create(send());
    expect(created.item).toEqual(send());
    expect(await queue().get(TENANT_A, 'user-1', 'send-1')).toEqual(created);
    const retried = await queue().update(send({ attempts: 1 }), created.etag);
    expect(await codeOf(queue().update(send({ attempts: 5 }), created.etag))).toBe('conflict');
    expect(await queue().get(TENANT_A, 'user-1', 'send-1')).toEqual(retried);
    expect(await codeOf(queue().create(send()))).toBe('conflict');
    expect(await codeOf(queue().update(send({ id: 'gone' }), retried.etag))).toBe('not-found');
  });

  it('keeps kinds and tenants apart even with the same ids', async () => {
    const settings = h.store.keyValues<QueuedSend>('user-settings', (s) => s.userId);
    await queue().create(send({ id: 'shared', userId: 'user-9' }));
    await settings.create(send({ id: 'shared', userId: 'user-9', attempts: 7 }));
    await queue().create(send({ tenantId: TENANT_B, id: 'shared', userId: 'user-9', attempts: 3 }));
    expect((await queue().get(TENANT_A, 'user-9', 'shared'))?.item.attempts).toBe(0);
    expect((await settings.get(TENANT_A, 'user-9', 'shared'))?.item.attempts).toBe(7);
    expect((await queue().get(TENANT_B, 'user-9', 'shared'))?.item.attempts).toBe(3);
    const listed = await queue().listByPartition(TENANT_A, 'user-9');
    expect(listed.items).toEqual([send({ id: 'shared', userId: 'user-9' })]);
  });

  it('lists one partition in the requested order, in pages', async () => {
    for (const n of [5, 2, 8, 1, 3]) await queue().create(send({ id: `q-${n}`, userId: 'user-q', dueAt: minute(n) }));
    const first = await queue().listByPartition(
      TENANT_A,
      'user-q',
      { pageSize: 3 },
      { field: 'dueAt', direction: 'ASC' },
    );
    expect(first.items.map((s) => s.id)).toEqual(['q-1', 'q-2', 'q-3']);
    const rest = await queue().listByPartition(
      TENANT_A,
      'user-q',
      { pageSize: 3, ...(first.continuationToken ? { continuationToken: first.continuationToken } : {}) },
      { field: 'dueAt', direction: 'ASC' },
    );
    expect(rest.items.map((s) => s.id)).toEqual(['q-5', 'q-8']);
    expect(rest.continuationToken).toBeUndefined();
  });

  it('lists with ETags, filtered to some values of a field, so a worker can update what it listed', async () => {
    for (const [n, attempts] of [
      [1, 0],
      [2, 3],
      [3, 1],
      [4, 0],
    ] as const) {
      await queue().create(send({ id: `w-${String(n)}`, userId: 'user-w', dueAt: minute(n), attempts }));
    }
    const page = await queue().listStoredByPartition(TENANT_A, 'user-w', {
      sort: { field: 'dueAt', direction: 'ASC' },
      only: { field: 'userId', values: ['user-w'] },
    });
    expect(page.items.map((s) => s.item.id)).toEqual(['w-1', 'w-2', 'w-3', 'w-4']);
    const [first] = page.items;
    if (first === undefined) throw new Error('listed nothing');
    // The listed ETag is the current version: an update with it succeeds, a second one is stale.
    await queue().update({ ...first.item, attempts: 9 }, first.etag);
    expect(await codeOf(queue().update({ ...first.item, attempts: 10 }, first.etag))).toBe('conflict');
    const none = await queue().listStoredByPartition(TENANT_A, 'user-w', { only: { field: 'userId', values: ['x'] } });
    expect(none.items).toEqual([]);
    // Large pages are for workers; a field name is never taken from outside.
    expect(await codeOf(queue().listStoredByPartition(TENANT_A, 'user-w', { page: { pageSize: 1000 } }))).toBe(
      'resolved',
    );
    expect(await codeOf(queue().listStoredByPartition(TENANT_A, 'user-w', { page: { pageSize: 1001 } }))).toBe(
      'validation',
    );
    expect(
      await codeOf(queue().listStoredByPartition(TENANT_A, 'user-w', { only: { field: 'a b', values: ['x'] } })),
    ).toBe('internal');
    expect(await codeOf(queue().listStoredByPartition(TENANT_A, 'user-w', { only: { field: 'id', values: [] } }))).toBe(
      'internal',
    );
  });

  it('deletes once, refusing a stale etag, and never across tenants', async () => {
    const created = await queue().create(send({ id: 'del', userId: 'user-d' }));
    const changed = await queue().update(send({ id: 'del', userId: 'user-d', attempts: 1 }), created.etag);
    expect(await queue().delete(TENANT_B, 'user-d', 'del')).toBe(false);
    expect(await codeOf(queue().delete(TENANT_A, 'user-d', 'del', created.etag))).toBe('conflict');
    expect(await queue().delete(TENANT_A, 'user-d', 'del', changed.etag)).toBe(true);
    expect(await queue().get(TENANT_A, 'user-d', 'del')).toBeUndefined();
    expect(await queue().delete(TENANT_A, 'user-d', 'del')).toBe(false);
  });
});
