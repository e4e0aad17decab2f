import type { Container, ItemDefinition, PatchOperation } from '@azure/cosmos';
import { AppError, type Page, type PageRequest, type Stored } from '@pc/core';
import {
  cosmosErrorToAppError,
  cosmosStatus,
  DUPLICATE_MESSAGE,
  MISSING_MESSAGE,
  STALE_ETAG_MESSAGE,
} from './errors.ts';
import { GroupedCreates } from './grouped-creates.ts';
import { GroupedReads } from './grouped-reads.ts';
import { GroupedReplaces } from './grouped-replaces.ts';
import { decodeContinuation, encodeContinuation, MAX_WORKER_PAGE_SIZE, pageSizeOf } from './paging.ts';
import { fetchPartitionPage, type FetchedPage, type PartitionFilter } from './partition-query.ts';
import { StoredDocuments } from './stored-documents.ts';

/** Counts Cosmos operations (point operations and query page fetches) made through one store. */
export interface RequestCounter {
  count: number;
}

export interface DocumentCollectionOptions<T> {
  readonly container: Container;
  /** Stored on every document and required by every read and query, so containers can be shared. */
  readonly docType: string;
  /** Logical partition of an item. Must name the item's tenant. */
  readonly partitionKey: (item: T) => string;
  readonly id: (item: T) => string;
  /** Tenant of an item; every read and query checks it. */
  readonly tenantId: (item: T) => string;
  /** Document fields added by `id` that are not part of T (e.g. a tenant's `id`), stripped on read. */
  readonly derivedFields?: readonly string[];
  readonly counter: RequestCounter;
  /** Send creates made at the same moment as one bulk request (see GroupedCreates). */
  readonly groupCreates?: boolean;
  /** Send point reads made at the same moment as one bulk request (see GroupedReads). */
  readonly groupReads?: boolean;
  /** Send ETag-guarded replaces made at the same moment as one bulk request (see GroupedReplaces). */
  readonly groupReplaces?: boolean;
}

/**
 * The one place that talks to a container for domain items: ETag-guarded
 * writes, tenant-checked point reads and queries that always name the tenant
 * and the partition in WHERE (the local server ignores the partitionKey
 * option, and a forgotten filter must not be possible).
 */
export class DocumentCollection<T extends object> {
  readonly #o: DocumentCollectionOptions<T>;
  readonly #docs: StoredDocuments<T>;

  readonly #grouped: GroupedCreates | undefined;
  readonly #groupedReads: GroupedReads | undefined;
  readonly #groupedReplaces: GroupedReplaces | undefined;

  constructor(options: DocumentCollectionOptions<T>) {
    this.#o = options;
    this.#grouped =
      options.groupCreates === true
        ? new GroupedCreates(options.container, () => {
            options.counter.count += 1;
          })
        : undefined;
    this.#groupedReads =
      options.groupReads === true
        ? new GroupedReads(options.container, () => {
            options.counter.count += 1;
          })
        : undefined;
    this.#groupedReplaces =
      options.groupReplaces === true
        ? new GroupedReplaces(options.container, () => {
            options.counter.count += 1;
          })
        : undefined;
    this.#docs = new StoredDocuments<T>(options.derivedFields);
  }

  async read(tenantId: string, partitionKey: string, id: string): Promise<Stored<T> | undefined> {
    const doc = await this.#readDoc(partitionKey, id);
    if (doc === undefined) return undefined;
    if (doc['tenantId'] !== tenantId || doc['docType'] !== this.#o.docType) return undefined;
    return this.#stored(doc);
  }

  async #readDoc(partitionKey: string, id: string): Promise<ItemDefinition | undefined> {
    if (this.#groupedReads !== undefined) {
      const outcome = await this.#groupedReads.read(id, partitionKey);
      if (outcome.kind === 'found') return outcome.doc;
      if (outcome.kind === 'absent') return undefined;
      // Otherwise the read is made on its own below, with the SDK's retries.
    }
    const response = await this.#call(() => this.#o.container.item(id, partitionKey).read<ItemDefinition>());
    return response.statusCode === 404 ? undefined : response.resource;
  }

  async create(item: T): Promise<Stored<T>> {
    const doc = this.#document(item);
    if (this.#grouped !== undefined) {
      const outcome = await this.#grouped.create(doc);
      if (outcome.kind === 'created') return this.#stored(outcome.doc);
      if (outcome.kind === 'conflict') throw new AppError('conflict', DUPLICATE_MESSAGE);
      // Otherwise the create is made on its own below, with the SDK's retries.
    }
    const response = await this.#call(() => this.#o.container.items.create(doc));
    return this.#stored(response.resource);
  }

  /** Replaces only if `etag` is current: stale → 'conflict', absent → 'not-found'. */
  async replace(item: T, etag: string): Promise<Stored<T>> {
    const doc = this.#document(item);
    if (this.#groupedReplaces !== undefined) {
      const outcome = await this.#groupedReplaces.replace(doc, etag);
      if (outcome.kind === 'replaced') return this.#stored(outcome.doc);
      if (outcome.kind === 'stale') throw new AppError('conflict', STALE_ETAG_MESSAGE);
      if (outcome.kind === 'missing') throw new AppError('not-found', MISSING_MESSAGE);
      // Otherwise the replace is made on its own below, with the SDK's retries.
    }
    const response = await this.#call(() =>
      this.#o.container.item(doc.id, doc['pk']).replace(doc, { accessCondition: { type: 'IfMatch', condition: etag } }),
    );
    return this.#stored(response.resource);
  }

  /**
   * Applies `operations` in one write, without an ETag, when the stored document still meets
   * `condition` (Cosmos' patch filter predicate, `FROM c WHERE …`): true when applied, false when
   * the condition was not met; a missing document is 'not-found'. For writes that commute, such
   * as appending to an array, so concurrent writers never turn each other away. The predicate
   * cannot take parameters: only trusted text and checked values go into it.
   */
  async patchIf(partitionKey: string, id: string, operations: PatchOperation[], condition: string): Promise<boolean> {
    try {
      await this.#call(() => this.#o.container.item(id, partitionKey).patch({ condition, operations }));
      return true;
    } catch (error) {
      if (cosmosStatus(error instanceof AppError ? error.cause : error) === 412) return false;
      throw error;
    }
  }

  /** Last writer wins: only for items with a single writer (e.g. tenant settings from an admin). */
  async upsert(item: T): Promise<Stored<T>> {
    const response = await this.#call(() => this.#o.container.items.upsert(this.#document(item)));
    return this.#stored(response.resource);
  }

  /** Deletes if present (and, given an etag, only if unchanged); true when something was deleted. */
  async delete(tenantId: string, partitionKey: string, id: string, etag?: string): Promise<boolean> {
    const existing = await this.read(tenantId, partitionKey, id);
    if (existing === undefined) return false;
    try {
      await this.#call(() =>
        this.#o.container
          .item(id, partitionKey)
          .delete(etag === undefined ? {} : { accessCondition: { type: 'IfMatch', condition: etag } }),
      );
      return true;
    } catch (error) {
      // Someone else deleted it between our read and our delete: the outcome the caller wanted.
      if (error instanceof AppError && error.code === 'not-found') return false;
      throw error;
    }
  }

  async queryPage(
    tenantId: string,
    partitionKey: string,
    filter: PartitionFilter,
    page?: PageRequest,
  ): Promise<Page<T>> {
    return this.#queryPage(tenantId, partitionKey, filter, pageSizeOf(page), page, (doc) => this.#item(doc));
  }

  /**
   * As queryPage, with each item's version, for a background worker that goes on to update what
   * it listed; pages of up to MAX_WORKER_PAGE_SIZE.
   */
  async queryStoredPage(
    tenantId: string,
    partitionKey: string,
    filter: PartitionFilter,
    page?: PageRequest,
  ): Promise<Page<Stored<T>>> {
    const pageSize = pageSizeOf(page, MAX_WORKER_PAGE_SIZE);
    return this.#queryPage(tenantId, partitionKey, filter, pageSize, page, (doc) => this.#stored(doc));
  }

  async #queryPage<R>(
    tenantId: string,
    partitionKey: string | undefined,
    filter: PartitionFilter,
    pageSize: number,
    page: PageRequest | undefined,
    map: (doc: ItemDefinition) => R,
  ): Promise<Page<R>> {
    let continuationToken = decodeContinuation(page?.continuationToken);
    const items: R[] = [];
    // Cosmos may return short (even empty) pages before the end; keep going until the page is full.
    do {
      const response = await this.#fetch(tenantId, partitionKey, filter, pageSize - items.length, continuationToken);
      items.push(...response.resources.map(map));
      continuationToken = response.continuationToken;
    } while (items.length < pageSize && continuationToken !== undefined);
    const next = encodeContinuation(continuationToken);
    return next === undefined ? { items } : { items, continuationToken: next };
  }

  /**
   * One page of matches across all of one tenant's partitions (still naming the tenant in WHERE):
   * only for exports that would otherwise query every person's partition in turn.
   */
  async queryTenantPage(tenantId: string, filter: PartitionFilter, page?: PageRequest): Promise<Page<T>> {
    return this.#queryPage(tenantId, undefined, filter, pageSizeOf(page), page, (doc) => this.#item(doc));
  }

  /**
   * Every match in one partition; only for sets known to be small (a manager's reports), or with
   * `largePages` (pages as large as Cosmos sends, up to 4 MB) for work over a whole organisation.
   */
  async queryAll(
    tenantId: string,
    partitionKey: string,
    filter: PartitionFilter,
    options: { readonly largePages?: boolean } = {},
  ): Promise<T[]> {
    return this.#all(tenantId, partitionKey, filter, options.largePages === true ? -1 : 100, (doc) => this.#item(doc));
  }

  /** Every match in one partition with its version, in pages as large as Cosmos sends (see queryAll). */
  async queryAllStored(tenantId: string, partitionKey: string, filter: PartitionFilter): Promise<Stored<T>[]> {
    return this.#all(tenantId, partitionKey, filter, -1, (doc) => this.#stored(doc));
  }

  async #all<R>(
    tenantId: string,
    partitionKey: string,
    filter: PartitionFilter,
    size: number,
    map: (doc: ItemDefinition) => R,
  ): Promise<R[]> {
    const items: R[] = [];
    let continuationToken: string | undefined;
    do {
      const response = await this.#fetch(tenantId, partitionKey, filter, size, continuationToken);
      for (const doc of response.resources) items.push(map(doc));
      continuationToken = response.continuationToken;
    } while (continuationToken !== undefined);
    return items;
  }

  async #fetch(
    tenantId: string,
    partitionKey: string | undefined,
    filter: PartitionFilter,
    maxItemCount: number,
    continuationToken: string | undefined,
  ): Promise<FetchedPage> {
    const request = { docType: this.#o.docType, tenantId, partitionKey, filter, maxItemCount, continuationToken };
    return fetchPartitionPage(this.#o.container, (operation) => this.#call(operation), request);
  }

  async #call<R>(operation: () => Promise<R>): Promise<R> {
    this.#o.counter.count += 1;
    try {
      return await operation();
    } catch (error) {
      throw cosmosErrorToAppError(error);
    }
  }

  #document(item: T): ItemDefinition & { id: string; pk: string } {
    return { ...item, id: this.#o.id(item), pk: this.#o.partitionKey(item), docType: this.#o.docType };
  }

  #item(doc: ItemDefinition): T {
    return this.#docs.item(doc);
  }

  #stored(doc: ItemDefinition | undefined): Stored<T> {
    return this.#docs.stored(doc);
  }
}
