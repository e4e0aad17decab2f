import type { PersonId, Stored, TenantId } from '@pc/core';
import type { HandoverNote, HandoverRepository, TeamThemes, TeamThemesRepository } from '@pc/core/usecases';
import { MemoryDocuments, newestFirst } from './documents.ts';

/** One record per manager, in the manager's own partition. */
export class InMemoryTeamThemesRepository implements TeamThemesRepository {
  readonly #docs = new MemoryDocuments<TeamThemes>({
    id: (t) => t.managerId,
    tenantId: (t) => t.tenantId,
    partition: (t) => t.managerId,
  });

  get(tenantId: TenantId, managerId: PersonId): Promise<Stored<TeamThemes> | undefined> {
    return this.#docs.get(tenantId, managerId, managerId);
  }

  put(themes: TeamThemes, etag?: string): Promise<Stored<TeamThemes>> {
    return etag === undefined ? this.#docs.create(themes) : this.#docs.replace(themes, etag);
  }
}

export class InMemoryHandoverRepository implements HandoverRepository {
  readonly #docs = new MemoryDocuments<HandoverNote>({
    id: (n) => n.id,
    tenantId: (n) => n.tenantId,
    partition: (n) => n.employeeId,
  });

  create(note: HandoverNote): Promise<Stored<HandoverNote>> {
    return this.#docs.create(note);
  }

  listForEmployee(tenantId: TenantId, employeeId: PersonId): Promise<readonly HandoverNote[]> {
    return Promise.resolve(
      this.#docs.all(
        tenantId,
        employeeId,
        undefined,
        newestFirst((n) => n.createdAt),
      ),
    );
  }
}
