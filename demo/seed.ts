import { isAppError } from '@pc/core';
import type { AppStore } from '../bot/src/app.ts';
import type { DemoOrg } from './demo-org.ts';

export type SeedTarget = Pick<AppStore, 'tenants' | 'employees' | 'conversations' | 'objectives' | 'feedback'>;

interface SeedCounts {
  readonly created: number;
  readonly skipped: number;
}
export interface SeedReport {
  readonly tenants: SeedCounts;
  readonly employees: SeedCounts;
  readonly conversations: SeedCounts;
  readonly objectives: SeedCounts;
  readonly feedback: SeedCounts;
}

/** Creates each item; an id that already exists is left as it is, so seeding twice changes nothing. */
const createAll = async <T>(
  items: readonly T[],
  create: (item: T) => Promise<unknown>,
  parallel = 8,
): Promise<SeedCounts> => {
  let created = 0;
  let skipped = 0;
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const item = items[next++] as T;
      try {
        await create(item);
        created++;
      } catch (error) {
        if (!isAppError(error) || error.code !== 'conflict') throw error;
        skipped++;
      }
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
  return { created, skipped };
};

export const seedDemoData = async (store: SeedTarget, org: DemoOrg): Promise<SeedReport> => {
  // Tenants are upserted by the repository, so look before writing to keep local edits.
  let tenantsCreated = 0;
  for (const tenant of org.tenants) {
    if ((await store.tenants.get(tenant.tenantId)) === undefined) {
      await store.tenants.put(tenant);
      tenantsCreated++;
    }
  }
  return {
    tenants: { created: tenantsCreated, skipped: org.tenants.length - tenantsCreated },
    employees: await createAll(org.employees, (e) => store.employees.create(e)),
    conversations: await createAll(org.conversations, (c) => store.conversations.create(c)),
    objectives: await createAll(org.objectives, (o) => store.objectives.create(o)),
    feedback: await createAll(org.feedback, (f) => store.feedback.create(f)),
  };
};

/** True when every demo tenant is already stored: the local launcher then leaves the data alone. */
export const demoDataPresent = async (store: SeedTarget, org: DemoOrg): Promise<boolean> => {
  for (const tenant of org.tenants) {
    if ((await store.tenants.get(tenant.tenantId)) === undefined) return false;
  }
  return true;
};
