import type { PersonId, Stored, TenantId } from '@pc/core';
import type { HandoverNote, HandoverRepository } from '@pc/core/usecases';
import type { KeyValueCollection } from './key-value-collection.ts';
import type { Store } from './store.ts';

/** Handover notes (000 Internal Transfers) in the `state` container, one partition per employee. */
export class CosmosHandoverRepository implements HandoverRepository {
  readonly #docs: KeyValueCollection<HandoverNote>;

  constructor(store: Pick<Store, 'keyValues'>) {
    this.#docs = store.keyValues<HandoverNote>('handover', (note) => note.employeeId);
  }

  create(note: HandoverNote): Promise<Stored<HandoverNote>> {
    return this.#docs.create(note);
  }

  async listForEmployee(tenantId: TenantId, employeeId: PersonId): Promise<readonly HandoverNote[]> {
    const notes: HandoverNote[] = [];
    let continuationToken: string | undefined;
    do {
      const page = await this.#docs.listByPartition(
        tenantId,
        employeeId,
        { pageSize: 100, ...(continuationToken === undefined ? {} : { continuationToken }) },
        { field: 'createdAt', direction: 'DESC' },
      );
      notes.push(...page.items);
      continuationToken = page.continuationToken;
    } while (continuationToken !== undefined);
    return notes;
  }
}
