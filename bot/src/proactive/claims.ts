import {
  isAppError,
  type ConnectorCall,
  type ProactiveSender,
  type SendQueueItem,
  type SendQueueStore,
  type StoredSendItem,
  type ThrottleSignals,
} from '@pc/core';
import type { Logger } from '../logging.ts';
import { recordSend } from '../telemetry/index.ts';
import type { SendPermit } from './leases.ts';
import { ConnectorThrottled, LeaseLost, type CallDone, type Pacer } from './pacing.ts';

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
  /** Without a send lease: a mark older than this belongs to a worker that is gone. */
  readonly leaseMs: number;
  readonly maxAttempts: number;
}

/** The listed item as this worker last wrote it, and whether it is marked as under way. */
interface Attempt {
  current: StoredSendItem;
  marked: boolean;
}

class MarkRefused extends Error {}

/**
 * The at-most-once protocol for one queued send. Nothing is written until the send is about to
 * leave: the chat is opened (Teams hands back the same 1:1 chat however often it is asked), then
 * the item is marked 'sending' (ETag-guarded, so two workers never take the same item) right
 * before the post, and recorded as sent after it. An item whose worker vanished while it was
 * marked cannot be proven undelivered, so it becomes 'in-doubt' instead of being sent again; an
 * item never marked simply stays pending for the next holder.
 */
export class SendClaims {
  readonly #o: ClaimOptions;

  constructor(options: ClaimOptions) {
    this.#o = options;
  }

  async process(stored: StoredSendItem, totals: Totals, permit?: SendPermit): Promise<Outcome> {
    // Every write is guarded by the listed ETag: if the item changed since the listing, the write
    // is refused and the item waits for the next pass, so no read is needed first.
    const { item } = stored;
    if (item.state === 'sending') {
      if (!this.#abandoned(item, permit)) return 'busy'; // a live worker owns it
      const marked = await this.#save({ ...item, state: 'in-doubt' }, stored.etag);
      if (marked === undefined) return 'busy';
      totals.inDoubt += 1;
      recordSend('in-doubt');
      this.#o.logger.warn(
        { sendId: item.id, tenantId: item.tenantId, cycleKey: item.cycleKey },
        'proactive send left unconfirmed by a stopped worker; not resending',
      );
      return 'finished';
    }
    if (item.state !== 'pending') return 'busy';
    return this.#deliver({ current: stored, marked: false }, totals, permit);
  }

  /**
   * Under a lease, a mark by any other holder is abandoned: the lease passed on only after that
   * holder stopped renewing it. Without one, only the age of the mark tells.
   */
  #abandoned(item: SendQueueItem, permit: SendPermit | undefined): boolean {
    if (permit !== undefined && item.claimedBy !== undefined) return item.claimedBy !== permit.token;
    const since = Date.parse(item.sendingSince ?? item.enqueuedAt);
    return since + this.#o.leaseMs <= this.#o.nowMs();
  }

  async #deliver(attempt: Attempt, totals: Totals, permit: SendPermit | undefined): Promise<Outcome> {
    const { item } = attempt.current;
    const { pacer } = this.#o;
    // The connector call paced last: it counts against the tenant's limit until it is answered,
    // which is known when the next call is paced or the send returns.
    let answered: CallDone | undefined;
    const settle = (): void => {
      answered?.();
      answered = undefined;
    };
    const pace = async (call: ConnectorCall): Promise<void> => {
      settle();
      if (call === 'post' && !attempt.marked) await this.#mark(attempt, permit);
      answered = await pacer.take(item.tenantId, item.personId, call, permit);
    };
    const pause = (retryAfterMs: number): void => {
      pacer.pauseTenant(item.tenantId, retryAfterMs);
      permit?.pause(this.#o.nowMs() + retryAfterMs);
    };
    const throttle: ThrottleSignals = {
      throttled: (retryAfterMs) => {
        totals.throttled += 1;
        pause(retryAfterMs);
      },
      pausedForMs: () => pacer.pausedForMs(item.tenantId),
    };
    let activityId: string | undefined;
    while (activityId === undefined) {
      try {
        ({ activityId } = await this.#o.sender.send(item.tenantId, item.personId, item.card, item.id, pace, throttle));
        settle();
      } catch (error) {
        settle();
        if (error instanceof MarkRefused) return 'busy'; // another worker changed it first
        if (error instanceof LeaseLost) return this.#unmark(attempt);
        if (error instanceof ConnectorThrottled) {
          // Refused, so nothing was delivered: wait as asked and retry.
          pause(error.retryAfterMs);
          continue;
        }
        return this.#afterFailure(attempt, error, totals);
      }
    }
    // Delivered: record it before moving on. If this write fails the item stays 'sending',
    // and a later worker marks it in-doubt rather than sending it again.
    const sentAt = new Date(this.#o.nowMs()).toISOString();
    await this.#save({ ...attempt.current.item, state: 'sent', sentAt, activityId }, attempt.current.etag);
    totals.sent += 1;
    recordSend('sent');
    return 'finished';
  }

  /** pending → sending, right before the post; refused when the item changed since it was listed. */
  async #mark(attempt: Attempt, permit: SendPermit | undefined): Promise<void> {
    const { item } = attempt.current;
    const marked = await this.#save(
      {
        ...item,
        state: 'sending',
        sendingSince: new Date(this.#o.nowMs()).toISOString(),
        attempts: item.attempts + 1,
        ...(permit === undefined ? {} : { claimedBy: permit.token }),
      },
      attempt.current.etag,
    );
    if (marked === undefined) throw new MarkRefused();
    attempt.current = marked;
    attempt.marked = true;
  }

  /** The lease lapsed before the post left: the send is put back for the next holder. */
  async #unmark(attempt: Attempt): Promise<Outcome> {
    if (attempt.marked) await this.#save({ ...attempt.current.item, state: 'pending' }, attempt.current.etag);
    return 'busy';
  }

  /**
   * An HTTP refusal means the connector did not take the message, so it may be
   * retried; anything else (a dropped connection) may have been delivered.
   */
  async #afterFailure(attempt: Attempt, error: unknown, totals: Totals): Promise<Outcome> {
    const { item, etag } = attempt.current;
    totals.failed += 1;
    const refused =
      !attempt.marked || isAppError(error) || typeof (error as { statusCode?: unknown }).statusCode === 'number';
    // A send that never reached its post counts as an attempt too, so a chat that can never be
    // opened ends up for a person to look at instead of being retried for ever.
    const attempts = attempt.marked ? item.attempts : item.attempts + 1;
    const retry = refused && attempts < this.#o.maxAttempts;
    this.#o.logger.error({ err: error, sendId: item.id, attempts, retry }, 'proactive send failed');
    await this.#save({ ...item, attempts, state: retry ? 'pending' : 'in-doubt' }, etag);
    recordSend(retry ? 'failed' : 'in-doubt');
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
