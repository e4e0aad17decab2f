import {
  AppError,
  TENANT_REFERENCE_KEY,
  type ConversationReferenceStore,
  type QuietHours,
  type TenantId,
} from '@pc/core';
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
  /** People with the app installed whose own check-in cadence skips this week. */
  readonly notThisWeek: number;
  /** Sends whose outcome died with a stopped instance: a person should check before resending. */
  readonly inDoubt: number;
  readonly failed: number;
  readonly throttled: number;
  /** Tenants another instance was already sending to. */
  readonly leasedElsewhere: number;
  /** Tenants with check-ins queued by this run and left for another instance's sweep (its share done). */
  readonly leftFree: number;
}

type RunTotals = { -readonly [K in keyof SchedulerRun]: SchedulerRun[K] };

/** A tenant's send lease as the scheduler holds it; without leases, a stand-in. */
interface Held {
  readonly permit: SendPermit | undefined;
  /** Resolves with the lease document's version as released, when there is one. */
  release(): Promise<string | undefined>;
}

/** A tenant whose check-ins a run queued, under its lease, and how many were new. */
interface Computed {
  readonly tenantId: TenantId;
  readonly held: Held;
  readonly queued: number;
}

/** Sweeps for which a tenant first found with nothing open is not listed again while its lease is untouched. */
const CLEAR_SWEEPS = 5;

/**
 * The longest a tenant found clear again and again goes unlisted, unless CLEAR_SWEEPS sweeps take
 * longer: a send queued without the lease, such as a resend, waits at most that. Anything left by
 * a stopped instance is found at the next sweep after its lease lapses, since its taking the lease
 * changed the lease's version.
 */
const CLEAR_AT_MOST_MS = 30_000;

/** A lease that ends within this is a released tenant's quiet time, worth waiting for. */
const SHORT_HOLD_MS = 2_000;

/**
 * A tenant found with nothing open, with its lease's version then; each time it is found so again
 * with the lease untouched, it is left alone twice as long, up to CLEAR_AT_MOST_MS.
 */
interface Clear {
  readonly etag: string | undefined;
  readonly until: number;
  readonly forMs: number;
}

/** Tenants looked at side by side: each has its own Teams budget, but they share the store. */
const TENANTS_AT_ONCE = 8;

/** The tenants in a random order (Fisher–Yates). */
const shuffled = (tenants: readonly TenantId[]): TenantId[] => {
  const order = [...tenants];
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [order[i], order[j]] = [order[j] as TenantId, order[i] as TenantId];
  }
  return order;
};

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
   * Tenants whose last drain or listing by this instance found nothing open, with the lease's
   * version then: while nobody has taken the tenant since, a sweep does not look at it again for a
   * few sweeps (a send queued meanwhile without the lease, such as a resend, waits that long).
   */
  readonly #clear = new Map<TenantId, Clear>();
  /**
   * Tenants a sweep found with the app installed, until when that is not read again: an install is
   * rarely undone, and every instance sweeping every tenant each time weighs on the store.
   */
  readonly #installedUntil = new Map<TenantId, number>();
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
    this.#sweepOnTheBeat();
  }

  /**
   * Sweeps at every whole multiple of the interval on the clock, not an interval after this
   * process started: App Service instances keep the same (NTP) time, so every instance sweeps at
   * the same moment and a newly installed or freed tenant is shared out in one sweep, where
   * instances sweeping at their own phases would take their shares up to an interval apart.
   */
  #sweepOnTheBeat(): void {
    if (this.#isStopped()) return;
    const sweepMs = this.#sweepIntervalMs();
    this.#sweeper = setTimeout(
      () => {
        this.#sweepSoon();
        this.#sweepOnTheBeat();
      },
      sweepMs - (Date.now() % sweepMs),
    );
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
    clearTimeout(this.#sweeper);
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
    const { free, busy } = await this.#freeTenants(leases, cycleKey);
    // This instance's share of the tenants with work now (not of every allowed tenant, most of
    // which may have nothing to send), so a fan-out to a few tenants still spreads over the
    // instances. A tenant left free for a whole sweep is taken whatever the share.
    const share = Math.ceil((busy + free.length) / Math.max(1, this.#o.instances ?? 1));
    let room = Math.max(0, share - this.#draining.size);
    await eachTenant(
      free.filter((t) => this.#seenFree.has(t)),
      0,
      async (tenantId) => {
        await this.#sweepTake(tenantId, cycleKey);
      },
    );
    // Up to `room` of the rest, a few at once, in an order of this sweep's own so instances
    // sweeping at the same moment reach for different tenants. A tenant another instance took
    // first gives its place to the next, so an instance never waits a sweep for losing a race.
    const order = shuffled(free.filter((t) => !this.#seenFree.has(t)));
    let next = 0;
    await Promise.all(
      Array.from({ length: Math.min(room, TENANTS_AT_ONCE) }, async () => {
        while (room > 0 && next < order.length && !this.#isStopped()) {
          const tenantId = order[next++] ?? '';
          room -= 1;
          if (!(await this.#sweepTake(tenantId, cycleKey))) room += 1;
        }
      }),
    );
    this.#seenFree = new Set(order.slice(next));
  }

  /**
   * Takes the tenant's lease and drains its open sends under it; false when another instance
   * holds it. The drain goes on by itself and reports when it ends.
   */
  async #sweepTake(tenantId: TenantId, cycleKey: string): Promise<boolean> {
    const lease = await this.#take(tenantId, cycleKey);
    if (lease === undefined) return false;
    if (this.#isStopped()) {
      await lease.release();
      return false;
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
    return true;
  }

  /**
   * Installed tenants with sends open that no live instance is sending to, and how many a live
   * instance, this one or another, is sending to. Two point reads per tenant, and a query on one
   * no live instance holds and not known to be clear, so the share counts only tenants with work.
   */
  async #freeTenants(leases: SendLeases, cycleKey: string): Promise<{ free: TenantId[]; busy: number }> {
    const free: TenantId[] = [];
    let busy = 0;
    await eachTenant(this.#o.tenants, this.#from, async (tenantId) => {
      if (this.#isStopped()) return;
      if (this.#draining.has(tenantId) || (this.#heldUntil.get(tenantId) ?? 0) > Date.now()) {
        busy += 1;
        return;
      }
      if (!(await this.#stillInstalled(tenantId))) return;
      const { freeInMs, etag } = await leases.look(tenantId);
      if (freeInMs > 0) {
        // Held by another instance: its lease cannot lapse sooner, so no need to read it again until then.
        this.#heldUntil.set(tenantId, Date.now() + freeInMs);
        busy += 1;
        return;
      }
      const clear = this.#clear.get(tenantId);
      if (clear !== undefined && clear.etag === etag && clear.until > Date.now()) return;
      if (await this.#o.worker.hasOpen(tenantId, cycleKey)) free.push(tenantId);
      else this.#markClear(tenantId, etag);
    });
    return { free, busy };
  }

  async #stillInstalled(tenantId: TenantId): Promise<boolean> {
    if ((this.#installedUntil.get(tenantId) ?? 0) > Date.now()) return true;
    const installed = await this.#installed(tenantId);
    if (installed) this.#installedUntil.set(tenantId, Date.now() + CLEAR_SWEEPS * this.#sweepIntervalMs());
    return installed;
  }

  /**
   * Not listed again for a few sweeps while nobody takes the tenant's lease (`etag` is its version
   * now); found clear again under the same version, twice as long, so idle instances sweeping
   * idle tenants weigh less and less on the store.
   */
  #markClear(tenantId: TenantId, etag: string | undefined): void {
    const sweepMs = this.#sweepIntervalMs();
    const before = this.#clear.get(tenantId);
    const first = CLEAR_SWEEPS * sweepMs;
    const atMost = Math.max(first, CLEAR_AT_MOST_MS);
    const forMs = before !== undefined && before.etag === etag ? Math.min(2 * before.forMs, atMost) : first;
    this.#clear.set(tenantId, { etag, until: Date.now() + forMs, forMs });
  }

  // A method rather than a field read: the flag changes while a run awaits.
  #isStopped(): boolean {
    return this.#stopped;
  }

  #totals(): RunTotals {
    const cycleKey = isoWeekKey(this.#o.deps.clock.today());
    return {
      cycleKey,
      queued: 0,
      sent: 0,
      quiet: 0,
      notThisWeek: 0,
      inDoubt: 0,
      failed: 0,
      throttled: 0,
      leasedElsewhere: 0,
      leftFree: 0,
    };
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
        if (!worked && released !== undefined) this.#markClear(tenantId, released);
        else this.#clear.delete(tenantId);
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
    const totals = this.#totals();
    const drains: Promise<void>[] = [];
    const computed: Computed[] = [];
    let failure: unknown;
    await eachTenant(this.#o.tenants, this.#from, async (tenantId) => {
      try {
        const done = await this.#compute(tenantId, totals);
        if (done === undefined) return;
        // Alone, a tenant is drained as soon as its check-ins are queued.
        if (this.#alone()) drains.push(this.#drainHeld(tenantId, done.held, totals));
        else computed.push(done);
      } catch (error) {
        // The other tenants still get their check-ins; the run reports the failure once it ends.
        failure ??= error;
      }
    });
    drains.push(...this.#shareOut(computed, totals));
    await Promise.all(drains);
    this.#report(totals, 'check-in run finished');
    if (failure !== undefined) throw new AppError('internal', 'check-in run failed for a tenant', { cause: failure });
    return totals;
  }

  /** Without leases, or as the only instance, this one sends to every tenant. */
  #alone(): boolean {
    return this.#o.leases === undefined || (this.#o.instances ?? 1) <= 1;
  }

  /**
   * Under the tenant's lease, queues this week's check-ins of the people with something to hear
   * about; undefined when the tenant has no app installed, another instance holds it, or the
   * scheduler stopped meanwhile (the lease is then released).
   */
  async #compute(tenantId: TenantId, totals: RunTotals): Promise<Computed | undefined> {
    if (this.#isStopped()) return undefined;
    const { deps } = this.#o;
    const tenant = (await deps.repos.tenants.get(tenantId))?.item;
    if (tenant === undefined || !(await this.#installed(tenantId))) return undefined;
    // A sweep of this instance finishing the tenant's sends: this run takes the tenant after it.
    await this.#draining.get(tenantId);
    const held = await this.#takeForRun(tenantId, totals.cycleKey);
    if (held === undefined) {
      totals.leasedElsewhere += 1;
      return undefined;
    }
    try {
      const { targets, quiet, notThisWeek } = await checkinTargets(deps, this.#o.references, tenant, {
        quietHours: this.#o.quietHours ?? DEFAULT_QUIET_HOURS,
        stopped: () => this.#isStopped(),
      });
      const queued = await this.#enqueue(targets, totals.cycleKey);
      totals.quiet += quiet;
      totals.notThisWeek += notThisWeek;
      totals.queued += queued;
      if (!this.#isStopped()) return { tenantId, held, queued };
    } catch (error) {
      await held.release();
      throw error;
    }
    await held.release();
    return undefined;
  }

  /**
   * With several instances, this one sends to its share of the tenants with work: those this run
   * queued check-ins for and those another instance is sending to. It releases the rest, with
   * their check-ins queued, for whichever instance's sweep has room (its own too, once they have
   * stayed free for a whole sweep), so an hourly run spreads the sending over the instances as a
   * sweep does instead of falling to the first instance whose timer fires. A tenant with nothing
   * new is released too: a sweep finds anything still open there.
   */
  #shareOut(computed: readonly Computed[], totals: RunTotals): Promise<void>[] {
    const withWork = computed.filter((c) => c.queued > 0).length + totals.leasedElsewhere;
    let room = Math.ceil(withWork / Math.max(1, this.#o.instances ?? 1)) - this.#draining.size;
    return computed.map(async ({ tenantId, held, queued }) => {
      if (queued > 0 && room > 0) {
        room -= 1;
        await this.#drainHeld(tenantId, held, totals);
        return;
      }
      // What this worker queued there may be sent by another instance: it must not pace a call for it later.
      this.#o.worker.forget(tenantId, totals.cycleKey);
      if (queued > 0) totals.leftFree += 1;
      await held.release();
    });
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
