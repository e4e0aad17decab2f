import {
  isAppError,
  SEND_LEASE_KEY,
  type ConversationReferenceStore,
  type NudgeSettingsStore,
  type SendLease,
  type SendLeaseStore,
  type SendQueueItem,
  type SendQueueStore,
  type StarterState,
  type StarterStore,
  type StoredConversationReference,
  type StoredNudgeSettings,
} from '@pc/core';
import type { KeyValueCollection, KeyValueItem } from './key-value-collection.ts';

/** The store's factory for small documents in the shared `state` container. */
export type KeyValueFactory = <T extends KeyValueItem>(
  kind: string,
  partition: (item: T) => string,
) => KeyValueCollection<T>;

/** The created record, or undefined when one with the same id already exists. */
const createIfAbsent = async <T>(create: () => Promise<T>): Promise<T | undefined> => {
  try {
    return await create();
  } catch (error) {
    if (isAppError(error) && error.code === 'conflict') return undefined;
    throw error;
  }
};

export const createConversationReferenceStore = (keyValues: KeyValueFactory): ConversationReferenceStore => {
  const docs = keyValues<StoredConversationReference>('conversation-ref', (r) => r.id);
  return {
    // One writer per id (the installation event), so the last write wins.
    put: async (reference) => {
      await docs.put(reference);
    },
    get: async (tenantId, id) => (await docs.get(tenantId, id, id))?.item,
    getMany: (tenantId, ids) => docs.getMany(tenantId, ids),
  };
};

const IN_ENQUEUE_ORDER = { field: 'enqueuedAt', direction: 'ASC' } as const;
const OPEN_STATES: readonly SendQueueItem['state'][] = ['pending', 'sending'];

export const createSendQueueStore = (keyValues: KeyValueFactory): SendQueueStore => {
  const docs = keyValues<SendQueueItem>('send-queue', (item) => item.cycleKey);
  return {
    enqueue: (item) => createIfAbsent(() => docs.create(item)),
    scan: (tenantId, cycleKey, continuationToken) =>
      docs.listStoredByPartition(tenantId, cycleKey, {
        page: { pageSize: 100, ...(continuationToken === undefined ? {} : { continuationToken }) },
        sort: IN_ENQUEUE_ORDER,
      }),
    scanOpen: (tenantId, cycleKey, continuationToken) =>
      docs.listStoredByPartition(tenantId, cycleKey, {
        // Large pages: one query hands a worker up to 1,000 sends.
        page: { pageSize: 1000, ...(continuationToken === undefined ? {} : { continuationToken }) },
        sort: IN_ENQUEUE_ORDER,
        only: { field: 'state', values: OPEN_STATES },
      }),
    get: (tenantId, cycleKey, id) => docs.get(tenantId, cycleKey, id),
    replace: (item, etag) => docs.update(item, etag),
    anyOpen: async (tenantId, cycleKey) =>
      (
        await docs.listStoredByPartition(tenantId, cycleKey, {
          page: { pageSize: 1 },
          only: { field: 'state', values: OPEN_STATES },
        })
      ).items.length > 0,
  };
};

/** One small document per tenant: who may send to it now, and until when its sends are paused. */
export const createSendLeaseStore = (keyValues: KeyValueFactory): SendLeaseStore => {
  const docs = keyValues<SendLease>('send-lease', (lease) => lease.id);
  return {
    get: (tenantId) => docs.get(tenantId, SEND_LEASE_KEY, SEND_LEASE_KEY),
    create: (lease) => createIfAbsent(() => docs.create(lease)),
    replace: (lease, etag) => docs.update(lease, etag),
  };
};

export const createStarterStore = (keyValues: KeyValueFactory): StarterStore => {
  const docs = keyValues<StarterState>('starter', (s) => s.id);
  return {
    get: (tenantId, id) => docs.get(tenantId, id, id),
    create: async (state) => (await createIfAbsent(() => docs.create(state))) !== undefined,
    replace: async (state, etag) => {
      await docs.update(state, etag);
    },
  };
};

export const createNudgeSettingsStore = (keyValues: KeyValueFactory): NudgeSettingsStore => {
  const docs = keyValues<StoredNudgeSettings>('nudge-settings', (s) => s.id);
  return {
    get: async (tenantId, personId) => (await docs.get(tenantId, personId, personId))?.item,
    getMany: (tenantId, personIds) => docs.getMany(tenantId, personIds),
    put: async (settings) => {
      await docs.put(settings);
    },
    read: (tenantId, personId) => docs.get(tenantId, personId, personId),
    save: (settings, etag) => (etag === undefined ? docs.create(settings) : docs.update(settings, etag)),
  };
};

/** The Teams state stores, each a kind of document in the `state` container (Cosmos `keyValues`). */
export const createBotState = (keyValues: KeyValueFactory) => ({
  references: createConversationReferenceStore(keyValues),
  sendQueue: createSendQueueStore(keyValues),
  sendLeases: createSendLeaseStore(keyValues),
  starters: createStarterStore(keyValues),
  nudges: createNudgeSettingsStore(keyValues),
});
export type BotState = ReturnType<typeof createBotState>;
