import type { Employee, PersonId, TenantId } from '../domain/people.ts';

/**
 * Who someone is, for decisions that never write the record back: whether two people work
 * together, a display name, a current manager. May answer from a short-lived cache; updates
 * always read the repository with its ETag.
 */
export interface PersonLookup {
  person(tenantId: TenantId, id: PersonId): Promise<Employee | undefined>;
}
