/**
 * Stacks restore the run's first seeding of the demo organisation instead of seeding it through
 * the repositories again (test/support/demo-seed.ts): the database a restored stack starts from
 * must hold exactly the documents that seeding through the repositories writes.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemoOrg } from '@pc/demo/demo-org.ts';
import { seedDemoData } from '@pc/demo/seed.ts';
import { createCosmosClient } from '../../bot/src/cosmos/client.ts';
import { createCosmosStore, type Store } from '../../bot/src/cosmos/index.ts';
import { startCosmosServer, type CosmosServer } from '../support/cosmos-server.ts';
import { seedDemo } from '../support/demo-seed.ts';

const SYSTEM_FIELDS = new Set(['_rid', '_self', '_etag', '_ts', '_attachments']);

describe('the seeded demo organisation a stack starts from', () => {
  let cosmos: CosmosServer;
  const stores: Store[] = [];
  beforeAll(async () => {
    cosmos = await startCosmosServer();
  });
  afterAll(async () => {
    for (const store of stores) store.close();
    await cosmos.close();
  });

  const freshDatabase = async () => {
    const database = { endpoint: cosmos.endpoint, key: cosmos.key, databaseId: `seed-${randomUUID()}` };
    const store = await createCosmosStore({ ...database, allowSelfSigned: true });
    stores.push(store);
    return { database, store };
  };

  /** Every document of every container, without the fields the server stamps on each write. */
  const contents = async (databaseId: string): Promise<Record<string, string[]>> => {
    const client = createCosmosClient({ endpoint: cosmos.endpoint, key: cosmos.key, allowSelfSigned: true });
    try {
      const database = client.database(databaseId);
      const { resources: containers } = await database.containers.readAll().fetchAll();
      const all: Record<string, string[]> = {};
      for (const { id } of containers) {
        const { resources } = await database.container(id).items.readAll().fetchAll();
        all[id] = resources
          .map((doc) => JSON.stringify(Object.entries(doc).filter(([k]) => !SYSTEM_FIELDS.has(k))))
          .sort();
      }
      return all;
    } finally {
      client.dispose();
    }
  };

  it('holds the same documents whether a stack seeds it or restores the first seeding', async () => {
    const demo = buildDemoOrg('2027-05-03');
    const seeded = await freshDatabase();
    await seedDemoData(seeded.store, demo);
    const expected = await contents(seeded.database.databaseId);
    expect(expected.people?.length).toBeGreaterThan(demo.employees.length);
    expect(expected.conversations).toHaveLength(demo.conversations.length);

    // The first of these seeds and keeps a snapshot (unless a stack of this run already has); the second restores it.
    let restored: Store | undefined;
    for (let n = 0; n < 2; n++) {
      const stack = await freshDatabase();
      await seedDemo(stack.store, demo, stack.database);
      expect(await contents(stack.database.databaseId)).toEqual(expected);
      restored = stack.store;
    }
    // Restored: written without one request through the repositories.
    expect(restored?.requestCount()).toBe(0);
  }, 120_000);
});
