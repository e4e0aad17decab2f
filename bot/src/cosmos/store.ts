import { withStatusDigests, type StatusDigestRepository } from '@pc/core/usecases';
import type {
  AuditLog,
  ConversationRepository,
  EmployeeRepository,
  FeedbackRepository,
  ObjectiveRepository,
  TenantRepository,
} from '@pc/core';
import { CosmosAuditLog } from './audit-log.ts';
import { createCosmosClient, type CosmosTokenCredential } from './client.ts';
import { CONTAINER_IDS, ensureContainers } from './containers.ts';
import { CosmosConversationRepository } from './conversation-repository.ts';
import type { RequestCounter } from './document-collection.ts';
import { CosmosEmployeeRepository } from './employee-repository.ts';
import { CosmosFeedbackRepository } from './feedback-repository.ts';
import { KeyValueCollection, type KeyValueItem } from './key-value-collection.ts';
import { CosmosObjectiveRepository } from './objective-repository.ts';
import { CosmosTenantRepository } from './tenant-repository.ts';
import { CosmosStatusDigestRepository } from './status-digest-repository.ts';

export interface Store {
  readonly tenants: TenantRepository;
  readonly employees: EmployeeRepository;
  /** Every create and update also refreshes the person's status digest. */
  readonly conversations: ConversationRepository;
  readonly statusDigests: StatusDigestRepository;
  readonly objectives: ObjectiveRepository;
  readonly feedback: FeedbackRepository;
  readonly audit: AuditLog;
  /** A generic collection in the `state` container for later features; `kind` must be unique per feature. */
  keyValues<T extends KeyValueItem>(kind: string, partition: (item: T) => string): KeyValueCollection<T>;
  /** Count of Cosmos requests made (point operations and query pages), for benchmarks. */
  requestCount(): number;
  close(): void;
}

export interface CosmosStoreOptions {
  readonly endpoint: string;
  /** Local emulator and tests. */
  readonly key?: string;
  /** Production: a managed-identity credential. */
  readonly credential?: CosmosTokenCredential;
  readonly databaseId: string;
  readonly allowSelfSigned?: boolean;
  /**
   * Create the database and containers if missing. Defaults to true with a key and false with a
   * credential, because Entra data-plane roles cannot create containers (infra does).
   */
  readonly ensureContainers?: boolean;
}

export const createCosmosStore = async (options: CosmosStoreOptions): Promise<Store> => {
  const client = createCosmosClient(options);
  const counter: RequestCounter = { count: 0 };
  try {
    const database =
      (options.ensureContainers ?? options.key !== undefined)
        ? await ensureContainers(client, options.databaseId)
        : client.database(options.databaseId);
    const container = (name: keyof typeof CONTAINER_IDS) => database.container(CONTAINER_IDS[name]);
    const employees = new CosmosEmployeeRepository(container('people'), counter);
    const statusDigests = new CosmosStatusDigestRepository(container('people'), counter);
    const records = new CosmosConversationRepository(container('conversations'), counter);
    return {
      tenants: new CosmosTenantRepository(container('tenants'), counter),
      employees,
      conversations: withStatusDigests({ conversations: records, employees, statusDigests }),
      statusDigests,
      objectives: new CosmosObjectiveRepository(container('objectives'), counter),
      feedback: new CosmosFeedbackRepository(container('feedback'), counter),
      audit: new CosmosAuditLog(container('audit'), counter),
      keyValues: <T extends KeyValueItem>(kind: string, partition: (item: T) => string) =>
        new KeyValueCollection<T>({ container: container('state'), kind, partition, counter }),
      requestCount: () => counter.count,
      close: () => {
        client.dispose();
      },
    };
  } catch (error) {
    client.dispose();
    throw error;
  }
};
