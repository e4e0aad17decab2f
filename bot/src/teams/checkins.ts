import type { Employee, Tenant } from '@pc/core';
import { buildCheckinCard, itemsToNudge } from '@pc/core/cards';
import { stableId } from '@pc/core/feedback';
import type { TeamsBotDeps } from './deps.ts';
import type { SendQueueItem } from './ports.ts';
import type { SendQueueWorker } from './send-queue.ts';
import { dueItemsFor } from './views.ts';

export interface CheckinTarget {
  readonly tenant: Tenant;
  readonly employee: Employee;
}

/** One check-in per person per cycle, whoever asks and however often. */
export const checkinSendId = (tenantId: string, personId: string, cycleKey: string): string =>
  stableId('checkin', tenantId, personId, cycleKey);

/**
 * Queues this cycle's check-ins; sending is the worker's job, at Teams' pace.
 * Returns how many were newly queued (people with nothing to mention, or
 * already queued this cycle, are skipped).
 */
export const enqueueCheckins = async (
  deps: TeamsBotDeps,
  worker: SendQueueWorker,
  targets: readonly CheckinTarget[],
  cycleKey: string,
): Promise<number> => {
  let queued = 0;
  const today = deps.clock.today();
  for (const { tenant, employee } of targets) {
    const settings = (await deps.nudges.get(tenant.tenantId, employee.id)) ?? { optedOut: false };
    const items = itemsToNudge(await dueItemsFor(deps, tenant, employee), settings, today);
    if (items.length === 0) continue;
    const id = checkinSendId(tenant.tenantId, employee.id, cycleKey);
    const scheme = deps.scheme(tenant.schemeId);
    const item: SendQueueItem = {
      tenantId: tenant.tenantId,
      id,
      personId: employee.id,
      cycleKey,
      state: 'pending',
      card: buildCheckinCard({
        personName: employee.displayName.split(' ')[0] ?? employee.displayName,
        checkinId: id,
        items,
        preparationPrompts: scheme.preparation.employee,
      }),
      attempts: 0,
      enqueuedAt: deps.clock.now(),
    };
    if (await worker.enqueue(item)) queued += 1;
  }
  return queued;
};
