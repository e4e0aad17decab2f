import { isAppError, SEND_LEASE_KEY, type SendLease, type SendLeaseStore } from '@pc/core';
import { reconcileStatusDigests, type DigestReconciliation } from '@pc/core/usecases';
import type { Logger } from './logging.ts';
import type { AppModule, AppModuleContext, AppStore } from './module.ts';
import { periodicRun } from './periodic-run.ts';
import { SendLeases } from './proactive/leases.ts';

export interface StatusDigestJobModule extends AppModule {
  /** One reconciliation of every allowed tenant now, as the timer runs it; undefined before the module is registered. */
  runOnce(): Promise<DigestReconciliation | undefined>;
}

/** Long enough for a large tenant's run between heartbeats; a crashed holder's tenant is free after it. */
const LEASE_MS = 5 * 60_000;

/**
 * One holder per tenant across instances, as the proactive sender has: the same lease protocol
 * (ETag-guarded document, heartbeat, expiry) over a document of the job's own.
 */
export const statusDigestLeases = (store: AppStore, logger: Logger, nowMs?: () => number): SendLeases => {
  const docs = store.keyValues<SendLease>('status-digest-lease', (lease) => lease.id);
  const leaseStore: SendLeaseStore = {
    get: (tenantId) => docs.get(tenantId, SEND_LEASE_KEY, SEND_LEASE_KEY),
    create: async (lease) => {
      try {
        return await docs.create(lease);
      } catch (error) {
        if (isAppError(error) && error.code === 'conflict') return undefined;
        throw error;
      }
    },
    replace: (lease, etag) => docs.update(lease, etag),
  };
  return new SendLeases({ store: leaseStore, logger, leaseMs: LEASE_MS, quietMs: 0, ...(nowMs ? { nowMs } : {}) });
};

const add = (a: DigestReconciliation, b: DigestReconciliation): DigestReconciliation => ({
  checked: a.checked + b.checked,
  created: a.created + b.created,
  repaired: a.repaired + b.repaired,
});

const round = async ({ config, services, store, logger }: AppModuleContext): Promise<DigestReconciliation> => {
  let total: DigestReconciliation = { checked: 0, created: 0, repaired: 0 };
  const { employees, conversations, statusDigests } = services.deps.repos;
  if (statusDigests === undefined) return total;
  const leases = statusDigestLeases(store, logger);
  for (const tenantId of config.auth.allowedTenants) {
    const lease = await leases.acquire(tenantId, 'status-digests');
    if (lease === undefined) continue; // another instance is on it
    try {
      const deps = { employees, conversations, statusDigests };
      const result = await reconcileStatusDigests(deps, tenantId, () => lease.valid());
      if (result.created + result.repaired > 0) logger.info({ tenantId, ...result }, 'status digests repaired');
      total = add(total, result);
    } catch (error) {
      // Nothing is lost: digests are rebuilt when read, and the next round looks again.
      logger.warn({ tenantId, code: isAppError(error) ? error.code : 'internal' }, 'status digest check stopped');
    } finally {
      await lease.release();
    }
  }
  return total;
};

/**
 * Status digests checked against the records every STATUS_DIGEST_CHECK_MINUTES (default 360):
 * for each allowed tenant, the instance that takes the tenant's lease compares every person's
 * digest with their records and rewrites those that drifted (a write that stopped between the
 * record and its digest, a record changed by hand). Other instances leave the tenant to it.
 */
export const createStatusDigestJobModule = (): StatusDigestJobModule => {
  let context: AppModuleContext | undefined;
  const job = periodicRun(() => (context === undefined ? Promise.resolve(undefined) : round(context)));
  return {
    name: 'status-digests',
    runOnce: job.runOnce,
    close: job.stop,
    register: (registered) => {
      context = registered;
      if (registered.config.auth.allowedTenants.length > 0) job.every(registered.config.statusDigests.reconcileMinutes);
    },
  };
};
