/**
 * Bringing an organisation in: a full directory sync of many users through the local Graph at 999 a
 * page, a delta round of a few hundred changes, and an HR import of as many rows. Cosmos runs in its
 * own process (another machine in production); the fake Graph runs here, as does the sync. The
 * yardstick is reading the same pages from the local Graph without storing them, so the ratio shows
 * what storing costs.
 */
import { fixedClock } from '@pc/core';
import type { DirectorySource } from '@pc/core/usecases';
import type { DirectoryFixtureUser } from '../test/fakes/graph/delta.ts';
import { startSyntheticTenant } from './lib/synthetic-tenant.ts';

export interface DirectorySyncBench {
  readonly users: number;
  readonly pageSize: number;
  readonly pages: number;
  readonly syncSeconds: number;
  readonly readOnlySeconds: number;
  readonly ratio: number;
  readonly cosmosOpsPerUser: number;
  readonly peakRssMiB: number;
  readonly changes: number;
  readonly deltaSeconds: number;
  readonly deltaCounts: Record<string, number>;
  readonly importRows: number;
  readonly importSeconds: number;
  readonly importOpsPerRow: number;
  readonly importPeakRssMiB: number;
}

const TENANT = 'b3c40000-0000-4000-a000-000000000001';
const clock = fixedClock('2027-05-10T08:00:00.000Z');
const id = (i: number): string => `user-${String(i).padStart(6, '0')}`;

/** A tree ten wide: everyone but the first reports to someone listed before them. */
const user = (i: number): DirectoryFixtureUser => ({
  id: id(i),
  displayName: `Person ${String(i)}`,
  mail: `person${String(i)}@bench.example`,
  jobTitle: i % 7 === 0 ? 'Team Manager' : 'Officer',
  department: `Department ${String(i % 40)}`,
  employeeHireDate: `20${String(10 + (i % 15))}-04-01`,
  ...(i === 0 ? {} : { managerId: id(Math.floor((i - 1) / 10)) }),
});

const readAll = async (source: DirectorySource): Promise<number> => {
  let page = await source.page(TENANT);
  let pages = 1;
  while (page.nextLink !== undefined) {
    page = await source.page(TENANT, page.nextLink);
    pages += 1;
  }
  return pages;
};

export const benchDirectorySync = async (options: {
  readonly users: number;
  readonly changes: number;
  readonly pageSize?: number;
}): Promise<DirectorySyncBench> => {
  const pageSize = options.pageSize ?? 999;
  const org = await startSyntheticTenant({
    tenant: {
      tenantId: TENANT,
      name: 'Bench Trust',
      schemeId: 'somerset-career-conversations',
      nation: 'england-and-wales',
      timeZone: 'Europe/London',
    },
    users: Array.from({ length: options.users }, (_, i) => user(i)),
    clock,
    pageSize,
  });
  const { directory } = org;
  // A few hundred hold an app role (HR, auditors, administrators), read whole each round.
  for (let i = 0; i < options.users; i += 250) directory.assignAppRole(id(i), i % 500 === 0 ? 'HR' : 'Auditor');
  try {
    const t = performance.now();
    await readAll(org.syncDeps.directory);
    const readOnlySeconds = (performance.now() - t) / 1000;

    const full = await org.sync();
    if (full.result.outcome !== 'completed')
      throw new Error(`the full sync ${full.result.outcome}: ${JSON.stringify(full.result.errors)}`);

    // A delta round: a third move manager, a third leave, a third join.
    for (let c = 0; c < options.changes; c += 1) {
      const who = 1 + ((c * 7919) % (options.users - 1));
      if (c % 3 === 0) directory.update(id(who), { managerId: id(Math.floor(who / 100)) });
      else if (c % 3 === 1) directory.leave(id(who));
      else directory.join(user(options.users + c));
    }
    const delta = await org.sync();

    const rows = Array.from(
      { length: options.users },
      (_, i) =>
        `person${String(i)}@bench.example,${String(2010 + (i % 15))}-04-01,,passed,,,,,,${i % 5 === 0 ? 'no' : 'yes'},,none`,
    );
    const imported = await org.importHr(
      `email,start_date,incremental_date,probation_status,probation_end_date,leave,second_job_title,second_job_manager,second_job_start,has_own_pc,job_family,staff_group\n${rows.join('\n')}\n`,
    );
    if (imported.result.issues.length > 0)
      throw new Error(`the import found ${String(imported.result.issues.length)} problems`);

    return {
      users: options.users,
      pageSize,
      pages: full.result.pages,
      syncSeconds: full.seconds,
      readOnlySeconds,
      ratio: full.seconds / readOnlySeconds,
      cosmosOpsPerUser: full.storeOps / options.users,
      peakRssMiB: full.peakRssMiB,
      changes: options.changes,
      deltaSeconds: delta.seconds,
      deltaCounts: { ...delta.result.counts },
      importRows: rows.length,
      importSeconds: imported.seconds,
      importOpsPerRow: imported.storeOps / rows.length,
      importPeakRssMiB: imported.peakRssMiB,
    };
  } finally {
    await org.stop();
  }
};
