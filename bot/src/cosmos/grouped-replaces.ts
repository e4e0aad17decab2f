import type { Container, ItemDefinition, OperationResponse } from '@azure/cosmos';
import { BulkGroups } from './bulk-groups.ts';

interface Replacement {
  readonly doc: ItemDefinition & { id: string; pk: string };
  readonly etag: string;
}

/** What one replace in a group came to: the stored document, a newer version, no such item, or "do it on its own". */
export type GroupedReplace =
  | { readonly kind: 'replaced'; readonly doc: ItemDefinition }
  | { readonly kind: 'stale' }
  | { readonly kind: 'missing' }
  | { readonly kind: 'alone' };

const outcomeOf = (result: OperationResponse | undefined): GroupedReplace => {
  if (result?.statusCode === 200 && result.resourceBody !== undefined)
    return { kind: 'replaced', doc: result.resourceBody };
  if (result?.statusCode === 412) return { kind: 'stale' };
  if (result?.statusCode === 404) return { kind: 'missing' };
  return { kind: 'alone' };
};

/**
 * ETag-guarded replaces made at the same moment go to Cosmos as one bulk request (see BulkGroups):
 * a directory sync or an HR import rewrites thousands of people, and one HTTPS request each was
 * most of its time. Each replace still carries its own If-Match, so a stale one is turned away
 * alone. Anything else (a throttled item, the whole request failing) is answered `alone`, and the
 * caller replaces that item on its own with the SDK's retries; one the failed request did apply
 * then meets its new ETag and is a conflict, which the callers' read-modify-write loop re-reads.
 */
export class GroupedReplaces {
  readonly #groups: BulkGroups<Replacement, GroupedReplace>;

  constructor(container: Container, onRequest: () => void) {
    this.#groups = new BulkGroups({
      container,
      onRequest,
      operationOf: ({ doc, etag }) => ({
        operationType: 'Replace',
        id: doc.id,
        resourceBody: doc,
        partitionKey: doc.pk,
        ifMatch: etag,
      }),
      outcomeOf,
    });
  }

  replace(doc: ItemDefinition & { id: string; pk: string }, etag: string): Promise<GroupedReplace> {
    return this.#groups.submit({ doc, etag });
  }
}
