/**
 * The Cosmos DB store for local development: a real wire-protocol server on a
 * fixed port whose contents survive restarts through a JSON snapshot. The
 * server itself is in-memory, so we read everything back through the SDK and
 * write it atomically (temp file + rename) so a crash never leaves half a file.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { ContainerDefinition, CosmosClient, ItemDefinition } from '@azure/cosmos';
import { createCosmosClient } from '../bot/src/cosmos/client.ts';
import { startCosmosServer } from '@pc/testing/support/cosmos-server.ts';

export interface EmbeddedCosmosOptions {
  /** Defaults to 8081, the emulator's port; 0 picks a free one. */
  readonly port?: number;
  readonly snapshotFile: string;
  /** How often to save while running; defaults to 5 seconds. */
  readonly persistEveryMs?: number;
}

export interface EmbeddedCosmos {
  readonly endpoint: string;
  readonly key: string;
  persist(): Promise<void>;
  close(): Promise<void>;
}

interface ContainerSnapshot {
  readonly id: string;
  readonly partitionKey?: ContainerDefinition['partitionKey'];
  readonly indexingPolicy?: ContainerDefinition['indexingPolicy'];
  readonly documents: readonly ItemDefinition[];
}
interface Snapshot {
  readonly version: 1;
  readonly databases: readonly { readonly id: string; readonly containers: readonly ContainerSnapshot[] }[];
}

const SYSTEM_FIELDS = new Set(['_rid', '_self', '_etag', '_ts', '_attachments']);
const withoutSystemFields = (doc: ItemDefinition): ItemDefinition =>
  Object.fromEntries(Object.entries(doc).filter(([k]) => !SYSTEM_FIELDS.has(k)));

const readSnapshot = async (file: string): Promise<Snapshot | undefined> => {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as Snapshot;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
};

const restore = async (client: CosmosClient, snapshot: Snapshot): Promise<void> => {
  for (const db of snapshot.databases) {
    const { database } = await client.databases.createIfNotExists({ id: db.id });
    for (const c of db.containers) {
      const { container } = await database.containers.createIfNotExists({
        id: c.id,
        ...(c.partitionKey ? { partitionKey: c.partitionKey } : {}),
        ...(c.indexingPolicy ? { indexingPolicy: c.indexingPolicy } : {}),
      });
      for (const doc of c.documents) await container.items.create(withoutSystemFields(doc));
    }
  }
};

const capture = async (client: CosmosClient): Promise<Snapshot> => {
  const { resources: dbs } = await client.databases.readAll().fetchAll();
  const databases = [];
  for (const db of dbs) {
    const database = client.database(db.id);
    const { resources: defs } = await database.containers.readAll().fetchAll();
    const containers: ContainerSnapshot[] = [];
    for (const def of defs) {
      const { resources } = await database.container(def.id).items.readAll().fetchAll();
      containers.push({
        id: def.id,
        ...(def.partitionKey ? { partitionKey: def.partitionKey } : {}),
        ...(def.indexingPolicy ? { indexingPolicy: def.indexingPolicy } : {}),
        documents: resources.map(withoutSystemFields),
      });
    }
    databases.push({ id: db.id, containers });
  }
  return { version: 1, databases };
};

export const startEmbeddedCosmos = async (options: EmbeddedCosmosOptions): Promise<EmbeddedCosmos> => {
  const server = await startCosmosServer({ port: options.port ?? 8081 });
  const client = createCosmosClient({ endpoint: server.endpoint, key: server.key, allowSelfSigned: true });
  const existing = await readSnapshot(options.snapshotFile);
  if (existing) await restore(client, existing);

  let lastWritten = existing ? JSON.stringify(existing, null, 1) : '';
  let queue: Promise<void> = Promise.resolve();
  const writeIfChanged = async (): Promise<void> => {
    const text = JSON.stringify(await capture(client), null, 1);
    if (text === lastWritten) return;
    await mkdir(dirname(options.snapshotFile), { recursive: true });
    const tmp = `${options.snapshotFile}.${process.pid}.tmp`;
    await writeFile(tmp, text, 'utf8');
    await rename(tmp, options.snapshotFile);
    lastWritten = text;
  };
  // One save at a time, so an interval tick and an explicit persist never interleave writes.
  const persist = (): Promise<void> => {
    queue = queue.then(writeIfChanged, writeIfChanged);
    return queue;
  };

  const timer = setInterval(() => {
    persist().catch((error: unknown) => {
      console.error('embedded Cosmos: saving the snapshot failed', error);
    });
  }, options.persistEveryMs ?? 5000);
  timer.unref();

  return {
    endpoint: server.endpoint,
    key: server.key,
    persist,
    close: async () => {
      clearInterval(timer);
      try {
        await persist();
      } finally {
        client.dispose();
        await server.close();
      }
    },
  };
};
