import type { Container, ItemDefinition, OperationResponse } from '@azure/cosmos';
import { BulkGroups } from './bulk-groups.ts';

type NewDocument = ItemDefinition & { id: string; pk: string };

/** What one create in a group came to: the stored document, a conflict, or "do it on its own". */
export type GroupedOutcome =
  | { readonly kind: 'created'; readonly doc: ItemDefinition }
  | { readonly kind: 'conflict' }
  | { readonly kind: 'alone' };

const outcomeOf = (result: OperationResponse | undefined): GroupedOutcome => {
  if (result?.statusCode === 201 && result.resourceBody !== undefined) {
    return { kind: 'created', doc: result.resourceBody };
  }
  if (result?.statusCode === 409) return { kind: 'conflict' };
  return { kind: 'alone' };
};

/**
 * Creates made at the same moment go to Cosmos as one bulk request (see BulkGroups). Under load
 * many notes are written at once, and the per-request cost of the SDK and TLS was most of a
 * feedback turn.
 *
 * Anything but "created" or "already exists" (a throttled item, or the whole request failing)
 * is answered `alone`, and the caller makes that create on its own, with the SDK's usual
 * retries and error mapping. A request that failed after Cosmos applied some items shows up
 * then as "already exists", which the callers of a create-if-absent treat as done.
 */
export class GroupedCreates {
  readonly #groups: BulkGroups<NewDocument, GroupedOutcome>;

  constructor(container: Container, onRequest: () => void) {
    this.#groups = new BulkGroups({
      container,
      onRequest,
      operationOf: (doc) => ({ operationType: 'Create', resourceBody: doc, partitionKey: doc.pk }),
      outcomeOf,
    });
  }

  create(doc: NewDocument): Promise<GroupedOutcome> {
    return this.#groups.submit(doc);
  }
}
