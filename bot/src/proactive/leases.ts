import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { isAppError, SEND_LEASE_KEY, type SendLease, type SendLeaseStore, type TenantId } from '@pc/core';
import type { Logger } from '../logging.ts';

export interface SendLeaseOptions {
  readonly store: SendLeaseStore;
  readonly logger: Logger;
  /** How long a lease lasts without a heartbeat; a crashed holder's tenants are free again after it. */
  readonly leaseMs: number;
  /**
   * How long a released tenant stays free of senders: the tenant's rate window, so the next
   * holder's calls and this one's last never fall in one window together.
   */
  readonly quietMs: number;
  readonly nowMs?: () => number;
}

/** What a worker needs from the lease it sends under: whether it still holds it, and the tenant's pause. */
export interface SendPermit {
  /** Written on the sends this holder marks, so a later holder knows whose they were. */
  readonly token: string;
  /** False once the lease may have passed to someone else: no new connector call may start. */
  valid(): boolean;
  /** Until when the tenant's sends are paused (a 429 seen by this or an earlier holder). */
  pausedUntilMs(): number;
  /** A 429: every holder from now on waits until `untilMs`; written with the next heartbeat. */
  pause(untilMs: number): void;
}

/** Which instance holds a lease (host and process, as an operator sees them) and which acquisition it is. */
const holderId = (): string => `${hostname()}:${String(process.pid)}:${randomUUID()}`;

const toMs = (iso: string | undefined): number => (iso === undefined ? 0 : Date.parse(iso));

const conflictAsUndefined = async <T>(write: () => Promise<T>): Promise<T | undefined> => {
  try {
    return await write();
  } catch (error) {
    if (isAppError(error) && error.code === 'conflict') return undefined;
    throw error;
  }
};

/**
 * One sender per tenant across every instance: a lease document per tenant, taken and renewed
 * with its ETag, renewed by heartbeat, free again when it expires. The holder stops starting
 * connector calls a third of the lease before it expires unrenewed, so two holders never send
 * to a tenant in the same second even when one stalls.
 */
export class SendLeases {
  readonly #o: SendLeaseOptions;
  readonly #now: () => number;

  constructor(options: SendLeaseOptions) {
    this.#o = options;
    this.#now = options.nowMs ?? Date.now;
  }

  /** True when another live holder has the tenant (one point read). */
  async heldElsewhere(tenantId: TenantId): Promise<boolean> {
    return (await this.freeInMs(tenantId)) > 0;
  }

  /** How long until the tenant's lease is free (one point read); 0 when it is free now. */
  async freeInMs(tenantId: TenantId): Promise<number> {
    return (await this.look(tenantId)).freeInMs;
  }

  /** The tenant's lease document as it stands (one point read): when it is free, and its version. */
  async look(tenantId: TenantId): Promise<{ readonly freeInMs: number; readonly etag?: string }> {
    const current = await this.#o.store.get(tenantId);
    if (current === undefined) return { freeInMs: 0 };
    return { freeInMs: Math.max(0, toMs(current.item.expiresAt) - this.#now()), etag: current.etag };
  }

  /** The tenant's lease, or undefined when another holder's lease is still live. */
  async acquire(tenantId: TenantId, cycleKey: string): Promise<HeldLease | undefined> {
    const now = this.#now();
    const lease: SendLease = {
      tenantId,
      id: SEND_LEASE_KEY,
      holder: holderId(),
      cycleKey,
      expiresAt: new Date(now + this.#o.leaseMs).toISOString(),
    };
    const current = await this.#o.store.get(tenantId);
    if (current === undefined) {
      const created = await this.#o.store.create(lease);
      return created === undefined ? undefined : new HeldLease(this.#o, created, now);
    }
    if (toMs(current.item.expiresAt) > now) return undefined;
    const pausedUntil = current.item.pausedUntil;
    const taken = await conflictAsUndefined(() =>
      this.#o.store.replace({ ...lease, ...(pausedUntil === undefined ? {} : { pausedUntil }) }, current.etag),
    );
    return taken === undefined ? undefined : new HeldLease(this.#o, taken, now);
  }
}

export class HeldLease implements SendPermit {
  readonly #o: SendLeaseOptions;
  readonly #now: () => number;
  #lease: SendLease;
  #etag: string;
  /** Local time by which the lease must be renewed; no call starts after it. */
  #validUntil: number;
  #pausedUntil: number;
  #lost = false;
  #heartbeat: NodeJS.Timeout | undefined;
  #renewing: Promise<void> = Promise.resolve();
  #queued = false;

  constructor(options: SendLeaseOptions, stored: { item: SendLease; etag: string }, takenAt: number) {
    this.#o = options;
    this.#now = options.nowMs ?? Date.now;
    this.#lease = stored.item;
    this.#etag = stored.etag;
    this.#validUntil = takenAt + this.#margin();
    this.#pausedUntil = toMs(stored.item.pausedUntil);
    // Renewed three times per lease, so one slow or failed renewal does not lose it.
    this.#heartbeat = setInterval(() => {
      this.#renewSoon();
    }, options.leaseMs / 3);
    this.#heartbeat.unref();
  }

  /**
   * How long after a renewal started this holder may still start calls: the lease less a third
   * of it (time for the next renewals) and never less than the quiet time, so the next holder
   * can only start once a whole rate window has passed since this one's last call.
   */
  #margin(): number {
    return this.#o.leaseMs - Math.max(this.#o.quietMs, this.#o.leaseMs / 3);
  }

  get token(): string {
    return this.#lease.holder;
  }

  get tenantId(): TenantId {
    return this.#lease.tenantId;
  }

  valid(): boolean {
    return !this.#lost && this.#now() < this.#validUntil;
  }

  pausedUntilMs(): number {
    return this.#pausedUntil;
  }

  pause(untilMs: number): void {
    if (untilMs <= this.#pausedUntil) return;
    this.#pausedUntil = untilMs;
    // Written at once, so an instance that takes the tenant over meanwhile still waits it out.
    this.#renewSoon();
  }

  /** One renewal at a time: two at once would race on the ETag and the loser would think the lease lost. */
  #renewSoon(): void {
    if (this.#queued) return;
    this.#queued = true;
    this.#renewing = this.#renewing.then(() => {
      this.#queued = false;
      return this.#renew();
    });
  }

  /** Extends the lease and records any pause; a lease changed by someone else is lost for good. */
  async #renew(expires = true): Promise<void> {
    if (this.#lost) return;
    const now = this.#now();
    const next: SendLease = {
      ...this.#lease,
      expiresAt: new Date(now + (expires ? this.#o.leaseMs : this.#o.quietMs)).toISOString(),
      ...(this.#pausedUntil > now ? { pausedUntil: new Date(this.#pausedUntil).toISOString() } : {}),
    };
    try {
      const stored = await this.#o.store.replace(next, this.#etag);
      this.#lease = stored.item;
      this.#etag = stored.etag;
      if (expires) this.#validUntil = now + this.#margin();
    } catch (error) {
      if (isAppError(error) && error.code === 'conflict') {
        this.#lost = true;
        this.#o.logger.warn({ tenantId: this.#lease.tenantId }, 'send lease taken over; this instance stops sending');
        return;
      }
      // A failed renewal is retried by the next heartbeat; the lease lapses if they all fail.
      this.#o.logger.warn({ err: error, tenantId: this.#lease.tenantId }, 'send lease renewal failed');
    }
  }

  /**
   * Stops the heartbeat and frees the tenant for the next holder after the quiet time, keeping any
   * pause. Resolves with the lease document's version as released (undefined if it was lost), so
   * the holder can tell later whether anyone has taken the tenant since.
   */
  async release(): Promise<string | undefined> {
    clearInterval(this.#heartbeat);
    this.#heartbeat = undefined;
    await this.#renewing;
    await this.#renew(false);
    const released = this.#lost ? undefined : this.#etag;
    this.#lost = true;
    return released;
  }
}
