import { AppError, type Page, type PageRequest, type Stored } from '@pc/core';

/*
 * The in-memory twin of bot/src/cosmos/document-collection.ts, kept to the same contract
 * (test/contracts/): items live per tenant and partition, every write gets a fresh ETag,
 * a stale ETag is 'conflict', a missing item 'not-found', an existing id on create
 * 'conflict', pages are 1–100 items (50 by default) with opaque continuation tokens, and
 * what goes in or comes out is a copy, as it is over the wire.
 */

const DEFAULT_PAGE_SIZE = 50;
const MAX_PAGE_SIZE = 100;

export interface MemoryDocumentsOptions<T> {
  readonly id: (item: T) => string;
  readonly tenantId: (item: T) => string;
  /** The partition inside the tenant (e.g. the person a record is about). */
  readonly partition: (item: T) => string;
}

export type Order<T> = (a: T, b: T) => number;

/** Newest first by an ISO date or date-time field. */
export const newestFirst =
  <T>(field: (item: T) => string): Order<T> =>
  (a, b) =>
    field(b).localeCompare(field(a));

const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

const pageSizeOf = (page: PageRequest | undefined): number => {
  const size = page?.pageSize ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) {
    throw new AppError('validation', `Page size must be a whole number from 1 to ${String(MAX_PAGE_SIZE)}`, {
      details: [{ path: 'pageSize', message: `must be 1–${String(MAX_PAGE_SIZE)}` }],
    });
  }
  return size;
};

const TOKEN_PREFIX = 'offset:';
const encodeOffset = (offset: number): string => Buffer.from(`${TOKEN_PREFIX}${String(offset)}`).toString('base64url');
const decodeOffset = (token: string | undefined): number => {
  if (token === undefined) return 0;
  const text = /^[A-Za-z0-9_-]+$/.test(token) ? Buffer.from(token, 'base64url').toString('utf8') : '';
  const offset = text.startsWith(TOKEN_PREFIX) ? Number(text.slice(TOKEN_PREFIX.length)) : Number.NaN;
  if (!Number.isInteger(offset) || offset < 1) {
    throw new AppError('validation', 'The page token is not valid; start again from the first page', {
      details: [{ path: 'continuationToken', message: 'not a token this service issued' }],
    });
  }
  return offset;
};

export class MemoryDocuments<T extends object> {
  readonly #o: MemoryDocumentsOptions<T>;
  /** Partitions by [tenant, partition], then items by id. */
  readonly #partitions = new Map<string, Map<string, Stored<T>>>();
  #version = 0;

  constructor(options: MemoryDocumentsOptions<T>) {
    this.#o = options;
  }

  get(tenantId: string, partition: string, id: string): Promise<Stored<T> | undefined> {
    const found = this.#partition(tenantId, partition).get(id);
    return Promise.resolve(found === undefined ? undefined : copy(found));
  }

  create(item: T): Promise<Stored<T>> {
    if (this.#partitionOf(item).has(this.#o.id(item))) {
      return Promise.reject(new AppError('conflict', 'An item with this id already exists'));
    }
    return Promise.resolve(this.#write(item));
  }

  /** Replaces only if `etag` is current: stale → 'conflict', absent → 'not-found'. */
  replace(item: T, etag: string): Promise<Stored<T>> {
    const current = this.#partitionOf(item).get(this.#o.id(item));
    if (current === undefined) return Promise.reject(new AppError('not-found', 'The item does not exist'));
    if (current.etag !== etag) {
      return Promise.reject(new AppError('conflict', 'This item was changed by someone else; reload and try again'));
    }
    return Promise.resolve(this.#write(item));
  }

  /**
   * Changes an item in one step, as a conditional patch does: `change` answers the new item, or
   * undefined to leave it as it is. Undefined when the item is absent.
   */
  modify(tenantId: string, partition: string, id: string, change: (item: T) => T | undefined): Stored<T> | undefined {
    const current = this.#partition(tenantId, partition).get(id);
    if (current === undefined) return undefined;
    const next = change(copy(current.item));
    return next === undefined ? copy(current) : this.#write(next);
  }

  /** Last writer wins. */
  upsert(item: T): Promise<Stored<T>> {
    return Promise.resolve(this.#write(item));
  }

  /** Every item of one tenant's partition that matches, in `order`. */
  all(tenantId: string, partition: string, match: (item: T) => boolean = () => true, order?: Order<T>): T[] {
    const found = [...this.#partition(tenantId, partition).values()]
      .filter((stored) => match(stored.item))
      .map((stored) => copy(stored.item));
    return order === undefined ? found : found.sort(order);
  }

  /** Every item of one tenant's partition with its version. */
  allStored(tenantId: string, partition: string): Stored<T>[] {
    return [...this.#partition(tenantId, partition).values()].map((stored) => ({ ...stored, item: copy(stored.item) }));
  }

  page(
    tenantId: string,
    partition: string,
    page: PageRequest | undefined,
    match?: (item: T) => boolean,
    order?: Order<T>,
  ): Promise<Page<T>> {
    try {
      const size = pageSizeOf(page);
      const offset = decodeOffset(page?.continuationToken);
      const all = this.all(tenantId, partition, match, order);
      const items = all.slice(offset, offset + size);
      const next = offset + size < all.length ? encodeOffset(offset + size) : undefined;
      return Promise.resolve(next === undefined ? { items } : { items, continuationToken: next });
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }

  /** As `page`, over every partition of one tenant (a cross-partition query in Cosmos). */
  tenantPage(
    tenantId: string,
    page: PageRequest | undefined,
    match: (item: T) => boolean = () => true,
    order?: Order<T>,
  ): Promise<Page<T>> {
    try {
      const size = pageSizeOf(page);
      const offset = decodeOffset(page?.continuationToken);
      const found = [...this.#partitions.entries()]
        .filter(([key]) => (JSON.parse(key) as string[])[0] === tenantId)
        .flatMap(([, items]) => [...items.values()])
        .filter((stored) => match(stored.item))
        .map((stored) => copy(stored.item));
      const all = order === undefined ? found : found.sort(order);
      const items = all.slice(offset, offset + size);
      const next = offset + size < all.length ? encodeOffset(offset + size) : undefined;
      return Promise.resolve(next === undefined ? { items } : { items, continuationToken: next });
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }

  #write(item: T): Stored<T> {
    this.#version += 1;
    const stored: Stored<T> = { item: copy(item), etag: `"mem-${String(this.#version)}"` };
    this.#partitionOf(item).set(this.#o.id(item), stored);
    return copy(stored);
  }

  #partitionOf(item: T): Map<string, Stored<T>> {
    return this.#partition(this.#o.tenantId(item), this.#o.partition(item));
  }

  #partition(tenantId: string, partition: string): Map<string, Stored<T>> {
    const key = JSON.stringify([tenantId, partition]);
    let items = this.#partitions.get(key);
    if (items === undefined) {
      items = new Map();
      this.#partitions.set(key, items);
    }
    return items;
  }
}
