import type { Container, SqlParameter } from '@azure/cosmos';
import {
  addDays,
  type AuditEvent,
  type AuditLog,
  type AuditQuery,
  type Page,
  type PageRequest,
  type PersonId,
  type TenantId,
} from '@pc/core';
import { personPartition } from './containers.ts';
import { DocumentCollection, type RequestCounter } from './document-collection.ts';

/** Append-only by construction: this class exposes no update or delete, and nothing else writes `audit`. */
export class CosmosAuditLog implements AuditLog {
  readonly #docs: DocumentCollection<AuditEvent>;

  constructor(container: Container, counter: RequestCounter) {
    this.#docs = new DocumentCollection<AuditEvent>({
      container,
      docType: 'audit',
      id: (e) => e.id,
      partitionKey: (e) => personPartition(e.tenantId, e.subjectId),
      tenantId: (e) => e.tenantId,
      counter,
    });
  }

  /** An event id that already exists is 'conflict': an event is never rewritten. */
  async append(event: AuditEvent): Promise<void> {
    await this.#docs.create(event);
  }

  listForSubject(tenantId: TenantId, subjectId: PersonId, page?: PageRequest): Promise<Page<AuditEvent>> {
    return this.#docs.queryPage(
      tenantId,
      personPartition(tenantId, subjectId),
      {
        where: 'c.subjectId = @subjectId',
        parameters: [{ name: '@subjectId', value: subjectId }],
        orderBy: 'c.at DESC',
      },
      page,
    );
  }

  /** Cross-partition within the tenant, each filter a parameter of one paged query. */
  listForTenant(tenantId: TenantId, query: AuditQuery, page?: PageRequest): Promise<Page<AuditEvent>> {
    const clauses: string[] = [];
    const parameters: SqlParameter[] = [];
    const add = (clause: string, name: string, value: string | undefined) => {
      if (value === undefined) return;
      clauses.push(clause);
      parameters.push({ name, value });
    };
    add('c.subjectId = @subjectId', '@subjectId', query.subjectId);
    add('c.actorId = @actorId', '@actorId', query.actorId);
    add('c.action = @action', '@action', query.action);
    add('c.at >= @from', '@from', query.from);
    // Times are ISO strings: before the start of the day after `to` keeps all of `to`.
    add('c.at < @before', '@before', query.to === undefined ? undefined : addDays(query.to, 1));
    return this.#docs.queryTenantPage(
      tenantId,
      { ...(clauses.length === 0 ? {} : { where: clauses.join(' AND ') }), parameters, orderBy: 'c.at DESC' },
      page,
    );
  }
}
