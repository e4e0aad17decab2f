/**
 * Container design. Tenant isolation is structural: every partition key value
 * begins with the tenant id, every document carries `tenantId`, and every
 * query names both the partition (`c.pk`) and the tenant in WHERE.
 *
 * - `tenants`        pk = tenantId                 one document per employer
 * - `people`         pk = tenantId                 employees; listing a
 *                    tenant's staff or a manager's reports is one partition
 * - `conversations`  pk = `${tenantId}|${employeeId}`
 * - `objectives`     pk = `${tenantId}|${ownerId}`
 * - `feedback`       pk = `${tenantId}|${subjectId}`
 * - `audit`          pk = `${tenantId}|${subjectId}`  append-only, own container
 *                    so no code path that updates records can reach it
 * - `state`          pk = `${tenantId}|${kind}|${key}`  small generic documents
 *                    for later features (conversation references, proactive
 *                    send queue, user settings) via KeyValueCollection
 *
 * Records live in one container per type rather than one shared container so
 * that ids never collide across types and each type keeps its own indexing
 * policy (free text such as notes is not indexed: cheaper writes, and
 * confidential text never becomes searchable). A person's records in a type
 * are one logical partition, so every user path is a point read or a
 * single-partition query. Every document also has `docType`.
 *
 * Hierarchical partition keys would express tenant/person natively, but the
 * local wire-protocol server does not support them; the synthetic `pk` works
 * everywhere. Production creates these containers from infra (data-plane RBAC
 * cannot create containers); `ensureContainers` is for key-authenticated local
 * and test accounts.
 */
import type { ContainerDefinition, CosmosClient, Database } from '@azure/cosmos';

export const CONTAINER_IDS = {
  tenants: 'tenants',
  people: 'people',
  conversations: 'conversations',
  objectives: 'objectives',
  feedback: 'feedback',
  audit: 'audit',
  state: 'state',
} as const;
export type ContainerName = keyof typeof CONTAINER_IDS;

const PARTITION_KEY = { paths: ['/pk'] };

const notIndexed = (...paths: string[]): ContainerDefinition['indexingPolicy'] => ({
  indexingMode: 'consistent',
  automatic: true,
  includedPaths: [{ path: '/*' }],
  excludedPaths: [{ path: '/"_etag"/?' }, ...paths.map((path) => ({ path }))],
});

export const CONTAINER_DEFINITIONS: readonly ContainerDefinition[] = [
  { id: CONTAINER_IDS.tenants, partitionKey: PARTITION_KEY },
  { id: CONTAINER_IDS.people, partitionKey: PARTITION_KEY },
  {
    id: CONTAINER_IDS.conversations,
    partitionKey: PARTITION_KEY,
    indexingPolicy: notIndexed('/notes/?', '/sections/*', '/disagreement/*', '/appeal/*', '/issuesRaised/*'),
  },
  {
    id: CONTAINER_IDS.objectives,
    partitionKey: PARTITION_KEY,
    indexingPolicy: notIndexed('/description/?', '/progressNotes/*'),
  },
  { id: CONTAINER_IDS.feedback, partitionKey: PARTITION_KEY, indexingPolicy: notIndexed('/text/?') },
  { id: CONTAINER_IDS.audit, partitionKey: PARTITION_KEY, indexingPolicy: notIndexed('/reason/*') },
  { id: CONTAINER_IDS.state, partitionKey: PARTITION_KEY },
];

/** Partition key of a person's records; tenant first so no value can be shared across tenants. */
export const personPartition = (tenantId: string, personId: string): string => `${tenantId}|${personId}`;

/** Creates the database and every container if missing (key-authenticated accounts only). */
export const ensureContainers = async (client: CosmosClient, databaseId: string): Promise<Database> => {
  const { database } = await client.databases.createIfNotExists({ id: databaseId });
  for (const definition of CONTAINER_DEFINITIONS) {
    await database.containers.createIfNotExists(definition);
  }
  return database;
};
