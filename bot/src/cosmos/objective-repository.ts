import type { Container } from '@azure/cosmos';
import type { Objective, ObjectiveRepository, Page, PageRequest, PersonId, Stored, TenantId } from '@pc/core';
import { personPartition } from './containers.ts';
import { DocumentCollection, type RequestCounter } from './document-collection.ts';

export class CosmosObjectiveRepository implements ObjectiveRepository {
  readonly #docs: DocumentCollection<Objective>;

  constructor(container: Container, counter: RequestCounter) {
    this.#docs = new DocumentCollection<Objective>({
      container,
      docType: 'objective',
      id: (o) => o.id,
      partitionKey: (o) => personPartition(o.tenantId, o.ownerId),
      tenantId: (o) => o.tenantId,
      counter,
    });
  }

  get(tenantId: TenantId, ownerId: PersonId, id: string): Promise<Stored<Objective> | undefined> {
    return this.#docs.read(tenantId, personPartition(tenantId, ownerId), id);
  }

  create(objective: Objective): Promise<Stored<Objective>> {
    return this.#docs.create(objective);
  }

  update(objective: Objective, etag: string): Promise<Stored<Objective>> {
    return this.#docs.replace(objective, etag);
  }

  /** Newest first. */
  listForOwner(tenantId: TenantId, ownerId: PersonId, page?: PageRequest): Promise<Page<Objective>> {
    return this.#docs.queryPage(
      tenantId,
      personPartition(tenantId, ownerId),
      {
        where: 'c.ownerId = @ownerId',
        parameters: [{ name: '@ownerId', value: ownerId }],
        orderBy: 'c.createdAt DESC',
      },
      page,
    );
  }
}
