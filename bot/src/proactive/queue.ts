import type { ProactiveSender, SendQueueItem, SendQueueStore, StoredSendItem, TenantId } from '@pc/core';
import type { Logger } from '../logging.ts';
import { observeQueueDepth } from '../telemetry/index.ts';
import { SendClaims, type DrainResult, type Totals } from './claims.ts';
import type { SendPermit } from './leases.ts';
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
  readonly #claims: SendClaims;
  readonly #concurrency: number;
  #stopping = false;
  /** Drains under way, by tenant and cycle: each tenant has its own budget, so tenants drain side by side. */
  readonly #inFlight = new Map<string, Promise<DrainResult>>();
  /** Items this worker queued and has not drained yet, by tenant and cycle, in enqueue order. */
  readonly #fresh = new Map<string, StoredSendItem[]>();
  /** The passes under way, each with the items it still has to send. */
  readonly #pagers = new Set<CyclePager>();

  constructor(options: SendQueueOptions) {
    const nowMs = options.nowMs ?? Date.now;
    this.#store = options.store;
    this.#pacer = new Pacer({
      tenantLimit: options.tenantLimit ?? TEAMS_TENANT_LIMIT,
      conversationLimit: options.conversationLimit ?? TEAMS_CONVERSATION_LIMIT,
      nowMs,
      sleep: options.sleep ?? defaultSleep,
    });
    this.#claims = new SendClaims({
      store: options.store,
      sender: options.sender,
      logger: options.logger,
      pacer: this.#pacer,
      nowMs,
      leaseMs: options.leaseMs ?? 5 * 60_000,
      maxAttempts: options.maxAttempts ?? 8,
    });
    // Enough sends in flight to use the tenant's whole rate while each waits on the connector.
    this.#concurrency = options.concurrency ?? 16;
    observeQueueDepth('proactive', () => this.depth());
  }

  /**
   * Sends this instance has to do: those it queued and has not started, and those its drains
   * have listed and not finished. A count only; what the store holds beyond that is unknown here.
   */
  depth(): number {
    let depth = 0;
    for (const items of this.#fresh.values()) depth += items.length;
    for (const pager of this.#pagers) depth += pager.waiting;
    return depth;
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
    if (fresh.length < MAX_FRESH_PER_CYCLE) {
      fresh.push(stored);
      this.#fresh.set(key, fresh);
    }
    return true;
  }

  /**
   * Works through a tenant's check-ins of one cycle until none are left or `stop` is called. Under
   * a send lease (`permit`), the tenant's shared pause is honoured and sending stops if the lease
   * lapses; a drain of the same tenant and cycle already under way is joined.
   */
  drain(tenantId: TenantId, cycleKey: string, permit?: SendPermit): Promise<DrainResult> {
    const key = freshKey(tenantId, cycleKey);
    const running = this.#inFlight.get(key);
    if (running !== undefined) return running;
    if (this.#inFlight.size === 0) this.#stopping = false;
    const run = this.#drain(tenantId, cycleKey, permit).finally(() => {
      this.#inFlight.delete(key);
    });
    this.#inFlight.set(key, run);
    return run;
  }

  /**
   * Drops what this worker queued for the tenant's cycle without sending it: another instance may
   * send those items, and a later drain here would pace a connector call for each stale one.
   */
  forget(tenantId: TenantId, cycleKey: string): void {
    this.#fresh.delete(freshKey(tenantId, cycleKey));
  }

  /** Whether a tenant's cycle has sends still to do or left under way (one single-partition query). */
  hasOpen(tenantId: TenantId, cycleKey: string): Promise<boolean> {
    return this.#store.anyOpen(tenantId, cycleKey);
  }

  // A method rather than a field read: the flag changes while a drain awaits.
  #stopped(): boolean {
    return this.#stopping;
  }

  /** Takes no new item; resolves once every send in flight has been recorded. */
  async stop(): Promise<void> {
    this.#stopping = true;
    await Promise.allSettled([...this.#inFlight.values()]);
  }

  async #drain(tenantId: TenantId, cycleKey: string, permit: SendPermit | undefined): Promise<DrainResult> {
    const totals: Totals = { sent: 0, inDoubt: 0, throttled: 0, failed: 0 };
    const stopped = (): boolean => this.#stopped() || (permit !== undefined && !permit.valid());
    const pager = new CyclePager({
      store: this.#store,
      concurrency: this.#concurrency,
      stopped,
      process: (item, t) => this.#claims.process(item, t, permit),
    });
    const key = freshKey(tenantId, cycleKey);
    let fresh = this.#fresh.get(key) ?? [];
    this.#fresh.delete(key);
    this.#pagers.add(pager);
    try {
      // Passes over the cycle's open items in enqueue order. Another pass only when this one left
      // items open (a retry, or an item another worker held) and changed something.
      for (let again = true; again && !stopped();) {
        const outcomes =
          fresh.length > 0
            ? await pager.freshPass(tenantId, cycleKey, fresh, totals)
            : await pager.pass(tenantId, cycleKey, totals);
        fresh = [];
        const changed = outcomes.finished + outcomes.retry > 0;
        again = changed && outcomes.retry + outcomes.busy > 0;
        this.#pacer.prune();
      }
    } finally {
      this.#pagers.delete(pager);
    }
    return totals;
  }
}
