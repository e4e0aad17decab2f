import { toUtcDate, type Employee, type IsoDate, type Tenant, type TenantId } from '@pc/core';
import { z } from 'zod';
import { enqueueCheckins, type CheckinTarget } from './checkins.ts';
import type { TeamsBotDeps } from './deps.ts';
import { TENANT_REFERENCE_KEY, type QuietHours, type StoredNudgeSettings } from './ports.ts';
import type { SendQueueWorker } from './send-queue.ts';

/** Outside a working day nobody is nudged, unless they chose other quiet hours. */
export const DEFAULT_QUIET_HOURS: QuietHours = { start: '18:00', end: '08:00', days: [6, 7] };

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;
const QuietHoursSchema = z.object({
  start: z.string().regex(HHMM),
  end: z.string().regex(HHMM),
  days: z.array(z.number().int().min(1).max(7)).optional(),
});

/** A person's own quiet hours, when their stored settings carry valid ones (they replace the default). */
export const quietHoursOf = (settings: StoredNudgeSettings | undefined): QuietHours | undefined => {
  const parsed = QuietHoursSchema.safeParse(settings?.quietHours);
  return parsed.success ? parsed.data : undefined;
};

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

export const isQuietTime = (at: Date, timeZone: string, quiet: QuietHours): boolean => {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '';
  if (quiet.days?.includes(WEEKDAYS.indexOf(part('weekday')) + 1) === true) return true;
  const time = `${part('hour')}:${part('minute')}`;
  return quiet.start <= quiet.end ? time >= quiet.start && time < quiet.end : time >= quiet.start || time < quiet.end;
};

/** ISO 8601 week, e.g. 2027-W19: the cycle within which a person is nudged at most once. */
export const isoWeekKey = (date: IsoDate): string => {
  const d = toUtcDate(date);
  const weekday = d.getUTCDay() === 0 ? 7 : d.getUTCDay();
  d.setUTCDate(d.getUTCDate() + 4 - weekday); // the Thursday of this week names its year
  const year = d.getUTCFullYear();
  const week = Math.ceil(((d.getTime() - Date.UTC(year, 0, 1)) / 86_400_000 + 1) / 7);
  return `${String(year)}-W${String(week).padStart(2, '0')}`;
};

export interface CheckinSchedulerOptions {
  readonly deps: TeamsBotDeps;
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
      if (run !== undefined) this.#o.deps.logger.info({ ...run }, 'check-in run finished');
    } catch (error) {
      // The next tick tries again; nothing is lost because the queue remembers what was sent.
      this.#o.deps.logger.error({ err: error }, 'check-in run failed');
    }
  }

  async #run(): Promise<SchedulerRun> {
    const { deps, worker } = this.#o;
    const cycleKey = isoWeekKey(deps.clock.today());
    const totals = { cycleKey, queued: 0, sent: 0, quiet: 0 };
    for (const tenantId of this.#o.tenants) {
      if (this.#isStopped()) break;
      const tenant = (await deps.store.tenants.get(tenantId))?.item;
      if (tenant === undefined) continue;
      if ((await deps.references.get(tenantId, TENANT_REFERENCE_KEY)) === undefined) continue;
      const { targets, quiet } = await this.#targets(tenant);
      totals.quiet += quiet;
      totals.queued += await enqueueCheckins(deps, worker, targets, cycleKey);
      if (!this.#isStopped()) totals.sent += (await worker.drain(tenantId, cycleKey)).sent;
    }
    return totals;
  }

  /** Everyone in the tenant who installed the app and is not in their quiet hours now. */
  async #targets(tenant: Tenant): Promise<{ targets: CheckinTarget[]; quiet: number }> {
    const { deps } = this.#o;
    const now = new Date(deps.clock.now());
    const targets: CheckinTarget[] = [];
    let quiet = 0;
    let token: string | undefined;
    do {
      const page = await deps.store.employees.list(tenant.tenantId, {
        pageSize: 100,
        ...(token === undefined ? {} : { continuationToken: token }),
      });
      token = page.continuationToken;
      for (const employee of page.items) {
        if (!(await this.#installed(tenant, employee))) continue;
        const settings = await deps.nudges.get(tenant.tenantId, employee.id);
        const hours = quietHoursOf(settings) ?? this.#o.quietHours ?? DEFAULT_QUIET_HOURS;
        if (isQuietTime(now, tenant.timeZone, hours)) quiet += 1;
        else targets.push({ tenant, employee });
      }
    } while (token !== undefined && !this.#isStopped());
    return { targets, quiet };
  }

  async #installed(tenant: Tenant, employee: Employee): Promise<boolean> {
    if (employee.leftOn !== undefined && employee.leftOn <= this.#o.deps.clock.today()) return false;
    return (await this.#o.deps.references.get(tenant.tenantId, employee.id)) !== undefined;
  }
}
