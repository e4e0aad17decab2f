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

/** Tenants looked at side by side: each has its own Teams budget, but they share the store. */
const TENANTS_AT_ONCE = 8;

const eachTenant = async (tenants: readonly TenantId[], work: (tenantId: TenantId) => Promise<void>) => {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(TENANTS_AT_ONCE, tenants.length) }, async () => {
      for (let i = next++; i < tenants.length; i = next++) await work(tenants[i] ?? '');
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
  #stopped = false;

  constructor(options: CheckinSchedulerOptions) {
    this.#o = options;
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
      this.#sweeping ??= this.#sweepLogged().finally(() => {
        this.#sweeping = undefined;
      });
    }, this.#o.sweepIntervalMs ?? 60_000);
    this.#sweeper.unref();
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
   * instance that stopped): takes the tenant's lease and finishes them. Sends that instance had
   * under way become in doubt.
   */
  async sweepOnce(): Promise<SchedulerRun | undefined> {
    const { leases } = this.#o;
    if (this.#stopped || leases === undefined) return undefined;
    const totals = this.#totals();
    await eachTenant(this.#o.tenants, async (tenantId) => {
      // Cheapest first: two point reads, then one small query.
      if (this.#isStopped() || !(await this.#installed(tenantId))) return;
      if (await leases.heldElsewhere(tenantId)) return;
      if (!(await this.#o.worker.hasOpen(tenantId, totals.cycleKey))) return;
      await this.#underLease(tenantId, totals, async (permit) => {
        this.#add(totals, await this.#o.worker.drain(tenantId, totals.cycleKey, permit));
      });
    });
    return totals;
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

  /** Runs `work` holding the tenant's lease (always, without leases); counts the tenant as taken otherwise. */
  async #underLease(
    tenantId: TenantId,
    totals: RunTotals,
    work: (permit: SendPermit | undefined) => Promise<void>,
  ): Promise<void> {
    if (this.#o.leases === undefined) {
      await work(undefined);
      return;
    }
    const lease = await this.#o.leases.acquire(tenantId, totals.cycleKey);
    if (lease === undefined) {
      totals.leasedElsewhere += 1;
      return;
    }
    try {
      await work(lease);
    } finally {
      await lease.release();
    }
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
      const swept = await this.sweepOnce();
      if (swept !== undefined && swept.sent + swept.inDoubt + swept.failed > 0)
        this.#report(swept, 'check-in sweep finished');
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
    const { deps, worker } = this.#o;
    const totals = this.#totals();
    const { cycleKey } = totals;
    await eachTenant(this.#o.tenants, async (tenantId) => {
      if (this.#isStopped()) return;
      const tenant = (await deps.repos.tenants.get(tenantId))?.item;
      if (tenant === undefined || !(await this.#installed(tenantId))) return;
      await this.#underLease(tenantId, totals, async (permit) => {
        const { targets, quiet } = await checkinTargets(deps, this.#o.references, tenant, {
          quietHours: this.#o.quietHours ?? DEFAULT_QUIET_HOURS,
          stopped: () => this.#isStopped(),
        });
        totals.quiet += quiet;
        totals.queued += await this.#enqueue(targets, cycleKey);
        if (!this.#isStopped()) this.#add(totals, await worker.drain(tenantId, cycleKey, permit));
      });
    });
    this.#report(totals, 'check-in run finished');
    return totals;
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
