/**
 * A synthetic organisation brought in the way a real one is: its people served by the local Graph
 * (`/users/delta`, 999 a page), read by the real directory sync into Cosmos (in its own process,
 * another machine in production), then an HR file through the real import. Shared by the
 * directory-sync and scale benches, which measure different things once the people are in.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Clock, Tenant } from '@pc/core';
import {
  importHrRows,
  runDirectorySync,
  type DirectorySyncDeps,
  type DirectorySyncResult,
  type HrImportResult,
} from '@pc/core/usecases';
import { readHrFile } from '../../bot/src/cli/hr-csv.ts';
import { CosmosDirectorySyncStore } from '../../bot/src/cosmos/directory-sync-store.ts';
import { createCosmosStore, type Store } from '../../bot/src/cosmos/index.ts';
import { createDirectoryDelta } from '../../bot/src/graph/directory-delta.ts';
import { DeltaDirectory, type DirectoryFixtureUser } from '../../test/fakes/graph/delta.ts';
import { startFakeGraph } from '../../test/fakes/graph-server.ts';
import { startChild } from './child.ts';
import { peakMemory } from './memory.ts';
import type { CosmosInfo } from './roles.ts';

const part = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');
/** The local Graph checks the tenant in the token, not its signature. */
const appToken = (tid: string): Promise<string> =>
  Promise.resolve(`${part({ alg: 'none' })}.${part({ tid, oid: 'bench', aud: 'https://graph.microsoft.com' })}.x`);

/** Time, store operations and peak memory of one step. */
interface Measured<T> {
  readonly result: T;
  readonly seconds: number;
  readonly storeOps: number;
  readonly peakRssMiB: number;
}

interface SyntheticTenant {
  readonly store: Store;
  /** Add joiners, movers and leavers here between rounds. */
  readonly directory: DeltaDirectory;
  readonly syncDeps: DirectorySyncDeps;
  /** One round of the real directory sync (everyone the first time, then the changes). */
  sync(): Promise<Measured<DirectorySyncResult>>;
  /** Writes `csv` to a file and applies it through the CLI's reader and the real import. */
  importHr(csv: string): Promise<Measured<HrImportResult>>;
  stop(): Promise<void>;
}

export const startSyntheticTenant = async (options: {
  readonly tenant: Tenant;
  readonly users: readonly DirectoryFixtureUser[];
  readonly clock: Clock;
  readonly pageSize?: number;
}): Promise<SyntheticTenant> => {
  const { tenantId } = options.tenant;
  // The local Cosmos server's queries are otherwise quadratic in the container's size (linear-queries.ts).
  const cosmos = await startChild<CosmosInfo>('cosmos', { BENCH_LINEAR_QUERIES: '1' });
  const directory = new DeltaDirectory(tenantId, [...options.users]);
  const graph = await startFakeGraph({ orgs: [directory] });
  const store = await createCosmosStore({
    endpoint: cosmos.info.cosmosEndpoint,
    key: cosmos.info.cosmosKey,
    databaseId: `bench-${randomUUID()}`,
    allowSelfSigned: true,
  });
  await store.tenants.put(options.tenant);
  const pageSize = options.pageSize ?? 999;
  const syncDeps: DirectorySyncDeps = {
    repos: { tenants: store.tenants, employees: store.employees },
    clock: options.clock,
    directory: createDirectoryDelta({ appToken, baseUrl: graph.baseUrl, pageSize, clientId: 'bench-app' }),
    syncState: new CosmosDirectorySyncStore((kind, partition) => store.keyValues(kind, partition)),
    instanceId: 'bench',
  };
  const measured = async <T>(run: () => Promise<T>): Promise<Measured<T>> => {
    const memory = peakMemory();
    const ops = store.requestCount();
    const started = performance.now();
    const result = await run();
    const seconds = (performance.now() - started) / 1000;
    return { result, seconds, storeOps: store.requestCount() - ops, peakRssMiB: memory.stop().peakRssMiB };
  };
  return {
    store,
    directory,
    syncDeps,
    sync: () => measured(() => runDirectorySync(syncDeps, tenantId)),
    importHr: async (csv) => {
      const dir = await mkdtemp(join(tmpdir(), 'pc-bench-hr-'));
      try {
        const file = join(dir, 'hr.csv');
        await writeFile(file, csv);
        return await measured(async () => {
          const hr = await readHrFile(file);
          return importHrRows(syncDeps, tenantId, hr.header, hr.rows, { dryRun: false });
        });
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
    stop: async () => {
      store.close();
      await graph.close();
      await cosmos.stop();
    },
  };
};
