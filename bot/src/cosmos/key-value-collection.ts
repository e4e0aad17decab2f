import type { Container } from '@azure/cosmos';
import { AppError, type Page, type PageRequest, type Stored } from '@pc/core';
import { DocumentCollection, type RequestCounter } from './document-collection.ts';
import type { PartitionFilter } from './partition-query.ts';

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
export interface Sort {
  readonly field: string;
  readonly direction: SortDirection;
}
/** Items whose `field` holds one of `values`. */
export interface FieldIn {
  readonly field: string;
  readonly values: readonly string[];
}

const FIELD = /^[A-Za-z][A-Za-z0-9]*$/;
const GET_MANY_CHUNK = 100;

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

  /** The items with one of `ids`, across the tenant's partitions of this kind: one query per 100 ids. */
  async getMany(tenantId: string, ids: readonly string[]): Promise<T[]> {
    const found: T[] = [];
    for (let from = 0; from < ids.length; from += GET_MANY_CHUNK) {
      const filter = this.#filter({ only: { field: 'id', values: ids.slice(from, from + GET_MANY_CHUNK) } });
      let continuationToken: string | undefined;
      do {
        const page = await this.#docs.queryTenantPage(tenantId, filter, {
          pageSize: GET_MANY_CHUNK,
          ...(continuationToken === undefined ? {} : { continuationToken }),
        });
        found.push(...page.items);
        continuationToken = page.continuationToken;
      } while (continuationToken !== undefined);
    }
    return found;
  }

  async listByPartition(tenantId: string, partition: string, page?: PageRequest, sort?: Sort): Promise<Page<T>> {
    return this.#docs.queryPage(tenantId, this.#pk(tenantId, partition), this.#filter({ sort }), page);
  }

  /**
   * As listByPartition, with each item's ETag, so a caller can update what it listed without
   * reading it again; `only` keeps the items whose field holds one of the given values.
   */
  async listStoredByPartition(
    tenantId: string,
    partition: string,
    options: { readonly page?: PageRequest; readonly sort?: Sort; readonly only?: FieldIn } = {},
  ): Promise<Page<Stored<T>>> {
    return this.#docs.queryStoredPage(tenantId, this.#pk(tenantId, partition), this.#filter(options), options.page);
  }

  #filter({ sort, only }: { readonly sort?: Sort | undefined; readonly only?: FieldIn | undefined }): PartitionFilter {
    for (const field of [sort?.field, only?.field]) {
      if (field !== undefined && !FIELD.test(field)) {
        throw new AppError('internal', 'A sort or filter field must be a plain property name');
      }
    }
    if (only?.values.length === 0) throw new AppError('internal', 'A filter needs at least one value');
    const names = only?.values.map((_, i) => `@only${String(i)}`) ?? [];
    return {
      ...(sort === undefined ? {} : { orderBy: `c.${sort.field} ${sort.direction}` }),
      ...(only === undefined
        ? {}
        : {
            where: `c.${only.field} IN (${names.join(', ')})`,
            parameters: only.values.map((value, i) => ({ name: names[i] ?? '', value })),
          }),
    };
  }

  #pk(tenantId: string, partition: string): string {
    return `${tenantId}|${this.#kind}|${partition}`;
  }
}
