import type { Container } from '@azure/cosmos';
import type { Stored, Tenant, TenantId, TenantRepository } from '@pc/core';
import { DocumentCollection, type RequestCounter } from './document-collection.ts';

export class CosmosTenantRepository implements TenantRepository {
  readonly #docs: DocumentCollection<Tenant>;

  constructor(container: Container, counter: RequestCounter) {
    this.#docs = new DocumentCollection<Tenant>({
      container,
      docType: 'tenant',
      id: (t) => t.tenantId,
      partitionKey: (t) => t.tenantId,
      tenantId: (t) => t.tenantId,
      derivedFields: ['id'],
      counter,
    });
  }

  get(tenantId: TenantId): Promise<Stored<Tenant> | undefined> {
    return this.#docs.read(tenantId, tenantId, tenantId);
  }

  /** Tenant settings have one writer (onboarding/admin), so last write wins. */
  put(tenant: Tenant): Promise<Stored<Tenant>> {
    return this.#docs.upsert(tenant);
  }
}
