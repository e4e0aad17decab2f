import type { Container, ItemDefinition, OperationInput, OperationResponse } from '@azure/cosmos';

/** Most operations the SDK puts in one bulk request. */
const MAX_GROUP = 100;

interface Waiting {
  readonly doc: ItemDefinition & { id: string; pk: string };
  readonly settle: (outcome: GroupedOutcome) => void;
}

/** What one create in a group came to: the stored document, a conflict, or "do it on its own". */
export type GroupedOutcome =
  | { readonly kind: 'created'; readonly doc: ItemDefinition }
  | { readonly kind: 'conflict' }
  | { readonly kind: 'alone' };

/**
 * Creates that arrive in the same turn of the event loop go to Cosmos as one bulk request
 * (non-atomic: each item stands or falls alone), instead of one HTTPS request each. Under load
 * many notes are written at once, and the per-request cost of the SDK and TLS was most of a
 * feedback turn; with one note in flight a group is simply that note.
 *
 * Anything but "created" or "already exists" (a throttled item, or the whole request failing)
 * is answered `alone`, and the caller makes that create on its own, with the SDK's usual
 * retries and error mapping. A request that failed after Cosmos applied some items shows up
 * then as "already exists", which the callers of a create-if-absent treat as done.
 */
export class GroupedCreates {
  readonly #container: Container;
  readonly #onRequest: () => void;
  #waiting: Waiting[] = [];

  constructor(container: Container, onRequest: () => void) {
    this.#container = container;
    this.#onRequest = onRequest;
  }

  create(doc: ItemDefinition & { id: string; pk: string }): Promise<GroupedOutcome> {
    return new Promise((settle) => {
      this.#waiting.push({ doc, settle });
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
    const operations: OperationInput[] = group.map(({ doc }) => ({
      operationType: 'Create',
      resourceBody: doc,
      partitionKey: doc.pk,
    }));
    let results: readonly (OperationResponse | undefined)[];
    try {
      this.#onRequest();
      // executeBulkOperations, the successor, holds operations for up to a second before it sends
      // them (measured: 1,030 ms for a lone create), which would add a second to every bot turn.
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

const outcomeOf = (result: OperationResponse | undefined): GroupedOutcome => {
  if (result?.statusCode === 201 && result.resourceBody !== undefined) {
    return { kind: 'created', doc: result.resourceBody };
  }
  if (result?.statusCode === 409) return { kind: 'conflict' };
  return { kind: 'alone' };
};
