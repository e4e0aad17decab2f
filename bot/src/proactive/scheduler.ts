import { TENANT_REFERENCE_KEY, type ConversationReferenceStore, type QuietHours, type TenantId } from '@pc/core';
import {
  checkinFor,
  checkinTargets,
  DEFAULT_QUIET_HOURS,
  isoWeekKey,
  type CheckinTarget,
  type UseCaseDeps,
} from '@pc/core/usecases';
import type { Logger } from '../logging.ts';
import type { SendLeases, SendPermit } from './leases.ts';
import type { DrainResult, SendQueueWorker } from './queue.ts';

export interface CheckinSchedulerOptions {
  readonly deps: UseCaseDeps;
  /** Who installed the app: only they are nudged. */
  readonly references: ConversationReferenceStore;
  readonly logger: Logger;
  readonly worker: SendQueueWorker;
  /** The tenants to look at (the allowed tenants); only those with the app installed are nudged. */
  readonly tenants: readonly TenantId[];
  /**
   * One sender per tenant across every instance. Without it this process assumes it is the only
   * one (tests, tools); the server always passes it.
   */
  readonly leases?: SendLeases;
  /**
   * How many instances share the tenants (APP_INSTANCE_COUNT). A sweep takes up to its share of
   * the tenants with work at once, so the sending (and its CPU) spreads over the instances; a
   * tenant left free for a whole sweep is taken whatever the share, so fewer live instances still
   * cover all.
   */
  readonly instances?: number;
  readonly intervalMs?: number;
  /** How often to look for sends left open by a stopped instance or a lapsed lease. */
  readonly sweepIntervalMs?: number;
  /** Delay before the first run, so start-up is not slowed by it. */
  readonly firstRunDelayMs?: number;
  readonly quietHours?: QuietHours;
}

export interface SchedulerRun {
  readonly cycleKey: string;
  readonly queued: number;
  readonly sent: number;
  /** People with the app installed who were left for a later run because of quiet hours. */
  readonly quiet: number;
  /** Sends whose outcome died with a stopped instance: a person should check before resending. */
  readonly inDoubt: number;
  readonly failed: number;
  readonly throttled: number;
  /** Tenants another instance was already sending to. */
  readonly leasedElsewhere: number;
}

type RunTotals = { -readonly [K in keyof SchedulerRun]: SchedulerRun[K] };

/** A tenant's send lease as the scheduler holds it; without leases, a stand-in. */
interface Held {
  readonly permit: SendPermit | undefined;
  /** Resolves with the lease document's version as released, when there is one. */
  release(): Promise<string | undefined>;
}

/** Sweeps for which a tenant found with nothing open is not listed again while its lease is untouched. */
const CLEAR_SWEEPS = 5;

/** A lease that ends within this is a released tenant's quiet time, worth waiting for. */
const SHORT_HOLD_MS = 2_000;

/** Tenants looked at side by side: each has its own Teams budget, but they share the store. */
const TENANTS_AT_ONCE = 8;

/**
 * Looks at the tenants eight at a time (store reads and target computation), starting at `from`
 * so instances walking the same list start at different tenants.
 */
const eachTenant = async (
  tenants: readonly TenantId[],
  from: number,
  work: (tenantId: TenantId) => Promise<void>,
): Promise<void> => {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(TENANTS_AT_ONCE, tenants.length) }, async () => {
      for (let i = next++; i < tenants.length; i = next++) await work(tenants[(from + i) % tenants.length] ?? '');
    }),
  );
};

/**
 * Proactive check-ins on a timer: each run looks at everyone who installed the app, queues this
 * week's check-in for those with something to hear about (the queue keeps it to one per person
 * per week), and lets the send queue deliver them at Teams' pace. People in their quiet hours
 * wait for a later run. With several instances, each tenant is taken by one of them under a
 * lease, so instances share the tenants out; a sweep every minute picks up tenants whose sends
 * were left open by an instance that stopped.
 */
export class CheckinScheduler {
  readonly #o: CheckinSchedulerOptions;
  #timer: NodeJS.Timeout | undefined;
  #sweeper: NodeJS.Timeout | undefined;
  #running: Promise<SchedulerRun | undefined> | undefined;
  #sweeping: Promise<void> | undefined;
  /** Drains this instance runs under a lease, by tenant; a tenant's lookups never wait for another's drain. */
  readonly #draining = new Map<TenantId, Promise<void>>();
  /** Tenants another instance holds, until their lease would lapse unrenewed (local time). */
  readonly #heldUntil = new Map<TenantId, number>();
  /**
   * Tenants whose last drain by this instance found nothing open, with the lease's version as it
   * released it: while nobody has taken the tenant since, a sweep does not list it again for a
   * few sweeps (a send queued meanwhile without the lease, such as a resend, waits that long).
   */
  readonly #clear = new Map<TenantId, { readonly etag: string; readonly until: number }>();
  /** Tenants the last sweep saw free with this instance already holding its share. */
  #seenFree = new Set<TenantId>();
  /** Where this instance starts each walk over the tenants. */
  readonly #from: number;
  #stopped = false;

  constructor(options: CheckinSchedulerOptions) {
    this.#o = options;
    // Not the same tenant first on every instance: they would all reach for it at once.
    this.#from = Math.floor(Math.random() * Math.max(1, options.tenants.length));
  }

  /** Runs shortly after start and then every interval (hourly by default); never keeps the process alive. */
  start(): void {
    if (this.#timer !== undefined || this.#stopped) return;
    const tick = (): void => {
      void this.#runLogged();
    };
    this.#timer = setTimeout(() => {
      tick();
      this.#timer = setInterval(tick, this.#o.intervalMs ?? 60 * 60_000);
      this.#timer.unref();
    }, this.#o.firstRunDelayMs ?? 10_000);
    this.#timer.unref();
    if (this.#o.leases === undefined) return;
    this.#sweeper = setInterval(() => {
      this.#sweepSoon();
    }, this.#sweepIntervalMs());
    this.#sweeper.unref();
  }

  #sweepIntervalMs(): number {
    return this.#o.sweepIntervalMs ?? 60_000;
  }

  /** One sweep at a time; a tick that finds one under way leaves it be. */
  #sweepSoon(): void {
    if (this.#isStopped()) return;
    this.#sweeping ??= this.#sweepLogged().finally(() => {
      this.#sweeping = undefined;
    });
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#timer);
    clearInterval(this.#timer);
    clearInterval(this.#sweeper);
    this.#timer = undefined;
    this.#sweeper = undefined;
    await this.#o.worker.stop();
    await this.#running;
    await this.#sweeping;
    await Promise.allSettled([...this.#draining.values()]);
  }

  /** One pass over every tenant; a run already in progress is joined rather than doubled. */
  runOnce(): Promise<SchedulerRun | undefined> {
    if (this.#stopped) return Promise.resolve(undefined);
    this.#running ??= this.#run().finally(() => {
      this.#running = undefined;
    });
    return this.#running;
  }

  /**
   * Sends still open in this week's cycle of any tenant no live instance holds (left by an
   * instance that stopped, or queued while nobody held the tenant): takes the tenant's lease and
   * finishes them. Sends that instance had under way become in doubt. Resolves once the free
   * tenants are taken; each drain goes on under its lease and reports when it ends.
   */
  async sweepOnce(): Promise<void> {
    const { leases } = this.#o;
    if (this.#stopped || leases === undefined) return;
    const { cycleKey } = this.#totals();
    const { free, busy } = await this.#freeTenants(leases);
    // This instance's share of the tenants with work now (not of every allowed tenant, most of
    // which may have nothing to send), so a fan-out to a few tenants still spreads over the
    // instances. A tenant left free for a whole sweep is taken whatever the share.
    const share = Math.ceil((busy + free.length) / Math.max(1, this.#o.instances ?? 1));
    const room = Math.max(0, share - this.#draining.size);
    const taken = free.filter((t, i) => i < room || this.#seenFree.has(t));
    this.#seenFree = new Set(free.filter((t) => !taken.includes(t)));
    await eachTenant(taken, 0, async (tenantId) => {
      const lease = await this.#take(tenantId, cycleKey);
      if (lease === undefined || this.#isStopped()) {
        await lease?.release();
        return;
      }
      const swept = this.#totals();
      void this.#drainHeld(tenantId, lease, swept).then(
        () => {
          if (swept.sent + swept.inDoubt + swept.failed > 0) this.#report(swept, 'check-in sweep finished');
        },
        (error: unknown) => {
          this.#o.logger.error({ err: error, tenantId }, 'check-in sweep failed');
        },
      );
    });
  }

  /**
   * Installed tenants no live instance is sending to (two point reads each; the drain's own
   * listing then tells whether anything is open, so no instance pays for a query on a tenant
   * another is about to take), and how many a live instance, this one or another, is sending to.
   */
  async #freeTenants(leases: SendLeases): Promise<{ free: TenantId[]; busy: number }> {
    const free: TenantId[] = [];
    let busy = 0;
    await eachTenant(this.#o.tenants, this.#from, async (tenantId) => {
      if (this.#isStopped()) return;
      if (this.#draining.has(tenantId) || (this.#heldUntil.get(tenantId) ?? 0) > Date.now()) {
        busy += 1;
        return;
      }
      if (!(await this.#installed(tenantId))) return;
      const { freeInMs, etag } = await leases.look(tenantId);
      if (freeInMs > 0) {
        // Held by another instance: its lease cannot lapse sooner, so no need to read it again until then.
        this.#heldUntil.set(tenantId, Date.now() + freeInMs);
        busy += 1;
        return;
      }
      const clear = this.#clear.get(tenantId);
      if (clear !== undefined && clear.etag === etag && clear.until > Date.now()) return;
      free.push(tenantId);
    });
    return { free, busy };
  }

  // A method rather than a field read: the flag changes while a run awaits.
  #isStopped(): boolean {
    return this.#stopped;
  }

  #totals(): RunTotals {
    const cycleKey = isoWeekKey(this.#o.deps.clock.today());
    return { cycleKey, queued: 0, sent: 0, quiet: 0, inDoubt: 0, failed: 0, throttled: 0, leasedElsewhere: 0 };
  }

  #add(totals: RunTotals, drained: DrainResult): void {
    totals.sent += drained.sent;
    totals.inDoubt += drained.inDoubt;
    totals.failed += drained.failed;
    totals.throttled += drained.throttled;
  }

  async #installed(tenantId: TenantId): Promise<boolean> {
    return (await this.#o.references.get(tenantId, TENANT_REFERENCE_KEY)) !== undefined;
  }

  /** The tenant's lease (a stand-in without leases); undefined when another holder has it. */
  async #take(tenantId: TenantId, cycleKey: string): Promise<Held | undefined> {
    const { leases } = this.#o;
    if (leases === undefined) return { permit: undefined, release: () => Promise.resolve(undefined) };
    const lease = await leases.acquire(tenantId, cycleKey);
    return lease === undefined ? undefined : { permit: lease, release: () => lease.release() };
  }

  /**
   * Drains the tenant's cycle under `held`, released when it ends. It goes on by itself, so the
   * walk over the tenants is never held up by one tenant's sends and a single instance drains
   * every tenant side by side. When it ends having sent something, a sweep starts at once
   * rather than at the next tick, so an instance with room takes the next free tenant without
   * waiting (a drain that found nothing open does not, or idle instances would sweep in a loop).
   */
  #drainHeld(tenantId: TenantId, held: Held, into: RunTotals): Promise<void> {
    const running = (async () => {
      let worked = true;
      try {
        const drained = await this.#o.worker.drain(tenantId, into.cycleKey, held.permit);
        worked = drained.sent + drained.inDoubt + drained.failed + drained.throttled > 0;
        this.#add(into, drained);
      } finally {
        const released = await held.release();
        this.#draining.delete(tenantId);
        if (!worked && released !== undefined) {
          this.#clear.set(tenantId, { etag: released, until: Date.now() + CLEAR_SWEEPS * this.#sweepIntervalMs() });
        } else this.#clear.delete(tenantId);
        if (worked && this.#o.leases !== undefined) this.#sweepSoon();
      }
    })();
    this.#draining.set(
      tenantId,
      running.catch(() => undefined),
    );
    return running;
  }

  async #runLogged(): Promise<void> {
    try {
      await this.runOnce();
    } catch (error) {
      // The next tick tries again; nothing is lost because the queue remembers what was sent.
      this.#o.logger.error({ err: error }, 'check-in run failed');
    }
  }

  async #sweepLogged(): Promise<void> {
    try {
      await this.sweepOnce();
    } catch (error) {
      this.#o.logger.error({ err: error }, 'check-in sweep failed');
    }
  }

  /** The summary of a run, once per run however many ticks joined it; in-doubt sends are called out. */
  #report(run: SchedulerRun, message: string): void {
    this.#o.logger.info({ ...run }, message);
    if (run.inDoubt > 0) {
      this.#o.logger.warn(
        { cycleKey: run.cycleKey, inDoubt: run.inDoubt },
        'check-ins in doubt: list them with `sends in-doubt` and resend after checking the chat',
      );
    }
  }

  async #run(): Promise<SchedulerRun> {
    const { deps } = this.#o;
    const totals = this.#totals();
    const drains: Promise<void>[] = [];
    await eachTenant(this.#o.tenants, this.#from, async (tenantId) => {
      if (this.#isStopped()) return;
      const tenant = (await deps.repos.tenants.get(tenantId))?.item;
      if (tenant === undefined || !(await this.#installed(tenantId))) return;
      // A sweep of this instance finishing the tenant's sends: this run takes the tenant after it.
      await this.#draining.get(tenantId);
      const held = await this.#takeForRun(tenantId, totals.cycleKey);
      if (held === undefined) {
        totals.leasedElsewhere += 1;
        return;
      }
      try {
        const { targets, quiet } = await checkinTargets(deps, this.#o.references, tenant, {
          quietHours: this.#o.quietHours ?? DEFAULT_QUIET_HOURS,
          stopped: () => this.#isStopped(),
        });
        totals.quiet += quiet;
        totals.queued += await this.#enqueue(targets, totals.cycleKey);
      } catch (error) {
        await held.release();
        throw error;
      }
      if (this.#isStopped()) await held.release();
      else drains.push(this.#drainHeld(tenantId, held, totals));
    });
    await Promise.all(drains);
    this.#report(totals, 'check-in run finished');
    return totals;
  }

  /**
   * The tenant's lease for a run. A tenant released a moment ago (its quiet time after a drain,
   * or a sweep that found nothing open) is waited for, so a run is not skipped for an hour
   * because another instance just looked at the tenant.
   */
  async #takeForRun(tenantId: TenantId, cycleKey: string): Promise<Held | undefined> {
    const held = await this.#take(tenantId, cycleKey);
    const freeInMs = held === undefined ? await this.#o.leases?.freeInMs(tenantId) : undefined;
    if (freeInMs === undefined || freeInMs > SHORT_HOLD_MS) return held;
    await new Promise((resolve) => setTimeout(resolve, freeInMs + 10));
    return this.#take(tenantId, cycleKey);
  }

  /** Queues each target's check-in (the queue keeps it to one per cycle); how many were new. */
  async #enqueue(targets: readonly CheckinTarget[], cycleKey: string): Promise<number> {
    let queued = 0;
    for (const target of targets) {
      const item = await checkinFor(this.#o.deps, target, cycleKey);
      if (item !== undefined && (await this.#o.worker.enqueue(item))) queued += 1;
    }
    return queued;
  }
}
