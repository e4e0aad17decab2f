// Clauses every repository port shares (core/src/ports/repositories.ts): versioned writes,
// tenant isolation with equal ids, copies out, paging. Each port's suite calls these with
// its own accessors, so a port's contract reads in one file.
import { isAppError, type Page, type PageRequest, type Stored } from '@pc/core';
import { expect, it } from 'vitest';
import { newTenantId } from './fixtures.ts';

/** The AppError code a promise rejects with (fails the test when it resolves or throws something else). */
export const rejectionCode = async (promise: Promise<unknown>): Promise<string> => {
  try {
    await promise;
  } catch (error) {
    if (isAppError(error)) return error.code;
    throw error;
  }
  throw new Error('expected a rejection with an AppError, but the call succeeded');
};

/** A port's get/create/update, addressed by the item's own keys. */
interface Versioned<T> {
  get(item: T): Promise<Stored<T> | undefined>;
  create(item: T): Promise<Stored<T>>;
  update(item: T, etag: string): Promise<Stored<T>>;
}

export interface VersionedCase<T> {
  readonly open: () => Versioned<T>;
  /** An item of `tenantId`; equal `id`s give equal keys apart from the tenant. */
  readonly build: (tenantId: string, id: string) => T;
  /** A visible change to an item. */
  readonly change: (item: T, label: string) => T;
}

export const versionedClauses = <T extends object>({ open, build, change }: VersionedCase<T>): void => {
  it('reads back what was created, with a version; an id never written reads as nothing', async () => {
    const port = open();
    const item = build(newTenantId(), 'item-1');
    const created = await port.create(item);
    expect(created.item).toEqual(item);
    expect(created.etag).toEqual(expect.any(String));
    expect(await port.get(item)).toEqual(created);
    expect(await port.get(build(newTenantId(), 'item-1'))).toBeUndefined();
  });

  it('refuses a second create with the same id as a conflict and keeps the first', async () => {
    const port = open();
    const first = build(newTenantId(), 'item-1');
    await port.create(first);
    expect(await rejectionCode(port.create(change(first, 'second')))).toBe('conflict');
    expect((await port.get(first))?.item).toEqual(first);
  });

  it('updates with the current version, then refuses the stale one as a conflict', async () => {
    const port = open();
    const item = build(newTenantId(), 'item-1');
    const created = await port.create(item);
    const updated = await port.update(change(item, 'first edit'), created.etag);
    expect(updated.etag).not.toBe(created.etag);
    expect(updated.item).toEqual(change(item, 'first edit'));
    expect(await rejectionCode(port.update(change(item, 'late edit'), created.etag))).toBe('conflict');
    expect(await port.get(item)).toEqual(updated);
  });

  it('refuses to update an item that does not exist as not-found', async () => {
    const port = open();
    const item = build(newTenantId(), 'item-1');
    // A real version of some other item, so only the missing item can be the reason.
    const other = await port.create(build(newTenantId(), 'other'));
    expect(await rejectionCode(port.update(item, other.etag))).toBe('not-found');
    expect(await port.get(item)).toBeUndefined();
  });

  it('keeps tenants apart when every other id is equal', async () => {
    const port = open();
    const mine = build(newTenantId(), 'item-1');
    const theirs = change(build(newTenantId(), 'item-1'), 'theirs');
    const myStored = await port.create(mine);
    await port.create(theirs);
    expect((await port.get(mine))?.item).toEqual(mine);
    expect((await port.get(theirs))?.item).toEqual(theirs);
    await port.update(change(mine, 'mine, edited'), myStored.etag);
    expect((await port.get(theirs))?.item).toEqual(theirs);
  });

  it('hands out copies: changing what was read changes nothing stored', async () => {
    const port = open();
    const item = build(newTenantId(), 'item-1');
    await port.create(item);
    const read = await port.get(item);
    Object.assign(read?.item ?? {}, { tenantId: 'tampered' });
    expect((await port.get(item))?.item).toEqual(item);
  });
};

export interface PagingCase<T> {
  /** Stores `count` items of `tenantId` in one list, and returns the ids in the list's documented order. */
  readonly seed: (tenantId: string, count: number) => Promise<string[]>;
  readonly list: (tenantId: string, page?: PageRequest) => Promise<Page<T>>;
  readonly idOf: (item: T) => string;
  /** True when the port promises no order (compare as sets). */
  readonly unordered?: boolean;
}

const allPages = async <T>(c: PagingCase<T>, tenantId: string, pageSize: number) => {
  const sizes: number[] = [];
  const ids: string[] = [];
  let continuationToken: string | undefined;
  do {
    const page = await c.list(tenantId, {
      pageSize,
      ...(continuationToken === undefined ? {} : { continuationToken }),
    });
    sizes.push(page.items.length);
    ids.push(...page.items.map(c.idOf));
    continuationToken = page.continuationToken;
  } while (continuationToken !== undefined && sizes.length < 20);
  return { sizes, ids };
};

export const pagingClauses = <T>(c: PagingCase<T>): void => {
  const inOrder = (ids: string[]) => (c.unordered === true ? [...ids].sort() : ids);

  it('pages through the whole list with tokens, in order, without repeats, and ends without a token', async () => {
    const tenantId = newTenantId();
    const expected = await c.seed(tenantId, 5);
    await c.seed(newTenantId(), 3); // the same ids in another tenant never show up here
    const { sizes, ids } = await allPages(c, tenantId, 2);
    expect(sizes).toEqual([2, 2, 1]);
    expect(inOrder(ids)).toEqual(inOrder(expected));
    const whole = await c.list(tenantId);
    expect(inOrder(whole.items.map(c.idOf))).toEqual(inOrder(expected));
    expect(whole.continuationToken).toBeUndefined();
  });

  it('refuses page sizes outside 1–100 and tokens it never issued as validation errors', async () => {
    const tenantId = newTenantId();
    await c.seed(tenantId, 1);
    expect(await rejectionCode(c.list(tenantId, { pageSize: 0 }))).toBe('validation');
    expect(await rejectionCode(c.list(tenantId, { pageSize: 101 }))).toBe('validation');
    expect(await rejectionCode(c.list(tenantId, { continuationToken: 'not a token!' }))).toBe('validation');
  });

  it('lists nothing for a tenant with nothing stored', async () => {
    expect(await c.list(newTenantId())).toEqual({ items: [] });
  });
};
