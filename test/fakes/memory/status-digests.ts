import type { Employee, EmployeeRepository, PersonId, Stored, TenantId } from '@pc/core';
import type { PeopleAndDigestsPage, StatusDigest, StatusDigestRepository, TeamDigests } from '@pc/core/usecases';
import { MemoryDocuments } from './documents.ts';

/** Digests beside the directory, one partition per tenant, as in Cosmos' `people` container. */
const WHOLE_TENANT = '';

export class InMemoryStatusDigestRepository implements StatusDigestRepository {
  readonly #employees: Pick<EmployeeRepository, 'list' | 'listReports'>;
  readonly #docs = new MemoryDocuments<StatusDigest>({
    id: (d) => d.personId,
    tenantId: (d) => d.tenantId,
    partition: () => WHOLE_TENANT,
  });

  /** `employees`: the directory a team's reports come from. */
  constructor(employees: Pick<EmployeeRepository, 'list' | 'listReports'>) {
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

  /** The directory's pages, then the digests' (100 a page), so that a small organisation already spans pages. */
  async everyone(tenantId: TenantId, continuationToken?: string): Promise<PeopleAndDigestsPage> {
    const [kind, inner] = continuationToken === undefined ? ['people', undefined] : splitToken(continuationToken);
    const page = { pageSize: 100, ...(inner === undefined ? {} : { continuationToken: inner }) };
    if (kind === 'people') {
      const people = await this.#employees.list(tenantId, page);
      const next = people.continuationToken === undefined ? 'digests:' : `people:${people.continuationToken}`;
      return { people: people.items, digests: [], continuationToken: next };
    }
    const digests = await this.#docs.page(tenantId, WHOLE_TENANT, page);
    return {
      people: [],
      digests: digests.items,
      ...(digests.continuationToken === undefined ? {} : { continuationToken: `digests:${digests.continuationToken}` }),
    };
  }
}

const splitToken = (token: string): [string, string | undefined] => {
  const at = token.indexOf(':');
  const inner = token.slice(at + 1);
  return [token.slice(0, at), inner === '' ? undefined : inner];
};
