// The scheduled directory sync: each interval, a round per allowed tenant, over the Cosmos store.
import { setTimeout as sleep } from 'node:timers/promises';
import { fixedClock } from '@pc/core';
import type { DirectorySource } from '@pc/core/usecases';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCosmosServer, type CosmosServer } from '../../test/support/cosmos-server.ts';
import type { AppConfig } from './config.ts';
import { createCosmosStore, type Store } from './cosmos/index.ts';
import { createDirectorySyncModule } from './directory-sync.ts';
import { createLogger } from './logging.ts';
import type { AppModuleContext } from './module.ts';

const T = '5c4ed000-0000-4000-a000-000000000001';
let cosmos: CosmosServer;
let store: Store;

beforeAll(async () => {
  cosmos = await startCosmosServer();
  store = await createCosmosStore({
    endpoint: cosmos.endpoint,
    key: cosmos.key,
    databaseId: 'sync-module',
    allowSelfSigned: true,
  });
  await store.tenants.put({
    tenantId: T,
    name: 'Example',
    schemeId: 'bexley-pms',
    nation: 'england-and-wales',
    timeZone: 'Europe/London',
  });
}, 60_000);
afterAll(async () => {
  store.close();
  await cosmos.close();
});

describe('scheduled directory sync', () => {
  it('brings each allowed tenant’s directory in on its interval, and stops on close', async () => {
    let reads = 0;
    const directory: DirectorySource = {
      page: () => {
        reads += 1;
        return Promise.resolve({
          users: [{ id: 'ann', displayName: 'Ann', mail: 'ann@example.test', accountEnabled: true }],
          deltaLink: `delta-${String(reads)}`,
        });
      },
    };
    const module = createDirectorySyncModule({ directory, intervalMinutes: 0.001 });
    const context = {
      config: { auth: { allowedTenants: [T] } } as unknown as AppConfig,
      store,
      logger: createLogger({ level: 'silent', name: 'test' }),
      clock: fixedClock('2027-05-10T09:00:00.000Z'),
    } as unknown as AppModuleContext;
    await module.register(context);
    for (let i = 0; i < 100 && reads < 2; i += 1) await sleep(50);
    await module.close?.();
    const after = reads;
    expect(after).toBeGreaterThanOrEqual(2);
    expect((await store.employees.get(T, 'ann'))?.item.displayName).toBe('Ann');
    await sleep(200);
    expect(reads).toBe(after);
  }, 30_000);
});
