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
import type { SendQueueWorker } from './queue.ts';

export interface CheckinSchedulerOptions {
  readonly deps: UseCaseDeps;
  /** Who installed the app: only they are nudged. */
  readonly references: ConversationReferenceStore;
  readonly logger: Logger;
  readonly worker: SendQueueWorker;
  /** The tenants to look at (the allowed tenants); only those with the app installed are nudged. */
  readonly tenants: readonly TenantId[];
  readonly intervalMs?: number;
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
}

/**
 * Proactive check-ins on a timer: each run looks at everyone who installed the
 * app, queues this week's check-in for those with something to hear about
 * (the queue keeps it to one per person per week), and lets the send queue
 * deliver them at Teams' pace. People in their quiet hours wait for a later run.
 */
export class CheckinScheduler {
  readonly #o: CheckinSchedulerOptions;
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<SchedulerRun | undefined> | undefined;
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
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#timer);
    clearInterval(this.#timer);
    this.#timer = undefined;
    await this.#o.worker.stop();
    await this.#running;
  }

  /** One pass over every tenant; a run already in progress is joined rather than doubled. */
  runOnce(): Promise<SchedulerRun | undefined> {
    if (this.#stopped) return Promise.resolve(undefined);
    this.#running ??= this.#run().finally(() => {
      this.#running = undefined;
    });
    return this.#running;
  }

  // A method rather than a field read: the flag changes while a run awaits.
  #isStopped(): boolean {
    return this.#stopped;
  }

  async #runLogged(): Promise<void> {
    try {
      const run = await this.runOnce();
      if (run !== undefined) this.#o.logger.info({ ...run }, 'check-in run finished');
    } catch (error) {
      // The next tick tries again; nothing is lost because the queue remembers what was sent.
      this.#o.logger.error({ err: error }, 'check-in run failed');
    }
  }

  async #run(): Promise<SchedulerRun> {
    const { deps, worker } = this.#o;
    const cycleKey = isoWeekKey(deps.clock.today());
    const totals = { cycleKey, queued: 0, sent: 0, quiet: 0 };
    for (const tenantId of this.#o.tenants) {
      if (this.#isStopped()) break;
      const tenant = (await deps.repos.tenants.get(tenantId))?.item;
      if (tenant === undefined) continue;
      if ((await this.#o.references.get(tenantId, TENANT_REFERENCE_KEY)) === undefined) continue;
      const { targets, quiet } = await checkinTargets(deps, this.#o.references, tenant, {
        quietHours: this.#o.quietHours ?? DEFAULT_QUIET_HOURS,
        stopped: () => this.#isStopped(),
      });
      totals.quiet += quiet;
      totals.queued += await this.#enqueue(targets, cycleKey);
      if (!this.#isStopped()) totals.sent += (await worker.drain(tenantId, cycleKey)).sent;
    }
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
