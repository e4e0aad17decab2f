import type { AuditEvent } from '../domain/audit.ts';
import type { AgendaItem, ConversationRecord, ConversationTypeId } from '../domain/conversations.ts';
import type { FeedbackEntry } from '../domain/feedback.ts';
import type { Objective } from '../domain/objectives.ts';
import type { Employee, PersonId, Tenant, TenantId } from '../domain/people.ts';
import type { IsoDate, IsoDateTime } from '../time/dates.ts';

/** A stored item with the ETag its next update must present (stale → AppError 'conflict'). */
export interface Stored<T> {
  readonly item: T;
  readonly etag: string;
}

export interface PageRequest {
  /** 1–100; adapters choose a default. */
  readonly pageSize?: number;
  readonly continuationToken?: string;
}

export interface Page<T> {
  readonly items: readonly T[];
  /** Absent on the last page. */
  readonly continuationToken?: string;
}

/*
 * Contract shared by every repository:
 * - get → undefined when absent (never throws not-found);
 * - create → AppError 'conflict' when the id exists;
 * - update(item, etag) → AppError 'conflict' when the etag is stale, 'not-found' when absent;
 * - nothing ever crosses tenants.
 */

export interface TenantRepository {
  get(tenantId: TenantId): Promise<Stored<Tenant> | undefined>;
  put(tenant: Tenant): Promise<Stored<Tenant>>;
}

export interface EmployeeRepository {
  get(tenantId: TenantId, id: PersonId): Promise<Stored<Employee> | undefined>;
  create(employee: Employee): Promise<Stored<Employee>>;
  update(employee: Employee, etag: string): Promise<Stored<Employee>>;
  /** Everyone with a job whose managers include `managerId`. */
  listReports(tenantId: TenantId, managerId: PersonId): Promise<readonly Employee[]>;
  list(tenantId: TenantId, page?: PageRequest): Promise<Page<Employee>>;
  /** Everyone in the tenant in as few requests as the store allows: for whole-organisation work (an HR import). */
  listAll(tenantId: TenantId): Promise<readonly Employee[]>;
  /** As listAll, with each record's version, for work that goes on to update what it listed (an HR import). */
  listAllStored(tenantId: TenantId): Promise<readonly Stored<Employee>[]>;
}

export interface ConversationQuery {
  readonly type?: ConversationTypeId;
  readonly from?: IsoDate;
  readonly to?: IsoDate;
}

/** What `appendToAgenda` did: added the item, found it there already, or found no booked conversation. */
export type AgendaAppend = 'added' | 'already-there' | 'not-booked';

/** Conversations dated within a range across a tenant, for exports (e.g. completions for iTrent). */
export interface TenantConversationQuery {
  readonly from: IsoDate;
  readonly to: IsoDate;
  /** Only these people's conversations (at most 100 ids); everyone's in the tenant when absent. */
  readonly employeeIds?: readonly PersonId[];
}

export interface ConversationRepository {
  get(tenantId: TenantId, employeeId: PersonId, id: string): Promise<Stored<ConversationRecord> | undefined>;
  create(record: ConversationRecord): Promise<Stored<ConversationRecord>>;
  update(record: ConversationRecord, etag: string): Promise<Stored<ConversationRecord>>;
  /**
   * Appends `item` to the agenda of a conversation that is still booked, unless an item with the
   * same id is on it already, as one write that needs no ETag: any number of notes may join one
   * agenda at once and none is turned away ('not-booked' when the conversation is missing or no
   * longer booked). Item ids of letters, digits, '-', '_', '.' and ':' only.
   */
  appendToAgenda(
    tenantId: TenantId,
    employeeId: PersonId,
    conversationId: string,
    item: AgendaItem,
    updatedAt: IsoDateTime,
  ): Promise<AgendaAppend>;
  /**
   * A tenant's conversations dated `from`–`to` inclusive, oldest first, in pages across people:
   * one paged query instead of one per person's history.
   */
  listForTenant(
    tenantId: TenantId,
    query: TenantConversationQuery,
    page?: PageRequest,
  ): Promise<Page<ConversationRecord>>;
  /** Newest first. */
  listForEmployee(
    tenantId: TenantId,
    employeeId: PersonId,
    query?: ConversationQuery,
    page?: PageRequest,
  ): Promise<Page<ConversationRecord>>;
  /**
   * A tenant's booked conversations whose invitations are still pending and whose record was last
   * written before `updatedBefore`, least recently written first: the bookings a client started
   * and never retried, which the booking sweep finishes (issue #17.7).
   */
  listPendingBookings(
    tenantId: TenantId,
    updatedBefore: IsoDateTime,
    page?: PageRequest,
  ): Promise<Page<ConversationRecord>>;
}

export interface ObjectiveRepository {
  get(tenantId: TenantId, ownerId: PersonId, id: string): Promise<Stored<Objective> | undefined>;
  create(objective: Objective): Promise<Stored<Objective>>;
  update(objective: Objective, etag: string): Promise<Stored<Objective>>;
  listForOwner(tenantId: TenantId, ownerId: PersonId, page?: PageRequest): Promise<Page<Objective>>;
}

export interface FeedbackRepository {
  /** Creating an entry whose id exists is 'conflict'; callers use a deterministic id for idempotency. */
  create(entry: FeedbackEntry): Promise<Stored<FeedbackEntry>>;
  get(tenantId: TenantId, subjectId: PersonId, id: string): Promise<Stored<FeedbackEntry> | undefined>;
  update(entry: FeedbackEntry, etag: string): Promise<Stored<FeedbackEntry>>;
  /** Newest first. */
  listForSubject(tenantId: TenantId, subjectId: PersonId, page?: PageRequest): Promise<Page<FeedbackEntry>>;
}

/** The auditor's filters over a tenant's audit trail; each one given narrows it. */
export interface AuditQuery {
  readonly subjectId?: PersonId;
  readonly actorId?: PersonId;
  readonly action?: AuditEvent['action'];
  /** Events on or after this date. */
  readonly from?: IsoDate;
  /** Events on or before this date. */
  readonly to?: IsoDate;
}

/** Append-only: no update, no delete. */
export interface AuditLog {
  append(event: AuditEvent): Promise<void>;
  /** Newest first. */
  listForSubject(tenantId: TenantId, subjectId: PersonId, page?: PageRequest): Promise<Page<AuditEvent>>;
  /** Newest first, across everyone in the tenant (the auditor's trail): one paged query. */
  listForTenant(tenantId: TenantId, query: AuditQuery, page?: PageRequest): Promise<Page<AuditEvent>>;
}
