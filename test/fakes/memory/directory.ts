import type { Stored, TenantId } from '@pc/core';
import type { DirectorySyncState, DirectorySyncStore } from '@pc/core/usecases';
import { MemoryDocuments } from './documents.ts';

/** One directory-sync document per tenant, ETag-guarded like the Cosmos one. */
export class InMemoryDirectorySyncStore implements DirectorySyncStore {
  readonly #docs = new MemoryDocuments<DirectorySyncState>({
    id: (s) => s.tenantId,
    tenantId: (s) => s.tenantId,
    partition: (s) => s.tenantId,
  });

  get(tenantId: TenantId): Promise<Stored<DirectorySyncState> | undefined> {
    return this.#docs.get(tenantId, tenantId, tenantId);
  }

  create(state: DirectorySyncState): Promise<Stored<DirectorySyncState>> {
    return this.#docs.create(state);
  }

  update(state: DirectorySyncState, etag: string): Promise<Stored<DirectorySyncState>> {
    return this.#docs.replace(state, etag);
  }
}
