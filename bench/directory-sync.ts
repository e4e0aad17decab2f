/**
 * Bringing an organisation in: a full directory sync of many users through the local Graph at 999 a
 * page, a delta round of a few hundred changes, and an HR import of as many rows. Cosmos runs in its
 * own process (another machine in production); the fake Graph runs here, as does the sync. The
 * yardstick is reading the same pages from the local Graph without storing them, so the ratio shows
 * what storing costs.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixedClock } from '@pc/core';
import { importHrRows, runDirectorySync, type DirectorySource } from '@pc/core/usecases';
import { readHrFile } from '../bot/src/cli/hr-csv.ts';
import { CosmosDirectorySyncStore } from '../bot/src/cosmos/directory-sync-store.ts';
import { createCosmosStore } from '../bot/src/cosmos/index.ts';
import { createDirectoryDelta } from '../bot/src/graph/directory-delta.ts';
import { DeltaDirectory, type DirectoryFixtureUser } from '../test/fakes/graph/delta.ts';
import { startFakeGraph } from '../test/fakes/graph-server.ts';
import type { CosmosInfo } from './lib/roles.ts';
import { startChild } from './lib/child.ts';

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
}

const TENANT = 'b3c40000-0000-4000-a000-000000000001';
const clock = fixedClock('2027-05-10T08:00:00.000Z');
const part = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');
const appToken = (tid: string): Promise<string> =>
  Promise.resolve(`${part({ alg: 'none' })}.${part({ tid, oid: 'bench', aud: 'https://graph.microsoft.com' })}.x`);
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

const peakRss = (): { stop: () => number } => {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 25);
  return {
    stop: () => {
      clearInterval(timer);
      return Math.max(peak, process.memoryUsage().rss);
    },
  };
};

export const benchDirectorySync = async (options: {
  readonly users: number;
  readonly changes: number;
  readonly pageSize?: number;
}): Promise<DirectorySyncBench> => {
  const pageSize = options.pageSize ?? 999;
  const cosmos = await startChild<CosmosInfo>('cosmos');
  const directory = new DeltaDirectory(
    TENANT,
    Array.from({ length: options.users }, (_, i) => user(i)),
  );
  // A few hundred hold an app role (HR, auditors, administrators), read whole each round.
  for (let i = 0; i < options.users; i += 250) directory.assignAppRole(id(i), i % 500 === 0 ? 'HR' : 'Auditor');
  const graph = await startFakeGraph({ orgs: [directory] });
  const store = await createCosmosStore({
    endpoint: cosmos.info.cosmosEndpoint,
    key: cosmos.info.cosmosKey,
    databaseId: `bench-${randomUUID()}`,
    allowSelfSigned: true,
  });
  try {
    await store.tenants.put({
      tenantId: TENANT,
      name: 'Bench Trust',
      schemeId: 'somerset-career-conversations',
      nation: 'england-and-wales',
      timeZone: 'Europe/London',
    });
    const source = createDirectoryDelta({ appToken, baseUrl: graph.baseUrl, pageSize, clientId: 'bench-app' });
    let t = performance.now();
    await readAll(source);
    const readOnlySeconds = (performance.now() - t) / 1000;

    const deps = {
      repos: { tenants: store.tenants, employees: store.employees },
      clock,
      directory: source,
      syncState: new CosmosDirectorySyncStore((kind, partition) => store.keyValues(kind, partition)),
      instanceId: 'bench',
    };
    const memory = peakRss();
    const ops = store.requestCount();
    t = performance.now();
    const full = await runDirectorySync(deps, TENANT);
    const syncSeconds = (performance.now() - t) / 1000;
    const cosmosOpsPerUser = (store.requestCount() - ops) / options.users;
    const peakRssMiB = memory.stop() / 2 ** 20;
    if (full.outcome !== 'completed') throw new Error(`the full sync ${full.outcome}: ${JSON.stringify(full.errors)}`);

    // A delta round: a third move manager, a third leave, a third join.
    for (let c = 0; c < options.changes; c += 1) {
      const who = 1 + ((c * 7919) % (options.users - 1));
      if (c % 3 === 0) directory.update(id(who), { managerId: id(Math.floor(who / 100)) });
      else if (c % 3 === 1) directory.leave(id(who));
      else directory.join(user(options.users + c));
    }
    t = performance.now();
    const delta = await runDirectorySync(deps, TENANT);
    const deltaSeconds = (performance.now() - t) / 1000;

    const rows = Array.from(
      { length: options.users },
      (_, i) =>
        `person${String(i)}@bench.example,${String(2010 + (i % 15))}-04-01,,passed,,,,,,${i % 5 === 0 ? 'no' : 'yes'},,none`,
    );
    const file = join(await mkdtemp(join(tmpdir(), 'pc-bench-hr-')), 'hr.csv');
    await writeFile(
      file,
      `email,start_date,incremental_date,probation_status,probation_end_date,leave,second_job_title,second_job_manager,second_job_start,has_own_pc,job_family,staff_group\n${rows.join('\n')}\n`,
    );
    const importOps = store.requestCount();
    t = performance.now();
    const hr = await readHrFile(file);
    const imported = await importHrRows(deps, TENANT, hr.header, hr.rows, { dryRun: false });
    const importSeconds = (performance.now() - t) / 1000;
    if (imported.issues.length > 0) throw new Error(`the import found ${String(imported.issues.length)} problems`);

    return {
      users: options.users,
      pageSize,
      pages: full.pages,
      syncSeconds,
      readOnlySeconds,
      ratio: syncSeconds / readOnlySeconds,
      cosmosOpsPerUser,
      peakRssMiB,
      changes: options.changes,
      deltaSeconds,
      deltaCounts: { ...delta.counts },
      importRows: rows.length,
      importSeconds,
      importOpsPerRow: (store.requestCount() - importOps) / rows.length,
    };
  } finally {
    store.close();
    await graph.close();
    await cosmos.stop();
  }
};
