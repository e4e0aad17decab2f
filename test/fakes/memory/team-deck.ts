import { isAppError, type TenantId } from '@pc/core';
import type { StoredTeamDeck, TeamDeck, TeamDeckStore } from '@pc/core/usecases';
import { MemoryDocuments } from './documents.ts';

/** Team decks, one partition per deck, as in the `state` container. */
export class InMemoryTeamDeckStore implements TeamDeckStore {
  readonly #docs = new MemoryDocuments<TeamDeck>({
    id: (d) => d.id,
    tenantId: (d) => d.tenantId,
    partition: (d) => d.id,
  });

  get(tenantId: TenantId, id: string): Promise<StoredTeamDeck | undefined> {
    return this.#docs.get(tenantId, id, id);
  }

  async create(deck: TeamDeck): Promise<StoredTeamDeck | undefined> {
    try {
      return await this.#docs.create(deck);
    } catch (error) {
      if (isAppError(error) && error.code === 'conflict') return undefined;
      throw error;
    }
  }

  replace(deck: TeamDeck, etag: string): Promise<StoredTeamDeck> {
    return this.#docs.replace(deck, etag);
  }
}
