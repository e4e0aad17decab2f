import type { ItemDefinition } from '@azure/cosmos';
import { AppError, type Stored } from '@pc/core';

const SYSTEM_FIELDS = ['_rid', '_self', '_etag', '_ts', '_attachments', '_lsn', 'pk', 'docType'];

/** Reads domain items out of stored documents: without Cosmos' fields, ours, or the derived ones. */
export class StoredDocuments<T extends object> {
  readonly #strip: ReadonlySet<string>;

  /** `derivedFields`: document fields added by the item's id that are not part of T. */
  constructor(derivedFields: readonly string[] = []) {
    this.#strip = new Set([...SYSTEM_FIELDS, ...derivedFields]);
  }

  item(doc: ItemDefinition): T {
    return Object.fromEntries(Object.entries(doc).filter(([field]) => !this.#strip.has(field))) as T;
  }

  stored(doc: ItemDefinition | undefined): Stored<T> {
    const etag: unknown = doc?._etag;
    if (doc === undefined || typeof etag !== 'string') {
      throw new AppError('internal', 'Storage returned an item without a version');
    }
    return { item: this.item(doc), etag };
  }
}
