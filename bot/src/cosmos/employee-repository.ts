import type { Container } from '@azure/cosmos';
import type { Employee, EmployeeRepository, Page, PageRequest, PersonId, Stored, TenantId } from '@pc/core';
import { DocumentCollection, type RequestCounter } from './document-collection.ts';

/** Employees of a tenant share one partition (pk = tenantId): reports and staff lists are single-partition. */
export class CosmosEmployeeRepository implements EmployeeRepository {
  readonly #docs: DocumentCollection<Employee>;

  constructor(container: Container, counter: RequestCounter) {
    this.#docs = new DocumentCollection<Employee>({
      container,
      docType: 'employee',
      id: (e) => e.id,
      partitionKey: (e) => e.tenantId,
      tenantId: (e) => e.tenantId,
      counter,
      // Decisions read people afresh (author and subject of every note): one request per moment.
      groupReads: true,
      // A directory sync or an HR import writes a page of people at once: one request per moment, too.
      groupCreates: true,
      groupReplaces: true,
    });
  }

  get(tenantId: TenantId, id: PersonId): Promise<Stored<Employee> | undefined> {
    return this.#docs.read(tenantId, tenantId, id);
  }

  create(employee: Employee): Promise<Stored<Employee>> {
    return this.#docs.create(employee);
  }

  update(employee: Employee, etag: string): Promise<Stored<Employee>> {
    return this.#docs.replace(employee, etag);
  }

  listReports(tenantId: TenantId, managerId: PersonId): Promise<readonly Employee[]> {
    return this.#docs.queryAll(tenantId, tenantId, {
      where: 'EXISTS(SELECT VALUE j FROM j IN c.jobs WHERE ARRAY_CONTAINS(j.managerIds, @managerId))',
      parameters: [{ name: '@managerId', value: managerId }],
    });
  }

  listAll(tenantId: TenantId): Promise<readonly Employee[]> {
    return this.#docs.queryAll(tenantId, tenantId, {}, { largePages: true });
  }

  listAllStored(tenantId: TenantId): Promise<readonly Stored<Employee>[]> {
    return this.#docs.queryAllStored(tenantId, tenantId, {});
  }

  /** Unordered: an ORDER BY on names would put names into the continuation token. */
  list(tenantId: TenantId, page?: PageRequest): Promise<Page<Employee>> {
    return this.#docs.queryPage(tenantId, tenantId, {}, page);
  }
}
