import type { Page, SendQueueStore, StoredSendItem, TenantId } from '@pc/core';
import type { Outcome, Totals } from './claims.ts';

export type Outcomes = Record<Outcome, number>;

export interface PagingOptions {
  readonly store: Pick<SendQueueStore, 'scanOpen'>;
  /** Sends in flight at once; each still waits for its rate slot. */
  readonly concurrency: number;
  /** Read before each new item, so a stop takes effect between sends. */
  readonly stopped: () => boolean;
  readonly process: (item: StoredSendItem, totals: Totals) => Promise<Outcome>;
}

/** Between a quarter and three quarters of the way through a tenant's own items, the same each time. */
export const listingPoint = (tenantId: TenantId): number => {
  // FNV-1a, then a final mix so ids that differ in one character land far apart.
  let hash = 0x811c9dc5;
  for (let i = 0; i < tenantId.length; i++) hash = Math.imul(hash ^ tenantId.charCodeAt(i), 0x01000193);
  hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
  hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35);
  hash = (hash ^ (hash >>> 16)) >>> 0;
  return 0.25 + (hash % 1000) / 2000;
};

const noOutcomes = (): Outcomes => ({ finished: 0, retry: 0, busy: 0 });

/**
 * One pass over a cycle's open items in enqueue order: the store's listing page by page, each
 * next page fetched while the current one is being sent, and a bounded pool of senders.
 */
export class CyclePager {
  readonly #o: PagingOptions;
  #waiting = 0;

  constructor(options: PagingOptions) {
    this.#o = options;
  }

  /** Items handed to this pager's senders and not yet done with: its part of the queue's depth. */
  get waiting(): number {
    return this.#waiting;
  }

  #scan(tenantId: TenantId, cycleKey: string, token?: string): Promise<Page<StoredSendItem>> {
    const page = this.#o.store.scanOpen(tenantId, cycleKey, token);
    page.catch(() => undefined); // a page fetched ahead and then not wanted must not go unhandled
    return page;
  }

  async pass(tenantId: TenantId, cycleKey: string, totals: Totals): Promise<Outcomes> {
    const outcomes = noOutcomes();
    await this.#sendListed(tenantId, cycleKey, this.#scan(tenantId, cycleKey), new Set(), outcomes, totals);
    return outcomes;
  }

  /**
   * Sends what this worker queued itself, straight away, and asks the store once, part-way
   * through, for anything else still open (left by an earlier run or queued by another process).
   * The point varies by tenant, so the listings of many tenants drained together do not all
   * reach the store at the same moment.
   */
  async freshPass(
    tenantId: TenantId,
    cycleKey: string,
    fresh: readonly StoredSendItem[],
    totals: Totals,
  ): Promise<Outcomes> {
    const outcomes = noOutcomes();
    const mine = new Set(fresh.map(({ item }) => item.id));
    const listAt = Math.floor(fresh.length * listingPoint(tenantId));
    const ahead: { page?: Promise<Page<StoredSendItem>> } = {};
    await this.#sendAll([...fresh], outcomes, totals, (taken) => {
      if (ahead.page === undefined && taken >= listAt) ahead.page = this.#scan(tenantId, cycleKey);
    });
    if (this.#o.stopped()) return outcomes;
    // The listing may show this worker's own items as they were then: those are skipped.
    await this.#sendListed(tenantId, cycleKey, ahead.page ?? this.#scan(tenantId, cycleKey), mine, outcomes, totals);
    return outcomes;
  }

  /** Page by page from `first`, skipping the ids in `skip`; each next page is fetched ahead. */
  async #sendListed(
    tenantId: TenantId,
    cycleKey: string,
    first: Promise<Page<StoredSendItem>>,
    skip: ReadonlySet<string>,
    outcomes: Outcomes,
    totals: Totals,
  ): Promise<void> {
    // The next page is fetched while this one is being sent, once most of it is under way: asked
    // for at once, it would queue at the store behind other tenants' first pages.
    for (let next: Promise<Page<StoredSendItem>> | undefined = first; next !== undefined;) {
      const page: Page<StoredSendItem> = await next;
      const token: string | undefined = page.continuationToken;
      const ahead: { page?: Promise<Page<StoredSendItem>> } = {};
      const open = page.items.filter(
        ({ item }) => !skip.has(item.id) && (item.state === 'pending' || item.state === 'sending'),
      );
      const lowWater = Math.max(0, open.length - Math.max(2 * this.#o.concurrency, Math.floor(open.length / 4)));
      const fetchAhead = (taken: number): void => {
        if (ahead.page === undefined && token !== undefined && !this.#o.stopped() && taken >= lowWater) {
          ahead.page = this.#scan(tenantId, cycleKey, token);
        }
      };
      fetchAhead(0);
      await this.#sendAll(open, outcomes, totals, fetchAhead);
      next =
        this.#o.stopped() || token === undefined ? undefined : (ahead.page ?? this.#scan(tenantId, cycleKey, token));
    }
  }

  /** A bounded pool of runners sharing one list (never one promise per item); `onTake` sees how many were taken. */
  async #sendAll(
    items: StoredSendItem[],
    outcomes: Outcomes,
    totals: Totals,
    onTake: (taken: number) => void,
  ): Promise<void> {
    let taken = 0;
    let done = 0;
    const count = items.length;
    this.#waiting += count;
    const runner = async (): Promise<void> => {
      for (let item = items.shift(); item !== undefined && !this.#o.stopped(); item = items.shift()) {
        taken += 1;
        onTake(taken);
        try {
          outcomes[await this.#o.process(item, totals)] += 1;
        } finally {
          done += 1;
          this.#waiting -= 1;
        }
      }
    };
    try {
      await Promise.all(Array.from({ length: this.#o.concurrency }, runner));
    } finally {
      this.#waiting -= count - done; // left behind by a stop
    }
  }
}
