import type { Container, SqlParameter } from '@azure/cosmos';
import {
  AppError,
  type AgendaAppend,
  type AgendaItem,
  type ConversationQuery,
  type ConversationRecord,
  type ConversationRepository,
  type IsoDateTime,
  type Page,
  type PageRequest,
  type PersonId,
  type Stored,
  type TenantConversationQuery,
  type TenantId,
} from '@pc/core';
import { personPartition } from './containers.ts';
import { DocumentCollection, type RequestCounter } from './document-collection.ts';

/** Ids that may be written into a patch predicate as they are (it takes no parameters). */
const PLAIN_ID = /^[A-Za-z0-9_.:-]{1,255}$/;

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

  /**
   * One conditional patch: append to `/agenda` if the conversation is still booked and has no
   * item with this id. Concurrent appends never conflict, so none is refused under contention;
   * the condition makes a repeated delivery a no-op. Only when it is not met is the record read,
   * to tell "already there" from "not booked".
   */
  async appendToAgenda(
    tenantId: TenantId,
    employeeId: PersonId,
    conversationId: string,
    item: AgendaItem,
    updatedAt: IsoDateTime,
  ): Promise<AgendaAppend> {
    if (!PLAIN_ID.test(item.id)) throw new AppError('internal', 'An agenda item id must be a plain id');
    // The partition names the tenant and the person, and the container holds conversations only.
    const partition = personPartition(tenantId, employeeId);
    try {
      const applied = await this.#docs.patchIf(
        partition,
        conversationId,
        [
          { op: 'add', path: '/agenda/-', value: item },
          { op: 'set', path: '/updatedAt', value: updatedAt },
        ],
        `FROM c WHERE c.status = 'booked' AND NOT ARRAY_CONTAINS(c.agenda, {"id": "${item.id}"}, true)`,
      );
      if (applied) return 'added';
    } catch (error) {
      if (error instanceof AppError && error.code === 'not-found') return 'not-booked';
      throw error;
    }
    const after = await this.#docs.read(tenantId, partition, conversationId);
    if (after?.item.agenda.some((a) => a.id === item.id) === true) return 'already-there';
    return 'not-booked';
  }

  /** Cross-partition within the tenant: an HR export, not a page a person waits on. */
  listForTenant(
    tenantId: TenantId,
    query: TenantConversationQuery,
    page?: PageRequest,
  ): Promise<Page<ConversationRecord>> {
    const clauses = ['c.date >= @from', 'c.date <= @to'];
    const parameters: SqlParameter[] = [
      { name: '@from', value: query.from },
      { name: '@to', value: query.to },
    ];
    if (query.employeeIds !== undefined) {
      clauses.push('ARRAY_CONTAINS(@employeeIds, c.employeeId)');
      parameters.push({ name: '@employeeIds', value: [...query.employeeIds] });
    }
    return this.#docs.queryTenantPage(
      tenantId,
      { where: clauses.join(' AND '), parameters, orderBy: 'c.date ASC' },
      page,
    );
  }

  /** Cross-partition within the tenant: the booking sweep's background read, a page at a time. */
  listPendingBookings(
    tenantId: TenantId,
    updatedBefore: IsoDateTime,
    page?: PageRequest,
  ): Promise<Page<ConversationRecord>> {
    return this.#docs.queryTenantPage(
      tenantId,
      {
        where: "c.status = 'booked' AND c.booking.pending = 'invitations' AND c.updatedAt < @before",
        parameters: [{ name: '@before', value: updatedBefore }],
        orderBy: 'c.updatedAt ASC',
      },
      page,
    );
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
