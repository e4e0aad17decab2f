import type { ProactiveSender, SendQueueItem, SendQueueStore, StoredSendItem, TenantId } from '@pc/core';
import type { Logger } from '../logging.ts';
import { SendClaims, type DrainResult, type Totals } from './claims.ts';
import { Pacer, TEAMS_CONVERSATION_LIMIT, TEAMS_TENANT_LIMIT, type LimitSpec } from './pacing.ts';
import { CyclePager } from './paging.ts';

export type { DrainResult } from './claims.ts';

export interface SendQueueOptions {
  readonly store: SendQueueStore;
  readonly sender: ProactiveSender;
  readonly logger: Logger;
  readonly nowMs?: () => number;
  readonly sleep?: (ms: number) => Promise<void>;
  /** Connector calls per tenant; Teams allows 50 a second per app per tenant. */
  readonly tenantLimit?: LimitSpec;
  /** Messages into one conversation; Teams allows about one a second. */
  readonly conversationLimit?: LimitSpec;
  /** Sends in flight at once; each still waits for its rate slot. */
  readonly concurrency?: number;
  /** A claim older than this belongs to a worker that is gone. */
  readonly leaseMs?: number;
  readonly maxAttempts?: number;
}

const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Items a worker remembers per tenant and cycle after queuing them; the store's listing finds any more. */
const MAX_FRESH_PER_CYCLE = 5_000;
const freshKey = (tenantId: TenantId, cycleKey: string): string => `${tenantId}|${cycleKey}`;

/**
 * Delivers queued proactive cards at most once each (the claim protocol in claims.ts), paced
 * within Teams' rate limits (pacing.ts), over a cycle's items page by page (paging.ts).
 */
export class SendQueueWorker {
  readonly #store: SendQueueStore;
  readonly #pacer: Pacer;
  readonly #pager: CyclePager;
  #stopping = false;
  #inFlight: Promise<DrainResult> | undefined;
  /** Items this worker queued and has not drained yet, by tenant and cycle, in enqueue order. */
  readonly #fresh = new Map<string, StoredSendItem[]>();

  constructor(options: SendQueueOptions) {
    const nowMs = options.nowMs ?? Date.now;
    this.#store = options.store;
    this.#pacer = new Pacer({
      tenantLimit: options.tenantLimit ?? TEAMS_TENANT_LIMIT,
      conversationLimit: options.conversationLimit ?? TEAMS_CONVERSATION_LIMIT,
      nowMs,
      sleep: options.sleep ?? defaultSleep,
    });
    const claims = new SendClaims({
      store: options.store,
      sender: options.sender,
      logger: options.logger,
      pacer: this.#pacer,
      nowMs,
      leaseMs: options.leaseMs ?? 5 * 60_000,
      maxAttempts: options.maxAttempts ?? 8,
    });
    this.#pager = new CyclePager({
      store: options.store,
      // Enough sends in flight to use the tenant's whole rate while each waits on the connector.
      concurrency: options.concurrency ?? 16,
      stopped: () => this.#stopped(),
      process: (item, totals) => claims.process(item, totals),
    });
  }

  /**
   * Queues a send; false when the same tenant+person+cycle is already queued or sent. The worker
   * keeps what it queued, so the next drain of that cycle starts sending without listing first.
   */
  async enqueue(item: SendQueueItem): Promise<boolean> {
    const stored = await this.#store.enqueue(item);
    if (stored === undefined) return false;
    const key = freshKey(item.tenantId, item.cycleKey);
    const fresh = this.#fresh.get(key) ?? [];
    // Past the cap the store's listing finds the rest, so memory stays bounded.
    if (fresh.length < MAX_FRESH_PER_CYCLE) this.#fresh.set(key, [...fresh, stored]);
    return true;
  }

  /** Works through a tenant's check-ins of one cycle until none are left or `stop` is called. */
  drain(tenantId: TenantId, cycleKey: string): Promise<DrainResult> {
    if (this.#inFlight !== undefined) return this.#inFlight;
    this.#stopping = false;
    const run = this.#drain(tenantId, cycleKey).finally(() => {
      this.#inFlight = undefined;
    });
    this.#inFlight = run;
    return run;
  }

  // A method rather than a field read: the flag changes while a drain awaits.
  #stopped(): boolean {
    return this.#stopping;
  }

  /** Takes no new item; resolves once every send in flight has been recorded. */
  async stop(): Promise<void> {
    this.#stopping = true;
    if (this.#inFlight !== undefined) await this.#inFlight;
  }

  async #drain(tenantId: TenantId, cycleKey: string): Promise<DrainResult> {
    const totals: Totals = { sent: 0, inDoubt: 0, throttled: 0, failed: 0 };
    const key = freshKey(tenantId, cycleKey);
    let fresh = this.#fresh.get(key) ?? [];
    this.#fresh.delete(key);
    // Passes over the cycle's open items in enqueue order. Another pass only when this one left
    // items open (a retry, or an item another worker held) and changed something.
    for (let again = true; again && !this.#stopped();) {
      const outcomes =
        fresh.length > 0
          ? await this.#pager.freshPass(tenantId, cycleKey, fresh, totals)
          : await this.#pager.pass(tenantId, cycleKey, totals);
      fresh = [];
      const changed = outcomes.finished + outcomes.retry > 0;
      again = changed && outcomes.retry + outcomes.busy > 0;
      this.#pacer.prune();
    }
    return totals;
  }
}
