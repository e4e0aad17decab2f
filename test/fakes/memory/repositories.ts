import type {
  AgendaAppend,
  AgendaItem,
  AuditEvent,
  AuditLog,
  AuditQuery,
  ConversationQuery,
  ConversationRecord,
  ConversationRepository,
  Employee,
  EmployeeRepository,
  FeedbackEntry,
  FeedbackRepository,
  IsoDateTime,
  Objective,
  ObjectiveRepository,
  Page,
  PageRequest,
  PersonId,
  Stored,
  Tenant,
  TenantConversationQuery,
  TenantId,
  TenantRepository,
} from '@pc/core';
import { addDays } from '@pc/core';
import { MemoryDocuments, newestFirst } from './documents.ts';

/** In-memory repositories for core's ports, held to the same contract suites as the Cosmos adapters. */

export class InMemoryTenantRepository implements TenantRepository {
  readonly #docs = new MemoryDocuments<Tenant>({
    id: (t) => t.tenantId,
    tenantId: (t) => t.tenantId,
    partition: (t) => t.tenantId,
  });

  get(tenantId: TenantId): Promise<Stored<Tenant> | undefined> {
    return this.#docs.get(tenantId, tenantId, tenantId);
  }

  put(tenant: Tenant): Promise<Stored<Tenant>> {
    return this.#docs.upsert(tenant);
  }
}

/** One partition per tenant, as in Cosmos. */
const WHOLE_TENANT = '';

export class InMemoryEmployeeRepository implements EmployeeRepository {
  readonly #docs = new MemoryDocuments<Employee>({
    id: (e) => e.id,
    tenantId: (e) => e.tenantId,
    partition: () => WHOLE_TENANT,
  });

  get(tenantId: TenantId, id: PersonId): Promise<Stored<Employee> | undefined> {
    return this.#docs.get(tenantId, WHOLE_TENANT, id);
  }

  create(employee: Employee): Promise<Stored<Employee>> {
    return this.#docs.create(employee);
  }

  update(employee: Employee, etag: string): Promise<Stored<Employee>> {
    return this.#docs.replace(employee, etag);
  }

  listReports(tenantId: TenantId, managerId: PersonId): Promise<readonly Employee[]> {
    return Promise.resolve(
      this.#docs.all(tenantId, WHOLE_TENANT, (e) => e.jobs.some((j) => j.managerIds.includes(managerId))),
    );
  }

  list(tenantId: TenantId, page?: PageRequest): Promise<Page<Employee>> {
    return this.#docs.page(tenantId, WHOLE_TENANT, page);
  }

  listAll(tenantId: TenantId): Promise<readonly Employee[]> {
    return Promise.resolve(this.#docs.all(tenantId, WHOLE_TENANT));
  }

  listAllStored(tenantId: TenantId): Promise<readonly Stored<Employee>[]> {
    return Promise.resolve(this.#docs.allStored(tenantId, WHOLE_TENANT));
  }
}

const inRange = (query: ConversationQuery) => (c: ConversationRecord) =>
  (query.type === undefined || c.type === query.type) &&
  (query.from === undefined || c.date >= query.from) &&
  (query.to === undefined || c.date <= query.to);

export class InMemoryConversationRepository implements ConversationRepository {
  readonly #docs = new MemoryDocuments<ConversationRecord>({
    id: (c) => c.id,
    tenantId: (c) => c.tenantId,
    partition: (c) => c.employeeId,
  });

  get(tenantId: TenantId, employeeId: PersonId, id: string): Promise<Stored<ConversationRecord> | undefined> {
    return this.#docs.get(tenantId, employeeId, id);
  }

  create(record: ConversationRecord): Promise<Stored<ConversationRecord>> {
    return this.#docs.create(record);
  }

  update(record: ConversationRecord, etag: string): Promise<Stored<ConversationRecord>> {
    return this.#docs.replace(record, etag);
  }

  appendToAgenda(
    tenantId: TenantId,
    employeeId: PersonId,
    conversationId: string,
    item: AgendaItem,
    updatedAt: IsoDateTime,
  ): Promise<AgendaAppend> {
    let outcome: AgendaAppend = 'not-booked';
    this.#docs.modify(tenantId, employeeId, conversationId, (c) => {
      if (c.status !== 'booked') return undefined;
      if (c.agenda.some((a) => a.id === item.id)) {
        outcome = 'already-there';
        return undefined;
      }
      outcome = 'added';
      return { ...c, agenda: [...c.agenda, item], updatedAt };
    });
    return Promise.resolve(outcome);
  }

  listForTenant(
    tenantId: TenantId,
    query: TenantConversationQuery,
    page?: PageRequest,
  ): Promise<Page<ConversationRecord>> {
    const people = query.employeeIds === undefined ? undefined : new Set(query.employeeIds);
    return this.#docs.tenantPage(
      tenantId,
      page,
      (c) => c.date >= query.from && c.date <= query.to && (people === undefined || people.has(c.employeeId)),
      (a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id),
    );
  }

  listPendingBookings(
    tenantId: TenantId,
    updatedBefore: IsoDateTime,
    page?: PageRequest,
  ): Promise<Page<ConversationRecord>> {
    return this.#docs.tenantPage(
      tenantId,
      page,
      (c) => c.status === 'booked' && c.booking?.pending === 'invitations' && c.updatedAt < updatedBefore,
      (a, b) => a.updatedAt.localeCompare(b.updatedAt) || a.id.localeCompare(b.id),
    );
  }

  listForEmployee(
    tenantId: TenantId,
    employeeId: PersonId,
    query: ConversationQuery = {},
    page?: PageRequest,
  ): Promise<Page<ConversationRecord>> {
    return this.#docs.page(
      tenantId,
      employeeId,
      page,
      inRange(query),
      newestFirst((c) => c.date),
    );
  }
}

export class InMemoryObjectiveRepository implements ObjectiveRepository {
  readonly #docs = new MemoryDocuments<Objective>({
    id: (o) => o.id,
    tenantId: (o) => o.tenantId,
    partition: (o) => o.ownerId,
  });

  get(tenantId: TenantId, ownerId: PersonId, id: string): Promise<Stored<Objective> | undefined> {
    return this.#docs.get(tenantId, ownerId, id);
  }

  create(objective: Objective): Promise<Stored<Objective>> {
    return this.#docs.create(objective);
  }

  update(objective: Objective, etag: string): Promise<Stored<Objective>> {
    return this.#docs.replace(objective, etag);
  }

  listForOwner(tenantId: TenantId, ownerId: PersonId, page?: PageRequest): Promise<Page<Objective>> {
    return this.#docs.page(
      tenantId,
      ownerId,
      page,
      undefined,
      newestFirst((o) => o.createdAt),
    );
  }
}

export class InMemoryFeedbackRepository implements FeedbackRepository {
  readonly #docs = new MemoryDocuments<FeedbackEntry>({
    id: (f) => f.id,
    tenantId: (f) => f.tenantId,
    partition: (f) => f.subjectId,
  });

  create(entry: FeedbackEntry): Promise<Stored<FeedbackEntry>> {
    return this.#docs.create(entry);
  }

  get(tenantId: TenantId, subjectId: PersonId, id: string): Promise<Stored<FeedbackEntry> | undefined> {
    return this.#docs.get(tenantId, subjectId, id);
  }

  update(entry: FeedbackEntry, etag: string): Promise<Stored<FeedbackEntry>> {
    return this.#docs.replace(entry, etag);
  }

  listForSubject(tenantId: TenantId, subjectId: PersonId, page?: PageRequest): Promise<Page<FeedbackEntry>> {
    return this.#docs.page(
      tenantId,
      subjectId,
      page,
      undefined,
      newestFirst((f) => f.createdAt),
    );
  }
}

/** Append-only: no update, no delete; an id that exists is 'conflict'. */
export class InMemoryAuditLog implements AuditLog {
  readonly #docs = new MemoryDocuments<AuditEvent>({
    id: (e) => e.id,
    tenantId: (e) => e.tenantId,
    partition: (e) => e.subjectId,
  });

  async append(event: AuditEvent): Promise<void> {
    await this.#docs.create(event);
  }

  listForSubject(tenantId: TenantId, subjectId: PersonId, page?: PageRequest): Promise<Page<AuditEvent>> {
    return this.#docs.page(
      tenantId,
      subjectId,
      page,
      undefined,
      newestFirst((e) => e.at),
    );
  }

  listForTenant(tenantId: TenantId, query: AuditQuery, page?: PageRequest): Promise<Page<AuditEvent>> {
    const before = query.to === undefined ? undefined : addDays(query.to, 1);
    return this.#docs.tenantPage(
      tenantId,
      page,
      (e) =>
        (query.subjectId === undefined || e.subjectId === query.subjectId) &&
        (query.actorId === undefined || e.actorId === query.actorId) &&
        (query.action === undefined || e.action === query.action) &&
        (query.from === undefined || e.at >= query.from) &&
        (before === undefined || e.at < before),
      newestFirst((e) => e.at),
    );
  }
}
