import type { Container } from '@azure/cosmos';
import type { FeedbackEntry, FeedbackRepository, Page, PageRequest, PersonId, Stored, TenantId } from '@pc/core';
import { personPartition } from './containers.ts';
import { DocumentCollection, type RequestCounter } from './document-collection.ts';

export class CosmosFeedbackRepository implements FeedbackRepository {
  readonly #docs: DocumentCollection<FeedbackEntry>;

  constructor(container: Container, counter: RequestCounter) {
    this.#docs = new DocumentCollection<FeedbackEntry>({
      container,
      docType: 'feedback',
      id: (f) => f.id,
      partitionKey: (f) => personPartition(f.tenantId, f.subjectId),
      tenantId: (f) => f.tenantId,
      counter,
      // Notes arrive in bursts from the bot; those written at the same moment share one request.
      groupCreates: true,
    });
  }

  create(entry: FeedbackEntry): Promise<Stored<FeedbackEntry>> {
    return this.#docs.create(entry);
  }

  get(tenantId: TenantId, subjectId: PersonId, id: string): Promise<Stored<FeedbackEntry> | undefined> {
    return this.#docs.read(tenantId, personPartition(tenantId, subjectId), id);
  }

  update(entry: FeedbackEntry, etag: string): Promise<Stored<FeedbackEntry>> {
    return this.#docs.replace(entry, etag);
  }

  listForSubject(tenantId: TenantId, subjectId: PersonId, page?: PageRequest): Promise<Page<FeedbackEntry>> {
    return this.#docs.queryPage(
      tenantId,
      personPartition(tenantId, subjectId),
      {
        where: 'c.subjectId = @subjectId',
        parameters: [{ name: '@subjectId', value: subjectId }],
        orderBy: 'c.createdAt DESC',
      },
      page,
    );
  }
}
