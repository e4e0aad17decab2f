import type { Container } from '@azure/cosmos';
import type { AuditEvent, AuditLog, Page, PageRequest, PersonId, TenantId } from '@pc/core';
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
}
