import type { Container, ItemDefinition, OperationInput, OperationResponse } from '@azure/cosmos';

/** Most operations the SDK puts in one bulk request. */
const MAX_GROUP = 100;

/** What one read in a group came to: the document, its absence, or "read it on its own". */
export type GroupedRead =
  { readonly kind: 'found'; readonly doc: ItemDefinition } | { readonly kind: 'absent' } | { readonly kind: 'alone' };

interface Waiting {
  readonly id: string;
  readonly partitionKey: string;
  readonly settle: (outcome: GroupedRead) => void;
}

/**
 * Point reads made in the same turn of the event loop go to Cosmos as one bulk request. A
 * feedback turn reads its author and its subject afresh (decisions never come from a cache), and
 * turns under load arrive together, so the reads of many turns share one HTTPS request instead of
 * paying the SDK's and TLS's per-request cost each. A bulk read is a point read: as fresh as one
 * made alone. Anything but "found" or "not found" is answered `alone`, and the caller reads that
 * item on its own with the SDK's usual retries and error mapping.
 */
export class GroupedReads {
  readonly #container: Container;
  readonly #onRequest: () => void;
  #waiting: Waiting[] = [];

  constructor(container: Container, onRequest: () => void) {
    this.#container = container;
    this.#onRequest = onRequest;
  }

  read(id: string, partitionKey: string): Promise<GroupedRead> {
    return new Promise((settle) => {
      this.#waiting.push({ id, partitionKey, settle });
      if (this.#waiting.length === 1) {
        setImmediate(() => {
          this.#flush();
        });
      }
    });
  }

  #flush(): void {
    const group = this.#waiting;
    this.#waiting = [];
    for (let start = 0; start < group.length; start += MAX_GROUP) {
      void this.#send(group.slice(start, start + MAX_GROUP));
    }
  }

  async #send(group: readonly Waiting[]): Promise<void> {
    const operations: OperationInput[] = group.map(({ id, partitionKey }) => ({
      operationType: 'Read',
      id,
      partitionKey,
    }));
    let results: readonly (OperationResponse | undefined)[];
    try {
      this.#onRequest();
      // As in GroupedCreates: executeBulkOperations holds operations for up to a second.
      // eslint-disable-next-line @typescript-eslint/no-deprecated
      results = await this.#container.items.bulk(operations, { continueOnError: true });
    } catch {
      results = [];
    }
    group.forEach(({ settle }, i) => {
      settle(outcomeOf(results[i]));
    });
  }
}

const outcomeOf = (result: OperationResponse | undefined): GroupedRead => {
  if (result?.statusCode === 200 && result.resourceBody !== undefined)
    return { kind: 'found', doc: result.resourceBody };
  if (result?.statusCode === 404) return { kind: 'absent' };
  return { kind: 'alone' };
};
