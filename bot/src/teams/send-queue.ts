import { isAppError, type TenantId } from '@pc/core';
import type { Logger } from '../logging.ts';
import type { ProactiveSender, SendQueueItem, SendQueueStore, StoredSendItem } from './ports.ts';
import { ConnectorThrottled, KeyedThrottle } from './throttle.ts';

export interface SendQueueOptions {
  readonly store: SendQueueStore;
  readonly sender: ProactiveSender;
  readonly logger: Logger;
  readonly nowMs?: () => number;
  readonly sleep?: (ms: number) => Promise<void>;
  /** Teams: 50 requests per second per app per tenant. */
  readonly tenantPerSecond?: number;
  /** Teams: about one message per second into one conversation. */
  readonly conversationPerSecond?: number;
  /** Connector calls one send makes (create the 1:1 chat, then post). */
  readonly requestsPerSend?: number;
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

type Totals = { -readonly [K in keyof DrainResult]: DrainResult[K] };
const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

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

  constructor(options: SendQueueOptions) {
    this.#o = {
      nowMs: Date.now,
      sleep: defaultSleep,
      tenantPerSecond: 50,
      conversationPerSecond: 1,
      requestsPerSend: 2,
      concurrency: 4,
      leaseMs: 5 * 60_000,
      maxAttempts: 8,
      ...options,
    };
    this.#tenantThrottle = new KeyedThrottle({ perSecond: this.#o.tenantPerSecond });
    this.#conversationThrottle = new KeyedThrottle({ perSecond: this.#o.conversationPerSecond });
  }

  /** Queues a send; false when the same tenant+person+cycle is already queued or sent. */
  enqueue(item: SendQueueItem): Promise<boolean> {
    return this.#o.store.enqueue(item);
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
    // Passes over the cycle in enqueue order; another pass only when the last one changed something.
    for (let progressed = 1; progressed > 0 && !this.#stopped();) {
      progressed = 0;
      let token: string | undefined;
      do {
        const page = await this.#o.store.scan(tenantId, cycleKey, token);
        token = page.continuationToken;
        const open = page.items.filter((item) => item.state === 'pending' || item.state === 'sending');
        const runner = async (): Promise<number> => {
          let done = 0;
          for (let next = open.shift(); next !== undefined && !this.#stopped(); next = open.shift()) {
            if (await this.#process(next, totals)) done += 1;
          }
          return done;
        };
        // A bounded pool of runners sharing one page: never one promise per item.
        const counts = await Promise.all(Array.from({ length: this.#o.concurrency }, runner));
        progressed += counts.reduce((a, b) => a + b, 0);
      } while (token !== undefined && !this.#stopped());
      this.#tenantThrottle.prune(this.#o.nowMs());
      this.#conversationThrottle.prune(this.#o.nowMs());
    }
    return totals;
  }

  /** True when the item moved on (to a final state, or back to pending for a retry). */
  async #process(listed: SendQueueItem, totals: Totals): Promise<boolean> {
    // The listing may be stale: act on the current version only.
    const stored = await this.#o.store.get(listed.tenantId, listed.cycleKey, listed.id);
    if (stored === undefined) return false;
    const { item } = stored;
    const now = this.#o.nowMs();
    if (item.state === 'sending') {
      const since = Date.parse(item.sendingSince ?? item.enqueuedAt);
      if (since + this.#o.leaseMs > now) return false; // a live worker owns it
      const marked = await this.#save({ ...item, state: 'in-doubt' }, stored.etag);
      if (marked === undefined) return false;
      totals.inDoubt += 1;
      this.#o.logger.warn({ sendId: item.id }, 'proactive send left unconfirmed by a stopped worker; not resending');
      return true;
    }
    if (item.state !== 'pending') return false;
    const claimed = await this.#save(
      { ...item, state: 'sending', sendingSince: new Date(now).toISOString(), attempts: item.attempts + 1 },
      stored.etag,
    );
    if (claimed === undefined) return false; // another worker claimed it first
    return this.#deliver(claimed, totals);
  }

  async #deliver(claimed: StoredSendItem, totals: Totals): Promise<boolean> {
    const { item } = claimed;
    let activityId: string | undefined;
    for (let retry = false; activityId === undefined; retry = true) {
      await this.#waitForSlot(item, retry);
      try {
        ({ activityId } = await this.#o.sender.send(item.tenantId, item.personId, item.card, item.id));
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
    return true;
  }

  /**
   * An HTTP refusal means the connector did not take the message, so it may be
   * retried; anything else (a dropped connection) may have been delivered.
   */
  async #afterFailure(claimed: StoredSendItem, error: unknown, totals: Totals): Promise<boolean> {
    const { item } = claimed;
    totals.failed += 1;
    const refused = isAppError(error) || typeof (error as { statusCode?: unknown }).statusCode === 'number';
    const retry = refused && item.attempts < this.#o.maxAttempts;
    this.#o.logger.error({ err: error, sendId: item.id, attempts: item.attempts, retry }, 'proactive send failed');
    await this.#save({ ...item, state: retry ? 'pending' : 'in-doubt' }, claimed.etag);
    return true;
  }

  /** A retry after 429 skips the conversation slot: the refused call never reached the conversation. */
  async #waitForSlot(item: SendQueueItem, retry: boolean): Promise<void> {
    const now = this.#o.nowMs();
    let wait = 0;
    for (let i = 0; i < this.#o.requestsPerSend; i++) {
      wait = Math.max(wait, this.#tenantThrottle.reserve(item.tenantId, now));
    }
    if (!retry) wait = Math.max(wait, this.#conversationThrottle.reserve(`${item.tenantId}|${item.personId}`, now));
    if (wait > 0) await this.#o.sleep(wait);
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
