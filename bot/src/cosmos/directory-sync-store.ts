import type { Stored, TenantId } from '@pc/core';
import type { DirectorySyncState, DirectorySyncStore } from '@pc/core/usecases';
import type { KeyValueFactory } from './bot-state.ts';
import type { KeyValueCollection } from './key-value-collection.ts';

type SyncDocument = DirectorySyncState & { readonly id: string };

const ID = 'directory-sync';
const strip = ({ item, etag }: Stored<SyncDocument>): Stored<DirectorySyncState> => {
  const { id: _id, ...state } = item;
  return { item: state, etag };
};

/** One document per tenant in the `state` container: the delta link, the round in progress and the last run. */
export class CosmosDirectorySyncStore implements DirectorySyncStore {
  readonly #docs: KeyValueCollection<SyncDocument>;

  constructor(keyValues: KeyValueFactory) {
    this.#docs = keyValues<SyncDocument>(ID, () => ID);
  }

  async get(tenantId: TenantId): Promise<Stored<DirectorySyncState> | undefined> {
    const found = await this.#docs.get(tenantId, ID, ID);
    return found === undefined ? undefined : strip(found);
  }

  async create(state: DirectorySyncState): Promise<Stored<DirectorySyncState>> {
    return strip(await this.#docs.create({ ...state, id: ID }));
  }

  async update(state: DirectorySyncState, etag: string): Promise<Stored<DirectorySyncState>> {
    return strip(await this.#docs.update({ ...state, id: ID }, etag));
  }
}
