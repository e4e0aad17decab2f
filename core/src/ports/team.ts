import type { HandoverNote, TeamThemes } from '../domain/team.ts';
import type { PersonId, TenantId } from '../domain/people.ts';
import type { Stored } from './repositories.ts';

export interface TeamThemesRepository {
  get(tenantId: TenantId, managerId: PersonId): Promise<Stored<TeamThemes> | undefined>;
  /** Without an etag: create (conflict if it exists); with one: update (conflict if stale). */
  put(themes: TeamThemes, etag?: string): Promise<Stored<TeamThemes>>;
}

export interface HandoverRepository {
  create(note: HandoverNote): Promise<Stored<HandoverNote>>;
  /** Newest first. */
  listForEmployee(tenantId: TenantId, employeeId: PersonId): Promise<readonly HandoverNote[]>;
}
