import { isAppError, type Page, type PageRequest, type Stored, type TenantId } from '@pc/core';
import type { TenantSettings, TenantSettingsStore } from '@pc/core/usecases';
import type { KeyValueFactory } from './bot-state.ts';
import type { KeyValueCollection } from './key-value-collection.ts';

type SettingsDocument = TenantSettings & { readonly tenantId: TenantId; readonly id: string };

const CURRENT = 'current';
const HISTORY = 'history';
/** Zero-padded so the ids of versions sort as the versions do. */
const versionId = (version: number): string => `v${String(version).padStart(8, '0')}`;

const strip = ({ item, etag }: Stored<SettingsDocument>): Stored<TenantSettings> => {
  const { tenantId: _t, id: _id, ...settings } = item;
  return { item: settings, etag };
};

/**
 * A tenant's settings in the `state` container: the current version, updated with its ETag, and
 * each version kept as its own document that is never changed again.
 */
export class CosmosTenantSettingsStore implements TenantSettingsStore {
  readonly #current: KeyValueCollection<SettingsDocument>;
  readonly #history: KeyValueCollection<SettingsDocument>;

  constructor(keyValues: KeyValueFactory) {
    this.#current = keyValues<SettingsDocument>('tenant-settings', () => CURRENT);
    this.#history = keyValues<SettingsDocument>('tenant-settings-history', () => HISTORY);
  }

  async current(tenantId: TenantId): Promise<Stored<TenantSettings> | undefined> {
    const found = await this.#current.get(tenantId, CURRENT, CURRENT);
    return found === undefined ? undefined : strip(found);
  }

  async create(tenantId: TenantId, settings: TenantSettings): Promise<Stored<TenantSettings>> {
    const saved = strip(await this.#current.create({ ...settings, tenantId, id: CURRENT }));
    await this.#record(tenantId, settings);
    return saved;
  }

  async update(tenantId: TenantId, settings: TenantSettings, etag: string): Promise<Stored<TenantSettings>> {
    const saved = strip(await this.#current.update({ ...settings, tenantId, id: CURRENT }, etag));
    await this.#record(tenantId, settings);
    return saved;
  }

  async history(tenantId: TenantId, page?: PageRequest): Promise<Page<TenantSettings>> {
    const found = await this.#history.listByPartition(tenantId, HISTORY, page, { field: 'version', direction: 'DESC' });
    return {
      items: found.items.map(({ tenantId: _t, id: _id, ...settings }) => settings),
      ...(found.continuationToken === undefined ? {} : { continuationToken: found.continuationToken }),
    };
  }

  /** The version's own document; already there when a change is retried after it was written. */
  async #record(tenantId: TenantId, settings: TenantSettings): Promise<void> {
    try {
      await this.#history.create({ ...settings, tenantId, id: versionId(settings.version) });
    } catch (error) {
      if (!isAppError(error) || error.code !== 'conflict') throw error;
    }
  }
}
