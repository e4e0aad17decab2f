import {
  isAppError,
  type ConnectorCall,
  type ProactiveSender,
  type SendQueueItem,
  type SendQueueStore,
  type StoredSendItem,
} from '@pc/core';
import type { Logger } from '../logging.ts';
import { ConnectorThrottled, type Pacer } from './pacing.ts';

export interface DrainResult {
  readonly sent: number;
  readonly inDoubt: number;
  readonly throttled: number;
  readonly failed: number;
}

export type Totals = { -readonly [K in keyof DrainResult]: DrainResult[K] };

/** What processing one listed item did: settled it, put it back for a retry, or left it to another worker. */
export type Outcome = 'finished' | 'retry' | 'busy';

export interface ClaimOptions {
  readonly store: SendQueueStore;
  readonly sender: ProactiveSender;
  readonly logger: Logger;
  readonly pacer: Pacer;
  readonly nowMs: () => number;
  /** A claim older than this belongs to a worker that is gone. */
  readonly leaseMs: number;
  readonly maxAttempts: number;
}

/**
 * The at-most-once protocol for one queued send. A send is claimed (pending → sending,
 * ETag-guarded so two workers never take the same item), delivered, and recorded as sent
 * before the worker moves on. An item left 'sending' by a vanished worker cannot be proven
 * undelivered, so it becomes 'in-doubt' instead of being sent again.
 */
export class SendClaims {
  readonly #o: ClaimOptions;

  constructor(options: ClaimOptions) {
    this.#o = options;
  }

  async process(stored: StoredSendItem, totals: Totals): Promise<Outcome> {
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
    const pace = (call: ConnectorCall): Promise<void> => this.#o.pacer.take(item.tenantId, item.personId, call);
    while (activityId === undefined) {
      try {
        ({ activityId } = await this.#o.sender.send(item.tenantId, item.personId, item.card, item.id, pace));
      } catch (error) {
        if (error instanceof ConnectorThrottled) {
          // Refused, so nothing was delivered: wait as asked and retry within the same claim.
          totals.throttled += 1;
          this.#o.pacer.pauseTenant(item.tenantId, error.retryAfterMs);
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
