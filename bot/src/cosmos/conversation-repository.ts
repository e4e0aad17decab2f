import type { Container, SqlParameter } from '@azure/cosmos';
import type {
  ConversationQuery,
  ConversationRecord,
  ConversationRepository,
  Page,
  PageRequest,
  PersonId,
  Stored,
  TenantId,
} from '@pc/core';
import { personPartition } from './containers.ts';
import { DocumentCollection, type RequestCounter } from './document-collection.ts';

export class CosmosConversationRepository implements ConversationRepository {
  readonly #docs: DocumentCollection<ConversationRecord>;

  constructor(container: Container, counter: RequestCounter) {
    this.#docs = new DocumentCollection<ConversationRecord>({
      container,
      docType: 'conversation',
      id: (r) => r.id,
      partitionKey: (r) => personPartition(r.tenantId, r.employeeId),
      tenantId: (r) => r.tenantId,
      counter,
    });
  }

  get(tenantId: TenantId, employeeId: PersonId, id: string): Promise<Stored<ConversationRecord> | undefined> {
    return this.#docs.read(tenantId, personPartition(tenantId, employeeId), id);
  }

  create(record: ConversationRecord): Promise<Stored<ConversationRecord>> {
    return this.#docs.create(record);
  }

  update(record: ConversationRecord, etag: string): Promise<Stored<ConversationRecord>> {
    return this.#docs.replace(record, etag);
  }

  listForEmployee(
    tenantId: TenantId,
    employeeId: PersonId,
    query: ConversationQuery = {},
    page?: PageRequest,
  ): Promise<Page<ConversationRecord>> {
    const clauses: string[] = ['c.employeeId = @employeeId'];
    const parameters: SqlParameter[] = [{ name: '@employeeId', value: employeeId }];
    if (query.type !== undefined) {
      clauses.push('c.type = @type');
      parameters.push({ name: '@type', value: query.type });
    }
    if (query.from !== undefined) {
      clauses.push('c.date >= @from');
      parameters.push({ name: '@from', value: query.from });
    }
    if (query.to !== undefined) {
      clauses.push('c.date <= @to');
      parameters.push({ name: '@to', value: query.to });
    }
    return this.#docs.queryPage(
      tenantId,
      personPartition(tenantId, employeeId),
      { where: clauses.join(' AND '), parameters, orderBy: 'c.date DESC' },
      page,
    );
  }
}
