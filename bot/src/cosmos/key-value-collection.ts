import type { Container } from '@azure/cosmos';
import { AppError, type Page, type PageRequest, type Stored } from '@pc/core';
import { DocumentCollection, type RequestCounter } from './document-collection.ts';

/** Anything kept per tenant under an id: a conversation reference, a queued send, a user's settings. */
export interface KeyValueItem {
  readonly tenantId: string;
  readonly id: string;
}

export interface KeyValueCollectionOptions<T> {
  readonly container: Container;
  /** Names the kind of item (e.g. 'conversation-reference'); kinds never share a partition. */
  readonly kind: string;
  /** The group an item belongs to inside its tenant (e.g. the user id, or a queue name). */
  readonly partition: (item: T) => string;
  readonly counter: RequestCounter;
}

export type SortDirection = 'ASC' | 'DESC';

const FIELD = /^[A-Za-z][A-Za-z0-9]*$/;

/**
 * A small generic repository over the `state` container: point reads, ETag-guarded
 * updates and single-partition listing, tenant-checked like every other collection.
 */
export class KeyValueCollection<T extends KeyValueItem> {
  readonly #kind: string;
  readonly #docs: DocumentCollection<T>;

  constructor(options: KeyValueCollectionOptions<T>) {
    this.#kind = options.kind;
    this.#docs = new DocumentCollection<T>({
      container: options.container,
      docType: options.kind,
      id: (item) => item.id,
      partitionKey: (item) => this.#pk(item.tenantId, options.partition(item)),
      tenantId: (item) => item.tenantId,
      counter: options.counter,
    });
  }

  get(tenantId: string, partition: string, id: string): Promise<Stored<T> | undefined> {
    return this.#docs.read(tenantId, this.#pk(tenantId, partition), id);
  }

  /** 'conflict' when the id exists in that partition. */
  create(item: T): Promise<Stored<T>> {
    return this.#docs.create(item);
  }

  /** 'conflict' when `etag` is stale, 'not-found' when absent. */
  update(item: T, etag: string): Promise<Stored<T>> {
    return this.#docs.replace(item, etag);
  }

  /** Create or overwrite without a version check, for single-writer items. */
  put(item: T): Promise<Stored<T>> {
    return this.#docs.upsert(item);
  }

  /** True when the item existed; with an etag, 'conflict' if it changed meanwhile. */
  delete(tenantId: string, partition: string, id: string, etag?: string): Promise<boolean> {
    return this.#docs.delete(tenantId, this.#pk(tenantId, partition), id, etag);
  }

  listByPartition(
    tenantId: string,
    partition: string,
    page?: PageRequest,
    sort?: { readonly field: string; readonly direction: SortDirection },
  ): Promise<Page<T>> {
    if (sort !== undefined && !FIELD.test(sort.field)) {
      throw new AppError('internal', 'A sort field must be a plain property name');
    }
    const orderBy = sort === undefined ? undefined : `c.${sort.field} ${sort.direction}`;
    return this.#docs.queryPage(
      tenantId,
      this.#pk(tenantId, partition),
      orderBy === undefined ? {} : { orderBy },
      page,
    );
  }

  #pk(tenantId: string, partition: string): string {
    return `${tenantId}|${this.#kind}|${partition}`;
  }
}
