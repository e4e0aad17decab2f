import type { PersonId, Stored, TenantId } from '@pc/core';
import type { TeamThemes, TeamThemesRepository } from '@pc/core/usecases';
import type { KeyValueCollection } from './key-value-collection.ts';
import type { Store } from './store.ts';

/** One document per manager: its id is the manager's id, in the manager's own partition. */
type ThemesDocument = TeamThemes & { readonly id: string };

const withoutId = ({ item, etag }: Stored<ThemesDocument>): Stored<TeamThemes> => {
  const { id: _id, ...themes } = item;
  return { item: themes, etag };
};

/** Team Themes (000) in the `state` container, ETag-guarded like every other record. */
export class CosmosTeamThemesRepository implements TeamThemesRepository {
  readonly #docs: KeyValueCollection<ThemesDocument>;

  constructor(store: Pick<Store, 'keyValues'>) {
    this.#docs = store.keyValues<ThemesDocument>('team-themes', (doc) => doc.managerId);
  }

  async get(tenantId: TenantId, managerId: PersonId): Promise<Stored<TeamThemes> | undefined> {
    const found = await this.#docs.get(tenantId, managerId, managerId);
    return found === undefined ? undefined : withoutId(found);
  }

  async put(themes: TeamThemes, etag?: string): Promise<Stored<TeamThemes>> {
    const doc: ThemesDocument = { ...themes, id: themes.managerId };
    return withoutId(etag === undefined ? await this.#docs.create(doc) : await this.#docs.update(doc, etag));
  }
}
