import type { Page, PageRequest, Stored, TenantId } from '@pc/core';
import type { AppealCase, AppealRepository, DisagreementCase, DisagreementRepository } from '@pc/core/usecases';
import type { KeyValueCollection } from './key-value-collection.ts';
import type { Store } from './store.ts';

/**
 * Appeals and disagreement cases in the `state` container, one partition per tenant and kind:
 * they are few beside reviews, and HR's queue is then one single-partition query.
 */
const ALL = 'all';
const OPEN_APPEAL_STAGES = ['lodged', 'acknowledged', 'hearing-recorded'];
const OPEN_DISAGREEMENT_STAGES = ['open', 'form-sent'];

const itemsOf = <T>(page: Page<Stored<T>>): Page<T> => ({
  items: page.items.map((s) => s.item),
  ...(page.continuationToken === undefined ? {} : { continuationToken: page.continuationToken }),
});

export class CosmosAppealRepository implements AppealRepository {
  readonly #docs: KeyValueCollection<AppealCase>;

  constructor(store: Pick<Store, 'keyValues'>) {
    this.#docs = store.keyValues<AppealCase>('appeals', () => ALL);
  }

  get(tenantId: TenantId, id: string): Promise<Stored<AppealCase> | undefined> {
    return this.#docs.get(tenantId, ALL, id);
  }

  create(appeal: AppealCase): Promise<Stored<AppealCase>> {
    return this.#docs.create(appeal);
  }

  update(appeal: AppealCase, etag: string): Promise<Stored<AppealCase>> {
    return this.#docs.update(appeal, etag);
  }

  async list(tenantId: TenantId, options: { readonly open?: boolean } = {}, page?: PageRequest) {
    return itemsOf(
      await this.#docs.listStoredByPartition(tenantId, ALL, {
        ...(page === undefined ? {} : { page }),
        sort: { field: 'lodgedOn', direction: 'ASC' },
        ...(options.open === true ? { only: { field: 'stage', values: OPEN_APPEAL_STAGES } } : {}),
      }),
    );
  }
}

export class CosmosDisagreementRepository implements DisagreementRepository {
  readonly #docs: KeyValueCollection<DisagreementCase>;

  constructor(store: Pick<Store, 'keyValues'>) {
    this.#docs = store.keyValues<DisagreementCase>('disagreements', () => ALL);
  }

  get(tenantId: TenantId, id: string): Promise<Stored<DisagreementCase> | undefined> {
    return this.#docs.get(tenantId, ALL, id);
  }

  put(disagreement: DisagreementCase, etag?: string): Promise<Stored<DisagreementCase>> {
    return etag === undefined ? this.#docs.create(disagreement) : this.#docs.update(disagreement, etag);
  }

  async list(tenantId: TenantId, options: { readonly open?: boolean } = {}, page?: PageRequest) {
    return itemsOf(
      await this.#docs.listStoredByPartition(tenantId, ALL, {
        ...(page === undefined ? {} : { page }),
        sort: { field: 'recordedAt', direction: 'ASC' },
        ...(options.open === true ? { only: { field: 'stage', values: OPEN_DISAGREEMENT_STAGES } } : {}),
      }),
    );
  }
}
