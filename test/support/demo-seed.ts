/**
 * The demo organisation in a stack's fresh database. Seeding it through the repositories takes
 * about 4,300 Cosmos requests (each person and record also writes its look-ups and status digest),
 * some seconds of CPU per test file. So the first stack of a run seeds it that way and keeps the
 * documents it wrote in the run's snapshot folder (test/support/demo-snapshots.ts); a later stack
 * with the same demo data writes those documents back as they were, one request each. Outside a
 * vitest run with that folder it always seeds through the repositories.
 */
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inject } from 'vitest';
import type { DemoOrg } from '@pc/demo/demo-org.ts';
import { seedDemoData } from '@pc/demo/seed.ts';
import { createCosmosClient } from '../../bot/src/cosmos/client.ts';
import type { Store } from '../../bot/src/cosmos/index.ts';

export interface SeedDatabase {
  readonly endpoint: string;
  readonly key: string;
  readonly databaseId: string;
}

type SeededDoc = Record<string, unknown>;
type Snapshot = Record<string, SeededDoc[]>;
type Container = ReturnType<ReturnType<ReturnType<typeof createCosmosClient>['database']>['container']>;

const SYSTEM_FIELDS = new Set(['_rid', '_self', '_etag', '_ts', '_attachments']);
const PARALLEL_WRITES = 8;

/** Keyed by exactly what is seeded, so a different reference date or demo change never matches. */
const snapshotFile = (dir: string, demo: DemoOrg): string => {
  const { tenants, employees, conversations, objectives, feedback } = demo;
  const seeded = JSON.stringify({ tenants, employees, conversations, objectives, feedback });
  return join(dir, `${createHash('sha256').update(seeded).digest('hex')}.json`);
};

const readSnapshot = (file: string): Snapshot | undefined => {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Snapshot;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
};

const createAll = async (container: Container, docs: readonly SeededDoc[]): Promise<void> => {
  let next = 0;
  const writer = async (): Promise<void> => {
    for (let doc = docs[next++]; doc !== undefined; doc = docs[next++]) await container.items.create(doc);
  };
  await Promise.all(Array.from({ length: PARALLEL_WRITES }, writer));
};

export const seedDemo = async (store: Store, demo: DemoOrg, db: SeedDatabase): Promise<void> => {
  const dir = inject('demoSnapshotDir') as string | undefined;
  if (dir === undefined) {
    await seedDemoData(store, demo);
    return;
  }
  const file = snapshotFile(dir, demo);
  const snapshot = readSnapshot(file);
  const client = createCosmosClient({ endpoint: db.endpoint, key: db.key, allowSelfSigned: true });
  try {
    const database = client.database(db.databaseId);
    if (snapshot !== undefined) {
      for (const [id, docs] of Object.entries(snapshot)) await createAll(database.container(id), docs);
      return;
    }
    await seedDemoData(store, demo);
    const written: Snapshot = {};
    const { resources: containers } = await database.containers.readAll().fetchAll();
    for (const { id } of containers) {
      const { resources } = await database.container(id).items.readAll().fetchAll();
      written[id] = resources.map((doc) =>
        Object.fromEntries(Object.entries(doc).filter(([k]) => !SYSTEM_FIELDS.has(k))),
      );
    }
    // Written whole under a temporary name and renamed: a stack starting meanwhile in another
    // test file finds either no snapshot or all of it.
    const partial = `${file}.${String(process.pid)}.tmp`;
    writeFileSync(partial, JSON.stringify(written));
    renameSync(partial, file);
  } finally {
    client.dispose();
  }
};
