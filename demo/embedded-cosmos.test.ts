import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCosmosStore } from '../bot/src/cosmos/store.ts';
import { conversation, employee, TENANT_A } from '../bot/src/cosmos/fixtures.test-support.ts';
import { startEmbeddedCosmos } from './embedded-cosmos.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'embedded-cosmos-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const storeOn = (endpoint: string, key: string) =>
  createCosmosStore({ endpoint, key, databaseId: 'local-dev', allowSelfSigned: true });

describe('startEmbeddedCosmos', () => {
  it('keeps data across a restart on a different port via the snapshot file', async () => {
    const snapshotFile = join(dir, 'data', 'cosmos.json');
    const first = await startEmbeddedCosmos({ port: 0, snapshotFile });
    const store = await storeOn(first.endpoint, first.key);
    const created = await store.employees.create(employee({ id: 'kept' }));
    const talk = conversation({ id: 'talk-1', employeeId: 'kept' });
    await store.conversations.create(talk);
    store.close();
    await first.close();
    expect(await readdir(join(dir, 'data'))).toEqual(['cosmos.json']);

    const second = await startEmbeddedCosmos({ port: 0, snapshotFile });
    const again = await storeOn(second.endpoint, second.key);
    try {
      expect((await again.employees.get(TENANT_A, 'kept'))?.item).toEqual(created.item);
      expect((await again.conversations.get(TENANT_A, 'kept', 'talk-1'))?.item).toEqual(talk);
      // Restored items take new versions and stay updatable.
      const stored = await again.employees.get(TENANT_A, 'kept');
      await again.employees.update({ ...created.item, hasOwnPc: false }, stored!.etag);
    } finally {
      again.close();
      await second.close();
    }
  });

  it('starts empty without a snapshot and writes one on persist()', async () => {
    const snapshotFile = join(dir, 'cosmos.json');
    const cosmos = await startEmbeddedCosmos({ port: 0, snapshotFile });
    try {
      const store = await storeOn(cosmos.endpoint, cosmos.key);
      expect(await store.employees.get(TENANT_A, 'anyone')).toBeUndefined();
      await store.employees.create(employee({ id: 'saved-early' }));
      store.close();
      expect(existsSync(snapshotFile)).toBe(false);
      await cosmos.persist();
      expect(existsSync(snapshotFile)).toBe(true);
    } finally {
      await cosmos.close();
    }
  });

  it('saves on its own timer while running', async () => {
    const snapshotFile = join(dir, 'cosmos.json');
    const cosmos = await startEmbeddedCosmos({ port: 0, snapshotFile, persistEveryMs: 50 });
    try {
      const store = await storeOn(cosmos.endpoint, cosmos.key);
      await store.tenants.put({
        tenantId: TENANT_A,
        name: 'Example Council',
        schemeId: 'somerset-career-conversations',
        nation: 'england-and-wales',
        timeZone: 'Europe/London',
      });
      store.close();
      await expect.poll(() => existsSync(snapshotFile), { timeout: 5000 }).toBe(true);
    } finally {
      await cosmos.close();
    }
  });
});
