import type { Container, OperationInput, OperationResponse } from '@azure/cosmos';

/** Most operations the SDK puts in one bulk request. */
const MAX_GROUP = 100;

interface Waiting<Request, Outcome> {
  readonly request: Request;
  readonly settle: (outcome: Outcome) => void;
}

/**
 * Operations that arrive in the same turn of the event loop go to Cosmos as one bulk request
 * (non-atomic: each item stands or falls alone), instead of one HTTPS request each; with one
 * operation in flight a group is simply that operation. Each operation's result is turned into
 * an outcome by the caller's rule; when the whole request fails, every outcome is read from a
 * missing result, which the callers answer with "do it on its own".
 */
export class BulkGroups<Request, Outcome> {
  readonly #container: Container;
  readonly #onRequest: () => void;
  readonly #operationOf: (request: Request) => OperationInput;
  readonly #outcomeOf: (result: OperationResponse | undefined) => Outcome;
  #waiting: Waiting<Request, Outcome>[] = [];

  constructor(options: {
    readonly container: Container;
    readonly onRequest: () => void;
    readonly operationOf: (request: Request) => OperationInput;
    readonly outcomeOf: (result: OperationResponse | undefined) => Outcome;
  }) {
    this.#container = options.container;
    this.#onRequest = options.onRequest;
    this.#operationOf = options.operationOf;
    this.#outcomeOf = options.outcomeOf;
  }

  submit(request: Request): Promise<Outcome> {
    return new Promise((settle) => {
      this.#waiting.push({ request, settle });
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

  async #send(group: readonly Waiting<Request, Outcome>[]): Promise<void> {
    const operations = group.map(({ request }) => this.#operationOf(request));
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
      settle(this.#outcomeOf(results[i]));
    });
  }
}
