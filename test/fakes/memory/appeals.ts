import type { Page, PageRequest, Stored, TenantId } from '@pc/core';
import type { AppealCase, AppealRepository, DisagreementCase, DisagreementRepository } from '@pc/core/usecases';
import { MemoryDocuments } from './documents.ts';

/** One partition per tenant, as in Cosmos (`state`, kind appeals). */
const ALL = 'all';

export class InMemoryAppealRepository implements AppealRepository {
  readonly #docs = new MemoryDocuments<AppealCase>({
    id: (a) => a.id,
    tenantId: (a) => a.tenantId,
    partition: () => ALL,
  });

  get(tenantId: TenantId, id: string): Promise<Stored<AppealCase> | undefined> {
    return this.#docs.get(tenantId, ALL, id);
  }

  create(appeal: AppealCase): Promise<Stored<AppealCase>> {
    return this.#docs.create(appeal);
  }

  update(appeal: AppealCase, etag: string): Promise<Stored<AppealCase>> {
    return this.#docs.replace(appeal, etag);
  }

  list(tenantId: TenantId, options: { readonly open?: boolean } = {}, page?: PageRequest): Promise<Page<AppealCase>> {
    return this.#docs.page(
      tenantId,
      ALL,
      page,
      (a) => options.open !== true || a.stage !== 'decided',
      (a, b) => a.lodgedOn.localeCompare(b.lodgedOn) || a.id.localeCompare(b.id),
    );
  }
}

export class InMemoryDisagreementRepository implements DisagreementRepository {
  readonly #docs = new MemoryDocuments<DisagreementCase>({
    id: (d) => d.id,
    tenantId: (d) => d.tenantId,
    partition: () => ALL,
  });

  get(tenantId: TenantId, id: string): Promise<Stored<DisagreementCase> | undefined> {
    return this.#docs.get(tenantId, ALL, id);
  }

  put(disagreement: DisagreementCase, etag?: string): Promise<Stored<DisagreementCase>> {
    return etag === undefined ? this.#docs.create(disagreement) : this.#docs.replace(disagreement, etag);
  }

  list(
    tenantId: TenantId,
    options: { readonly open?: boolean } = {},
    page?: PageRequest,
  ): Promise<Page<DisagreementCase>> {
    return this.#docs.page(
      tenantId,
      ALL,
      page,
      (d) => options.open !== true || d.stage !== 'closed',
      (a, b) => a.recordedAt.localeCompare(b.recordedAt) || a.id.localeCompare(b.id),
    );
  }
}
