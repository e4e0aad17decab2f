import type { Container, ItemDefinition, OperationResponse } from '@azure/cosmos';
import { BulkGroups } from './bulk-groups.ts';

/** What one read in a group came to: the document, its absence, or "read it on its own". */
export type GroupedRead =
  { readonly kind: 'found'; readonly doc: ItemDefinition } | { readonly kind: 'absent' } | { readonly kind: 'alone' };

interface PointRead {
  readonly id: string;
  readonly partitionKey: string;
}

const outcomeOf = (result: OperationResponse | undefined): GroupedRead => {
  if (result?.statusCode === 200 && result.resourceBody !== undefined)
    return { kind: 'found', doc: result.resourceBody };
  if (result?.statusCode === 404) return { kind: 'absent' };
  return { kind: 'alone' };
};

/**
 * Point reads made at the same moment go to Cosmos as one bulk request (see BulkGroups). A
 * feedback turn reads its author and its subject afresh (decisions never come from a cache), and
 * turns under load arrive together, so the reads of many turns share one HTTPS request instead of
 * paying the SDK's and TLS's per-request cost each. A bulk read is a point read: as fresh as one
 * made alone. Anything but "found" or "not found" is answered `alone`, and the caller reads that
 * item on its own with the SDK's usual retries and error mapping.
 */
export class GroupedReads {
  readonly #groups: BulkGroups<PointRead, GroupedRead>;

  constructor(container: Container, onRequest: () => void) {
    this.#groups = new BulkGroups({
      container,
      onRequest,
      operationOf: ({ id, partitionKey }) => ({ operationType: 'Read', id, partitionKey }),
      outcomeOf,
    });
  }

  read(id: string, partitionKey: string): Promise<GroupedRead> {
    return this.#groups.submit({ id, partitionKey });
  }
}
