import type { Container, ItemDefinition, SqlParameter } from '@azure/cosmos';
import { AppError } from '@pc/core';
import { cosmosStatus } from './errors.ts';
import { invalidContinuation } from './paging.ts';

/** A filter inside one tenant's partition: trusted SQL text, values only as parameters. */
export interface PartitionFilter {
  readonly where?: string;
  readonly parameters?: readonly SqlParameter[];
  readonly orderBy?: string;
}

/** Where one page of a query goes: the scope it names in WHERE and the page it asks for. */
export interface PartitionPageRequest {
  readonly docType: string;
  readonly tenantId: string;
  /** Undefined: across all of the tenant's partitions. */
  readonly partitionKey: string | undefined;
  readonly filter: PartitionFilter;
  readonly maxItemCount: number;
  readonly continuationToken: string | undefined;
}

export interface FetchedPage {
  readonly resources: ItemDefinition[];
  readonly continuationToken: string | undefined;
}

const RESERVED_PARAMETERS = new Set(['@pk', '@tenantId', '@docType']);

/**
 * Fetches one page of a query that always names the tenant, the document type and (when given)
 * the partition in WHERE; `call` makes and counts the request and maps its errors.
 */
export const fetchPartitionPage = async (
  container: Container,
  call: <R>(operation: () => Promise<R>) => Promise<R>,
  request: PartitionPageRequest,
): Promise<FetchedPage> => {
  const { docType, tenantId, partitionKey, filter, maxItemCount, continuationToken } = request;
  for (const p of filter.parameters ?? []) {
    if (RESERVED_PARAMETERS.has(p.name)) throw new AppError('internal', 'A query reuses a reserved parameter name');
  }
  const query = [
    'SELECT * FROM c WHERE ',
    partitionKey === undefined ? '' : 'c.pk = @pk AND ',
    'c.tenantId = @tenantId AND c.docType = @docType',
    filter.where === undefined ? '' : ` AND (${filter.where})`,
    filter.orderBy === undefined ? '' : ` ORDER BY ${filter.orderBy}`,
  ].join('');
  const parameters: SqlParameter[] = [
    ...(partitionKey === undefined ? [] : [{ name: '@pk', value: partitionKey }]),
    { name: '@tenantId', value: tenantId },
    { name: '@docType', value: docType },
    ...(filter.parameters ?? []),
  ];
  try {
    const response = await call(() =>
      container.items
        .query<ItemDefinition>(
          { query, parameters },
          {
            ...(partitionKey === undefined ? {} : { partitionKey }),
            maxItemCount,
            ...(continuationToken === undefined ? {} : { continuationToken }),
          },
        )
        .fetchNext(),
    );
    return { resources: response.resources, continuationToken: response.continuationToken };
  } catch (error) {
    // Cosmos rejects a token it cannot parse with 400 (or the SDK with a parse error).
    const cause = error instanceof AppError ? error.cause : error;
    const badToken = cosmosStatus(cause) === 400 || cause instanceof SyntaxError;
    if (continuationToken !== undefined && badToken) throw invalidContinuation(error);
    throw error;
  }
};
