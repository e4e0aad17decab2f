import type { Employee, PersonId, TenantId } from '../domain/people.ts';

/**
 * Who someone is, for display only: a name on a card, the colleagues a form offers. May answer
 * from a short-lived per-process cache, so it never decides who may act or see, nor the manager
 * stamped on a record: those read the repository (`freshPerson` in the use cases), and updates
 * read it with its ETag.
 */
export interface PersonLookup {
  person(tenantId: TenantId, id: PersonId): Promise<Employee | undefined>;
}
