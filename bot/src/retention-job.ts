import { isAppError, type IsoDate, type IsoDateTime } from '@pc/core';
import { RETENTION_JOB_ACTOR, runRetention, type RetentionRunResult } from '@pc/core/usecases';
import type { KeyValueCollection } from './cosmos/key-value-collection.ts';
import type { AppModule, AppModuleContext } from './module.ts';
import { periodicRun } from './periodic-run.ts';

/** One tenant's retention run on one day: whoever creates it runs the day; a finished one is not run again. */
interface RetentionRunDoc {
  readonly tenantId: string;
  /** The day, so each tenant is run once a day whichever instance takes it. */
  readonly id: IsoDate;
  readonly startedAt: IsoDateTime;
  readonly finishedAt?: IsoDateTime;
  readonly archived?: number;
  readonly keepingEnded?: number;
}

export interface RetentionJobTotals {
  /** Tenants this instance ran (a tenant another instance took, or already ran today, is not counted). */
  readonly tenants: number;
  readonly archived: number;
  readonly keepingEnded: number;
}

export interface RetentionJobModule extends AppModule {
  /** One round now, as the timer runs it; undefined before the module is registered. */
  runOnce(): Promise<RetentionJobTotals | undefined>;
}

/** A day's run whose instance stopped before finishing may be taken over after this long. */
const STALE_MS = 60 * 60_000;

const RUNS = 'runs';

/**
 * Claims the tenant's run for the day: the create of the day's document, or (after an instance
 * stopped mid-run) an ETag-guarded takeover of a stale unfinished one. Undefined: not ours today.
 */
const claimDay = async (
  docs: KeyValueCollection<RetentionRunDoc>,
  tenantId: string,
  day: IsoDate,
  now: Date,
): Promise<{ readonly doc: RetentionRunDoc; readonly etag: string } | undefined> => {
  const fresh: RetentionRunDoc = { tenantId, id: day, startedAt: now.toISOString() };
  try {
    const created = await docs.create(fresh);
    return { doc: fresh, etag: created.etag };
  } catch (error) {
    if (!(isAppError(error) && error.code === 'conflict')) throw error;
  }
  const existing = await docs.get(tenantId, RUNS, day);
  if (existing === undefined || existing.item.finishedAt !== undefined) return undefined;
  if (now.getTime() - Date.parse(existing.item.startedAt) < STALE_MS) return undefined;
  try {
    const taken = await docs.update(fresh, existing.etag);
    return { doc: fresh, etag: taken.etag };
  } catch (error) {
    if (isAppError(error) && error.code === 'conflict') return undefined;
    throw error;
  }
};

const round = async ({ config, services, store, logger, clock }: AppModuleContext): Promise<RetentionJobTotals> => {
  const docs = store.keyValues<RetentionRunDoc>('retention-run', () => RUNS);
  let totals: RetentionJobTotals = { tenants: 0, archived: 0, keepingEnded: 0 };
  for (const tenantId of config.auth.allowedTenants) {
    try {
      const tenant = (await services.deps.repos.tenants.get(tenantId))?.item;
      if (tenant === undefined) continue; // not onboarded yet
      const claim = await claimDay(docs, tenantId, clock.today(), new Date(clock.now()));
      if (claim === undefined) continue; // another instance has today's run, or it is done
      const result: RetentionRunResult = await runRetention(services.deps, tenant, RETENTION_JOB_ACTOR);
      const counts = { archived: result.archived.length, keepingEnded: result.keepingEnded.length };
      await docs.update({ ...claim.doc, finishedAt: clock.now(), ...counts }, claim.etag);
      if (counts.archived + counts.keepingEnded > 0) logger.info({ tenantId, ...counts }, 'retention run');
      totals = {
        tenants: totals.tenants + 1,
        archived: totals.archived + counts.archived,
        keepingEnded: totals.keepingEnded + counts.keepingEnded,
      };
    } catch (error) {
      // The day's document stays unfinished: after STALE_MS another round (any instance) runs it again.
      logger.warn({ tenantId, code: isAppError(error) ? error.code : 'internal' }, 'retention run stopped');
    }
  }
  return totals;
};

/**
 * Leavers' records to HR's keeping without anyone pressing a button (003 §6.1): every
 * RETENTION_RUN_HOURS (default 6; 0 = off) each instance looks at each allowed tenant, and the one
 * that creates the tenant's run document for the day archives the leavers and marks records whose
 * keeping period is over. Each tenant is so run once a day, by one instance.
 */
export const createRetentionJobModule = (): RetentionJobModule => {
  let context: AppModuleContext | undefined;
  const job = periodicRun(() => (context === undefined ? Promise.resolve(undefined) : round(context)));
  return {
    name: 'retention',
    runOnce: job.runOnce,
    close: job.stop,
    register: (registered) => {
      context = registered;
      if (registered.config.auth.allowedTenants.length > 0) job.every(registered.config.retention.runHours * 60);
    },
  };
};
