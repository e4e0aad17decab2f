import { isAppError, type PersonId, type Stored, type TenantId } from '@pc/core';
import type { NudgeSettingsStore, StarterState, StarterStore, StoredNudgeSettings } from '@pc/core/usecases';
import { MemoryDocuments } from './documents.ts';

/** Conversation starters posted in Teams, one partition per starter, as in the `state` container. */
export class InMemoryStarterStore implements StarterStore {
  readonly #docs = new MemoryDocuments<StarterState>({
    id: (s) => s.id,
    tenantId: (s) => s.tenantId,
    partition: (s) => s.id,
  });

  get(tenantId: TenantId, id: string): Promise<{ readonly item: StarterState; readonly etag: string } | undefined> {
    return this.#docs.get(tenantId, id, id);
  }

  async create(state: StarterState): Promise<boolean> {
    try {
      await this.#docs.create(state);
      return true;
    } catch (error) {
      if (isAppError(error) && error.code === 'conflict') return false;
      throw error;
    }
  }

  async replace(state: StarterState, etag: string): Promise<void> {
    await this.#docs.replace(state, etag);
  }
}

/** Each person's check-in choices; only they change them, so the last write wins. */
export class InMemoryNudgeSettingsStore implements NudgeSettingsStore {
  readonly #docs = new MemoryDocuments<StoredNudgeSettings>({
    id: (s) => s.id,
    tenantId: (s) => s.tenantId,
    partition: (s) => s.id,
  });

  async get(tenantId: TenantId, personId: PersonId): Promise<StoredNudgeSettings | undefined> {
    return (await this.#docs.get(tenantId, personId, personId))?.item;
  }

  async getMany(tenantId: TenantId, personIds: readonly PersonId[]): Promise<readonly StoredNudgeSettings[]> {
    const found = await Promise.all(personIds.map((id) => this.get(tenantId, id)));
    return found.filter((s) => s !== undefined);
  }

  async put(settings: StoredNudgeSettings): Promise<void> {
    await this.#docs.upsert(settings);
  }

  read(tenantId: TenantId, personId: PersonId): Promise<Stored<StoredNudgeSettings> | undefined> {
    return this.#docs.get(tenantId, personId, personId);
  }

  save(settings: StoredNudgeSettings, etag: string | undefined): Promise<Stored<StoredNudgeSettings>> {
    return etag === undefined ? this.#docs.create(settings) : this.#docs.replace(settings, etag);
  }
}
