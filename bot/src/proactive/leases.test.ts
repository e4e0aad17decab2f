import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCosmosServer, type CosmosServer } from '../../../test/support/cosmos-server.ts';
import { createSendLeaseStore } from '../cosmos/bot-state.ts';
import { createCosmosStore, type Store } from '../cosmos/index.ts';
import { createLogger } from '../logging.ts';
import { SendLeases } from './leases.ts';

const LEASE_MS = 30_000;
const QUIET_MS = 1_100;

describe('send leases over the Cosmos store: one sender per tenant across instances', () => {
  let cosmos: CosmosServer;
  let store: Store;
  let now = Date.parse('2027-05-10T09:00:00.000Z');
  /** An instance's view of the leases; time is the test's, so no heartbeat fires during a test. */
  const instance = () =>
    new SendLeases({
      store: createSendLeaseStore((kind, partition) => store.keyValues(kind, partition)),
      logger: createLogger({ level: 'silent' }),
      leaseMs: LEASE_MS,
      quietMs: QUIET_MS,
      nowMs: () => now,
    });

  beforeAll(async () => {
    cosmos = await startCosmosServer();
    store = await createCosmosStore({
      endpoint: cosmos.endpoint,
      key: cosmos.key,
      databaseId: `leases-${randomUUID()}`,
      allowSelfSigned: true,
    });
  }, 60_000);
  afterAll(async () => {
    store.close();
    await cosmos.close();
  });

  it('a live lease keeps every other instance off the tenant; tenants are taken independently', async () => {
    const [a, b] = [instance(), instance()];
    const held = await a.acquire('tenant-1', '2027-W19');
    expect(held).toBeDefined();
    expect(await b.acquire('tenant-1', '2027-W19')).toBeUndefined();
    expect(await b.heldElsewhere('tenant-1')).toBe(true);
    const other = await b.acquire('tenant-2', '2027-W19');
    expect(other).toBeDefined();
    // Two instances racing for a free tenant: exactly one wins.
    const race = await Promise.all([a.acquire('tenant-3', '2027-W19'), b.acquire('tenant-3', '2027-W19')]);
    expect(race.filter((l) => l !== undefined)).toHaveLength(1);
    await held?.release();
    await other?.release();
  });

  it('a holder that stops renewing stops sending before another instance may take the tenant', async () => {
    const [a, b] = [instance(), instance()];
    const held = await a.acquire('tenant-4', '2027-W19');
    expect(held?.valid()).toBe(true);
    now += LEASE_MS - LEASE_MS / 3; // no renewal reached the store (a stalled or cut-off instance)
    expect(held?.valid()).toBe(false);
    expect(await b.acquire('tenant-4', '2027-W19')).toBeUndefined();
    now += LEASE_MS / 3;
    const taken = await b.acquire('tenant-4', '2027-W19');
    expect(taken).toBeDefined();
    expect(taken?.token).not.toBe(held?.token);
    await taken?.release();
  });

  it('a 429 seen by one holder pauses the next one; a released tenant stays quiet for one rate window', async () => {
    const [a, b] = [instance(), instance()];
    const held = await a.acquire('tenant-5', '2027-W19');
    held?.pause(now + 5_000);
    await held?.release();
    expect(await b.acquire('tenant-5', '2027-W19')).toBeUndefined();
    now += QUIET_MS;
    const next = await b.acquire('tenant-5', '2027-W19');
    expect(next?.pausedUntilMs()).toBe(now - QUIET_MS + 5_000);
    await next?.release();
  });
});
