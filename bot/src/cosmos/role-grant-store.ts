import type { Page, PageRequest, PersonId, TenantId } from '@pc/core';
import type { RoleGrant, RoleGrantStore } from '@pc/core/usecases';
import type { KeyValueFactory } from './bot-state.ts';
import type { KeyValueCollection } from './key-value-collection.ts';

type GrantDocument = RoleGrant & { readonly id: string };

const PARTITION = 'grants';

/** The roles Entra granted each person at their last sign-in, one document per person in the `state` container. */
export class CosmosRoleGrantStore implements RoleGrantStore {
  readonly #docs: KeyValueCollection<GrantDocument>;

  constructor(keyValues: KeyValueFactory) {
    this.#docs = keyValues<GrantDocument>('role-grant', () => PARTITION);
  }

  async get(tenantId: TenantId, personId: PersonId): Promise<RoleGrant | undefined> {
    const found = await this.#docs.get(tenantId, PARTITION, personId);
    if (found === undefined) return undefined;
    const { id: _id, ...grant } = found.item;
    return grant;
  }

  async put(grant: RoleGrant): Promise<void> {
    await this.#docs.put({ ...grant, id: grant.personId });
  }

  async list(tenantId: TenantId, page?: PageRequest): Promise<Page<RoleGrant>> {
    const found = await this.#docs.listByPartition(tenantId, PARTITION, page);
    return {
      items: found.items.map(({ id: _id, ...grant }) => grant),
      ...(found.continuationToken === undefined ? {} : { continuationToken: found.continuationToken }),
    };
  }
}
