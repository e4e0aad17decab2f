import type { Employee, EmployeeRepository, PersonId, Stored, TenantId } from '@pc/core';
import type { StatusDigest, StatusDigestRepository, TeamDigests } from '@pc/core/usecases';
import { MemoryDocuments } from './documents.ts';

/** Digests beside the directory, one partition per tenant, as in Cosmos' `people` container. */
const WHOLE_TENANT = '';

export class InMemoryStatusDigestRepository implements StatusDigestRepository {
  readonly #employees: Pick<EmployeeRepository, 'listReports'>;
  readonly #docs = new MemoryDocuments<StatusDigest>({
    id: (d) => d.personId,
    tenantId: (d) => d.tenantId,
    partition: () => WHOLE_TENANT,
  });

  /** `employees`: the directory a team's reports come from. */
  constructor(employees: Pick<EmployeeRepository, 'listReports'>) {
    this.#employees = employees;
  }

  get(tenantId: TenantId, personId: PersonId): Promise<Stored<StatusDigest> | undefined> {
    return this.#docs.get(tenantId, WHOLE_TENANT, personId);
  }

  put(digest: StatusDigest, etag?: string): Promise<Stored<StatusDigest>> {
    return etag === undefined ? this.#docs.create(digest) : this.#docs.replace(digest, etag);
  }

  async listForPeople(tenantId: TenantId, personIds: readonly PersonId[]): Promise<readonly Stored<StatusDigest>[]> {
    const found = await Promise.all([...new Set(personIds)].map((id) => this.get(tenantId, id)));
    return found.filter((d) => d !== undefined);
  }

  async teamOf(tenantId: TenantId, managerIds: readonly PersonId[]): Promise<TeamDigests> {
    const reports = new Map<PersonId, Employee>();
    for (const managerId of managerIds) {
      for (const r of await this.#employees.listReports(tenantId, managerId)) reports.set(r.id, r);
    }
    const filed = this.#docs.all(tenantId, WHOLE_TENANT, (d) => d.managerIds.some((m) => managerIds.includes(m)));
    const digests = await Promise.all(filed.map((d) => this.get(tenantId, d.personId)));
    return { reports: [...reports.values()], digests: digests.filter((d) => d !== undefined) };
  }
}
