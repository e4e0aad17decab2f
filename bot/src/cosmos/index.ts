export { CosmosAuditLog } from './audit-log.ts';
export { createCosmosClient, type CosmosClientSettings, type CosmosTokenCredential } from './client.ts';
export {
  CONTAINER_DEFINITIONS,
  CONTAINER_IDS,
  ensureContainers,
  personPartition,
  type ContainerName,
} from './containers.ts';
export { CosmosConversationRepository } from './conversation-repository.ts';
export { DocumentCollection, type DocumentCollectionOptions, type RequestCounter } from './document-collection.ts';
export { CosmosEmployeeRepository } from './employee-repository.ts';
export { cosmosErrorToAppError, cosmosStatus, STALE_ETAG_MESSAGE } from './errors.ts';
export { CosmosFeedbackRepository } from './feedback-repository.ts';
export {
  KeyValueCollection,
  type KeyValueCollectionOptions,
  type KeyValueItem,
  type SortDirection,
} from './key-value-collection.ts';
export { CosmosObjectiveRepository } from './objective-repository.ts';
export { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './paging.ts';
export type { PartitionFilter } from './partition-query.ts';
export { createCosmosStore, type CosmosStoreOptions, type Store } from './store.ts';
export { CosmosTenantRepository } from './tenant-repository.ts';
