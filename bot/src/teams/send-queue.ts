import { isAppError, type Page, type TenantId } from '@pc/core';
import type { Logger } from '../logging.ts';
import type { ConnectorCall, ProactiveSender, SendQueueItem, SendQueueStore, StoredSendItem } from './ports.ts';
import {
  ConnectorThrottled,
  KeyedThrottle,
  TEAMS_CONVERSATION_LIMIT,
  TEAMS_TENANT_LIMIT,
  type LimitSpec,
} from './throttle.ts';

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

export interface DrainResult {
  readonly sent: number;
  readonly inDoubt: number;
  readonly throttled: number;
  readonly failed: number;
}

/** What processing one listed item did: settled it, put it back for a retry, or left it to another worker. */
type Outcome = 'finished' | 'retry' | 'busy';

type Totals = { -readonly [K in keyof DrainResult]: DrainResult[K] };
const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Items a worker remembers per tenant and cycle after queuing them; the store's listing finds any more. */
const MAX_FRESH_PER_CYCLE = 5_000;
const freshKey = (tenantId: TenantId, cycleKey: string): string => `${tenantId}|${cycleKey}`;

/** Between a quarter and three quarters of the way through a tenant's own items, the same each time. */
const listingPoint = (tenantId: TenantId): number => {
  // FNV-1a, then a final mix so ids that differ in one character land far apart.
  let hash = 0x811c9dc5;
  for (let i = 0; i < tenantId.length; i++) hash = Math.imul(hash ^ tenantId.charCodeAt(i), 0x01000193);
  hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
  hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35);
  hash = (hash ^ (hash >>> 16)) >>> 0;
  return 0.25 + (hash % 1000) / 2000;
};

/**
 * Delivers queued proactive cards at most once each. A send is claimed
 * (pending → sending, ETag-guarded so two workers never take the same item),
 * delivered within the Teams rate limits, and recorded as sent before the
 * worker moves on. An item left 'sending' by a vanished worker cannot be
 * proven undelivered, so it becomes 'in-doubt' instead of being sent again.
 */
export class SendQueueWorker {
  readonly #o: Required<Omit<SendQueueOptions, 'logger' | 'store' | 'sender'>> & SendQueueOptions;
  readonly #tenantThrottle: KeyedThrottle;
  readonly #conversationThrottle: KeyedThrottle;
  #stopping = false;
  #inFlight: Promise<DrainResult> | undefined;
  /** Items this worker queued and has not drained yet, by tenant and cycle, in enqueue order. */
  readonly #fresh = new Map<string, StoredSendItem[]>();

  constructor(options: SendQueueOptions) {
    this.#o = {
      nowMs: Date.now,
      sleep: defaultSleep,
      tenantLimit: TEAMS_TENANT_LIMIT,
      conversationLimit: TEAMS_CONVERSATION_LIMIT,
      // Enough sends in flight to use the tenant's whole rate while each waits on the connector.
      concurrency: 16,
      leaseMs: 5 * 60_000,
      maxAttempts: 8,
      ...options,
    };
    this.#tenantThrottle = new KeyedThrottle(this.#o.tenantLimit);
    this.#conversationThrottle = new KeyedThrottle(this.#o.conversationLimit);
  }

  /**
   * Queues a send; false when the same tenant+person+cycle is already queued or sent. The worker
   * keeps what it queued, so the next drain of that cycle starts sending without listing first.
   */
  async enqueue(item: SendQueueItem): Promise<boolean> {
    const stored = await this.#o.store.enqueue(item);
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
          ? await this.#freshPass(tenantId, cycleKey, fresh, totals)
          : await this.#pass(tenantId, cycleKey, totals);
      fresh = [];
      const changed = outcomes.finished + outcomes.retry > 0;
      again = changed && outcomes.retry + outcomes.busy > 0;
      this.#tenantThrottle.prune(this.#o.nowMs());
      this.#conversationThrottle.prune(this.#o.nowMs());
    }
    return totals;
  }

  #scan(tenantId: TenantId, cycleKey: string, token?: string): Promise<Page<StoredSendItem>> {
    const page = this.#o.store.scanOpen(tenantId, cycleKey, token);
    page.catch(() => undefined); // a page fetched ahead and then not wanted must not go unhandled
    return page;
  }

  async #pass(tenantId: TenantId, cycleKey: string, totals: Totals): Promise<Record<Outcome, number>> {
    const outcomes: Record<Outcome, number> = { finished: 0, retry: 0, busy: 0 };
    await this.#sendListed(tenantId, cycleKey, this.#scan(tenantId, cycleKey), new Set(), outcomes, totals);
    return outcomes;
  }

  /**
   * Sends what this worker queued itself, straight away, and asks the store once, part-way
   * through, for anything else still open (left by an earlier run or queued by another process).
   * The point varies by tenant, so the listings of many tenants drained together do not all
   * reach the store at the same moment.
   */
  async #freshPass(
    tenantId: TenantId,
    cycleKey: string,
    fresh: readonly StoredSendItem[],
    totals: Totals,
  ): Promise<Record<Outcome, number>> {
    const outcomes: Record<Outcome, number> = { finished: 0, retry: 0, busy: 0 };
    const mine = new Set(fresh.map(({ item }) => item.id));
    const listAt = Math.floor(fresh.length * listingPoint(tenantId));
    const ahead: { page?: Promise<Page<StoredSendItem>> } = {};
    await this.#sendAll([...fresh], outcomes, totals, (taken) => {
      if (ahead.page === undefined && taken >= listAt) ahead.page = this.#scan(tenantId, cycleKey);
    });
    if (this.#stopped()) return outcomes;
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
    outcomes: Record<Outcome, number>,
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
        if (ahead.page === undefined && token !== undefined && !this.#stopped() && taken >= lowWater) {
          ahead.page = this.#scan(tenantId, cycleKey, token);
        }
      };
      fetchAhead(0);
      await this.#sendAll(open, outcomes, totals, fetchAhead);
      next = this.#stopped() || token === undefined ? undefined : (ahead.page ?? this.#scan(tenantId, cycleKey, token));
    }
  }

  /** A bounded pool of runners sharing one list (never one promise per item); `onTake` sees how many were taken. */
  async #sendAll(
    items: StoredSendItem[],
    outcomes: Record<Outcome, number>,
    totals: Totals,
    onTake: (taken: number) => void,
  ): Promise<void> {
    let taken = 0;
    const runner = async (): Promise<void> => {
      for (let item = items.shift(); item !== undefined && !this.#stopped(); item = items.shift()) {
        taken += 1;
        onTake(taken);
        outcomes[await this.#process(item, totals)] += 1;
      }
    };
    await Promise.all(Array.from({ length: this.#o.concurrency }, runner));
  }

  async #process(stored: StoredSendItem, totals: Totals): Promise<Outcome> {
    // Every write is guarded by the listed ETag: if the item changed since the listing, the write
    // is refused and the item waits for the next pass, so no read is needed first.
    const { item } = stored;
    const now = this.#o.nowMs();
    if (item.state === 'sending') {
      const since = Date.parse(item.sendingSince ?? item.enqueuedAt);
      if (since + this.#o.leaseMs > now) return 'busy'; // a live worker owns it
      const marked = await this.#save({ ...item, state: 'in-doubt' }, stored.etag);
      if (marked === undefined) return 'busy';
      totals.inDoubt += 1;
      this.#o.logger.warn({ sendId: item.id }, 'proactive send left unconfirmed by a stopped worker; not resending');
      return 'finished';
    }
    if (item.state !== 'pending') return 'busy';
    const claimed = await this.#save(
      { ...item, state: 'sending', sendingSince: new Date(now).toISOString(), attempts: item.attempts + 1 },
      stored.etag,
    );
    if (claimed === undefined) return 'busy'; // another worker claimed it first
    return this.#deliver(claimed, totals);
  }

  async #deliver(claimed: StoredSendItem, totals: Totals): Promise<Outcome> {
    const { item } = claimed;
    let activityId: string | undefined;
    const pace = (call: ConnectorCall): Promise<void> => this.#pace(item, call);
    while (activityId === undefined) {
      try {
        ({ activityId } = await this.#o.sender.send(item.tenantId, item.personId, item.card, item.id, pace));
      } catch (error) {
        if (error instanceof ConnectorThrottled) {
          // Refused, so nothing was delivered: wait as asked and retry within the same claim.
          totals.throttled += 1;
          this.#tenantThrottle.pause(item.tenantId, this.#o.nowMs() + error.retryAfterMs);
          continue;
        }
        return this.#afterFailure(claimed, error, totals);
      }
    }
    // Delivered: record it before moving on. If this write fails the item stays 'sending',
    // and a later worker marks it in-doubt rather than sending it again.
    const sentAt = new Date(this.#o.nowMs()).toISOString();
    await this.#save({ ...item, state: 'sent', sentAt, activityId }, claimed.etag);
    totals.sent += 1;
    return 'finished';
  }

  /**
   * An HTTP refusal means the connector did not take the message, so it may be
   * retried; anything else (a dropped connection) may have been delivered.
   */
  async #afterFailure(claimed: StoredSendItem, error: unknown, totals: Totals): Promise<Outcome> {
    const { item } = claimed;
    totals.failed += 1;
    const refused = isAppError(error) || typeof (error as { statusCode?: unknown }).statusCode === 'number';
    const retry = refused && item.attempts < this.#o.maxAttempts;
    this.#o.logger.error({ err: error, sendId: item.id, attempts: item.attempts, retry }, 'proactive send failed');
    await this.#save({ ...item, state: retry ? 'pending' : 'in-doubt' }, claimed.etag);
    return retry ? 'retry' : 'finished';
  }

  /** Holds each connector call until the tenant's limit, and for a post the conversation's, has room. */
  async #pace(item: SendQueueItem, call: ConnectorCall): Promise<void> {
    const { nowMs, sleep } = this.#o;
    if (call === 'post') await this.#conversationThrottle.take(`${item.tenantId}|${item.personId}`, nowMs, sleep);
    // The tenant's slot last, so the call goes the moment it is counted.
    await this.#tenantThrottle.take(item.tenantId, nowMs, sleep);
  }

  /** ETag-guarded write; undefined when another worker changed the item first. */
  async #save(item: SendQueueItem, etag: string): Promise<StoredSendItem | undefined> {
    try {
      return await this.#o.store.replace(item, etag);
    } catch (error) {
      if (isAppError(error) && error.code === 'conflict') return undefined;
      throw error;
    }
  }
}
