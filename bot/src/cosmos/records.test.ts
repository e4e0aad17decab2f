import { AppError, type Page, type PageRequest, type Stored } from '@pc/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  conversation,
  day,
  feedback,
  minute,
  objective,
  openStore,
  TENANT_A,
  TENANT_B,
  type StoreHarness,
} from './fixtures.test-support.ts';
import type { Store } from './store.ts';

/** The shape conversations, objectives and feedback share: items of one person, listed newest first. */
interface PersonRecords<T> {
  get(tenantId: string, personId: string, id: string): Promise<Stored<T> | undefined>;
  create(item: T): Promise<Stored<T>>;
  update(item: T, etag: string): Promise<Stored<T>>;
  list(tenantId: string, personId: string, page?: PageRequest): Promise<Page<T>>;
}

interface RecordCase<T extends { id: string; tenantId: string }> {
  readonly repo: (store: Store) => PersonRecords<T>;
  /** An item of `personId` in `tenantId`, created at minute `n` (newer for larger n). */
  readonly make: (tenantId: string, personId: string, n: number, id?: string) => T;
  readonly edit: (item: T) => T;
}

let h: StoreHarness;
beforeAll(async () => {
  h = await openStore();
});
afterAll(async () => {
  await h.close();
});

const expectAppError = async (promise: Promise<unknown>, code: AppError['code']): Promise<AppError> => {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  return error as AppError;
};

const recordContract = <T extends { id: string; tenantId: string }>(name: string, c: RecordCase<T>): void => {
  describe(`${name} repository`, () => {
    const repo = (): PersonRecords<T> => c.repo(h.store);

    it('creates, reads back exactly what was stored, and updates with the current etag', async () => {
      const item = c.make(TENANT_A, `${name}-crud`, 1);
      const created = await repo().create(item);
      expect(created.item).toEqual(item);
      const read = await repo().get(TENANT_A, `${name}-crud`, item.id);
      expect(read).toEqual(created);
      const edited = c.edit(item);
      const updated = await repo().update(edited, created.etag);
      expect(updated.item).toEqual(edited);
      expect(updated.etag).not.toBe(created.etag);
      expect((await repo().get(TENANT_A, `${name}-crud`, item.id))?.item).toEqual(edited);
    });

    it('refuses a stale etag with conflict and keeps the other writer’s change (no lost update)', async () => {
      const item = c.make(TENANT_A, `${name}-stale`, 1);
      const created = await repo().create(item);
      const first = await repo().update(c.edit(item), created.etag);
      const error = await expectAppError(repo().update(item, created.etag), 'conflict');
      expect(error.message).toBe('This item was changed by someone else; reload and try again');
      expect(await repo().get(TENANT_A, `${name}-stale`, item.id)).toEqual(first);
    });

    it('refuses a duplicate id with conflict, an update of a missing item with not-found, and reads a missing item as undefined', async () => {
      const item = c.make(TENANT_A, `${name}-dup`, 1);
      const created = await repo().create(item);
      await expectAppError(repo().create(c.edit(item)), 'conflict');
      expect((await repo().get(TENANT_A, `${name}-dup`, item.id))?.item).toEqual(item);
      await expectAppError(repo().update(c.make(TENANT_A, `${name}-dup`, 2, 'missing'), created.etag), 'not-found');
      expect(await repo().get(TENANT_A, `${name}-dup`, 'missing')).toBeUndefined();
    });

    it('never crosses tenants, even with the same person and item id', async () => {
      const person = `${name}-shared-person`;
      const mine = await repo().create(c.make(TENANT_A, person, 1, `${name}-same-id`));
      const theirs = await repo().create(c.make(TENANT_B, person, 2, `${name}-same-id`));
      expect((await repo().get(TENANT_A, person, `${name}-same-id`))?.item.tenantId).toBe(TENANT_A);
      expect((await repo().get(TENANT_B, person, `${name}-same-id`))?.item.tenantId).toBe(TENANT_B);
      const listedA = await repo().list(TENANT_A, person);
      expect(listedA.items.map((i) => i.tenantId)).toEqual([TENANT_A]);
      // Tenant A's etag cannot overwrite tenant B's item of the same id.
      await expectAppError(repo().update(c.edit(theirs.item), mine.etag), 'conflict');
      expect(await repo().get(TENANT_B, person, `${name}-same-id`)).toEqual(theirs);
    });

    it('pages 25 items by 10 into 3 pages, newest first, none missing or repeated', async () => {
      const person = `${name}-pager`;
      for (let n = 0; n < 25; n += 1) await repo().create(c.make(TENANT_A, person, n, `${name}-p${n}`));
      const pages: Page<T>[] = [];
      let token: string | undefined;
      do {
        const page = await repo().list(TENANT_A, person, {
          pageSize: 10,
          ...(token ? { continuationToken: token } : {}),
        });
        pages.push(page);
        token = page.continuationToken;
      } while (token !== undefined);
      expect(pages.map((p) => p.items.length)).toEqual([10, 10, 5]);
      const ids = pages.flatMap((p) => p.items.map((i) => i.id));
      expect(ids).toEqual(Array.from({ length: 25 }, (_, i) => `${name}-p${24 - i}`));
    });
  });
};

recordContract('conversation', {
  repo: (s) => ({
    get: (t, p, id) => s.conversations.get(t, p, id),
    create: (x) => s.conversations.create(x),
    update: (x, e) => s.conversations.update(x, e),
    list: (t, p, page) => s.conversations.listForEmployee(t, p, {}, page),
  }),
  make: (tenantId, employeeId, n, id) =>
    conversation({ tenantId, employeeId, date: day(n), createdAt: minute(n), ...(id ? { id } : {}) }),
  edit: (x) => ({
    ...x,
    status: 'agreed' as const,
    agreement: { employeeAgreedAt: minute(50), managerAgreedAt: minute(51) },
  }),
});

recordContract('objective', {
  repo: (s) => ({
    get: (t, p, id) => s.objectives.get(t, p, id),
    create: (x) => s.objectives.create(x),
    update: (x, e) => s.objectives.update(x, e),
    list: (t, p, page) => s.objectives.listForOwner(t, p, page),
  }),
  make: (tenantId, ownerId, n, id) => objective({ tenantId, ownerId, createdAt: minute(n), ...(id ? { id } : {}) }),
  edit: (x) => ({
    ...x,
    progress: 60,
    progressNotes: [{ at: minute(40), by: x.ownerId, text: 'Halfway', percent: 60 }],
  }),
});

recordContract('feedback', {
  repo: (s) => ({
    get: (t, p, id) => s.feedback.get(t, p, id),
    create: (x) => s.feedback.create(x),
    update: (x, e) => s.feedback.update(x, e),
    list: (t, p, page) => s.feedback.listForSubject(t, p, page),
  }),
  make: (tenantId, subjectId, n, id) => feedback({ tenantId, subjectId, createdAt: minute(n), ...(id ? { id } : {}) }),
  edit: (x) => ({ ...x, agendaConversationId: 'next-regular' }),
});

describe('conversation queries', () => {
  it('filters by type and date range inside one employee’s records', async () => {
    const emp = 'conv-filter';
    const make = (n: number, type: 'regular' | 'annual-review') =>
      h.store.conversations.create(conversation({ employeeId: emp, date: day(n), type, id: `cf-${n}` }));
    await make(1, 'regular');
    await make(10, 'annual-review');
    await make(20, 'regular');
    await make(30, 'regular');
    const regular = await h.store.conversations.listForEmployee(TENANT_A, emp, { type: 'regular' });
    expect(regular.items.map((r) => r.id)).toEqual(['cf-30', 'cf-20', 'cf-1']);
    const window = await h.store.conversations.listForEmployee(TENANT_A, emp, { from: day(10), to: day(20) });
    expect(window.items.map((r) => r.id)).toEqual(['cf-20', 'cf-10']);
    expect(window.continuationToken).toBeUndefined();
  });

  it('rejects a garbled page token and a page size outside 1–100 as validation errors', async () => {
    const list = (page: PageRequest) => h.store.conversations.listForEmployee(TENANT_A, 'conv-filter', {}, page);
    await expectAppError(list({ continuationToken: 'not a token!' }), 'validation');
    await expectAppError(list({ pageSize: 0 }), 'validation');
    await expectAppError(list({ pageSize: 101 }), 'validation');
  });
});
