import type { Container, ItemDefinition, SqlQuerySpec } from '@azure/cosmos';
import type { Employee, PersonId, Stored, TenantId } from '@pc/core';
import type { PeopleAndDigestsPage, StatusDigest, StatusDigestRepository, TeamDigests } from '@pc/core/usecases';
import { DocumentCollection, type RequestCounter } from './document-collection.ts';
import { cosmosErrorToAppError } from './errors.ts';
import { StoredDocuments } from './stored-documents.ts';

const DOC_TYPE = 'status-digest';
/** Beside the employee document in the tenant's partition; a prefix keeps the ids apart. */
const idOf = (personId: PersonId): string => `${DOC_TYPE}:${personId}`;
/** A team of 300 with their digests is 600 documents: one page, well under Cosmos' 4 MB. */
const TEAM_PAGE = 1000;

/**
 * Status digests in the `people` container (pk = tenantId), so that a manager's reports and
 * their digests come from one single-partition query: the employees whose jobs name the manager,
 * and the digests filed under the manager.
 */
export class CosmosStatusDigestRepository implements StatusDigestRepository {
  readonly #container: Container;
  readonly #counter: RequestCounter;
  readonly #docs: DocumentCollection<StatusDigest>;
  readonly #digests = new StoredDocuments<StatusDigest>(['id']);
  readonly #employees = new StoredDocuments<Employee>();

  constructor(container: Container, counter: RequestCounter) {
    this.#container = container;
    this.#counter = counter;
    this.#docs = new DocumentCollection<StatusDigest>({
      container,
      docType: DOC_TYPE,
      id: (d) => idOf(d.personId),
      partitionKey: (d) => d.tenantId,
      tenantId: (d) => d.tenantId,
      derivedFields: ['id'],
      counter,
    });
  }

  get(tenantId: TenantId, personId: PersonId): Promise<Stored<StatusDigest> | undefined> {
    return this.#docs.read(tenantId, tenantId, idOf(personId));
  }

  put(digest: StatusDigest, etag?: string): Promise<Stored<StatusDigest>> {
    return etag === undefined ? this.#docs.create(digest) : this.#docs.replace(digest, etag);
  }

  async listForPeople(tenantId: TenantId, personIds: readonly PersonId[]): Promise<readonly Stored<StatusDigest>[]> {
    if (personIds.length === 0) return [];
    const docs = await this.#query(
      {
        query:
          'SELECT * FROM c WHERE c.pk = @pk AND c.tenantId = @pk AND c.docType = @digest AND ARRAY_CONTAINS(@ids, c.personId)',
        parameters: [
          { name: '@pk', value: tenantId },
          { name: '@digest', value: DOC_TYPE },
          { name: '@ids', value: [...personIds] },
        ],
      },
      tenantId,
    );
    return docs.map((doc) => this.#digests.stored(doc));
  }

  async teamOf(tenantId: TenantId, managerIds: readonly PersonId[]): Promise<TeamDigests> {
    if (managerIds.length === 0) return { reports: [], digests: [] };
    const docs = await this.#query(
      {
        query: [
          'SELECT * FROM c WHERE c.pk = @pk AND c.tenantId = @pk AND (',
          '(c.docType = @employee AND EXISTS(SELECT VALUE j FROM j IN c.jobs',
          ' WHERE EXISTS(SELECT VALUE m FROM m IN j.managerIds WHERE ARRAY_CONTAINS(@managerIds, m))))',
          ' OR (c.docType = @digest AND EXISTS(SELECT VALUE m FROM m IN c.managerIds WHERE ARRAY_CONTAINS(@managerIds, m))))',
        ].join(''),
        parameters: [
          { name: '@pk', value: tenantId },
          { name: '@employee', value: 'employee' },
          { name: '@digest', value: DOC_TYPE },
          { name: '@managerIds', value: [...managerIds] },
        ],
      },
      tenantId,
    );
    return {
      reports: docs.filter((d) => d['docType'] === 'employee').map((d) => this.#employees.item(d)),
      digests: docs.filter((d) => d['docType'] === DOC_TYPE).map((d) => this.#digests.stored(d)),
    };
  }

  async everyone(tenantId: TenantId, continuationToken?: string): Promise<PeopleAndDigestsPage> {
    const query = {
      query: 'SELECT * FROM c WHERE c.pk = @pk AND c.tenantId = @pk AND (c.docType = @employee OR c.docType = @digest)',
      parameters: [
        { name: '@pk', value: tenantId },
        { name: '@employee', value: 'employee' },
        { name: '@digest', value: DOC_TYPE },
      ],
    };
    const page = await this.#call(() =>
      this.#container.items
        .query<ItemDefinition>(query, {
          partitionKey: tenantId,
          maxItemCount: TEAM_PAGE,
          ...(continuationToken === undefined ? {} : { continuationToken }),
        })
        .fetchNext(),
    );
    const docs = page.resources.filter((d) => d['tenantId'] === tenantId);
    // Typed as always present, but absent on the last page.
    const next = page.continuationToken as string | undefined;
    return {
      people: docs.filter((d) => d['docType'] === 'employee').map((d) => this.#employees.item(d)),
      digests: docs.filter((d) => d['docType'] === DOC_TYPE).map((d) => this.#digests.item(d)),
      ...(next === undefined ? {} : { continuationToken: next }),
    };
  }

  async #call<R>(operation: () => Promise<R>): Promise<R> {
    this.#counter.count += 1;
    try {
      return await operation();
    } catch (error) {
      throw cosmosErrorToAppError(error);
    }
  }

  /** Every page of a query inside the tenant's partition, each page counted as one operation. */
  async #query(spec: SqlQuerySpec, tenantId: TenantId): Promise<ItemDefinition[]> {
    const found: ItemDefinition[] = [];
    const iterator = this.#container.items.query<ItemDefinition>(spec, {
      partitionKey: tenantId,
      maxItemCount: TEAM_PAGE,
    });
    while (iterator.hasMoreResults()) {
      this.#counter.count += 1;
      try {
        const page = await iterator.fetchNext();
        found.push(...page.resources);
      } catch (error) {
        throw cosmosErrorToAppError(error);
      }
    }
    return found.filter((d) => d['tenantId'] === tenantId);
  }
}
