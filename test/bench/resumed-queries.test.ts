/**
 * The bench's Cosmos process (BENCH_LINEAR_QUERIES=1: linear-queries.ts and resumed-queries.ts)
 * must answer every query exactly as the unpatched local server does: the same items in the same
 * order, the same continuation tokens, also when the container is written between two pages.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startChild, type Child } from '../../bench/lib/child.ts';
import type { CosmosInfo } from '../../bench/lib/roles.ts';
import { createCosmosClient } from '../../bot/src/cosmos/client.ts';

// The Cosmos SDK's types, reached through the client this repository builds (the SDK belongs to the bot).
type Container = ReturnType<ReturnType<ReturnType<typeof createCosmosClient>['database']>['container']>;
type SqlQuerySpec = Exclude<Parameters<Container['items']['query']>[0], string>;
type ItemDefinition = Parameters<Container['items']['create']>[0] & Record<string, unknown>;

const TENANTS = ['tenant-a', 'tenant-b'];
const PEOPLE = 120;

const docs = (): ItemDefinition[] =>
  TENANTS.flatMap((tenantId, t) =>
    Array.from({ length: PEOPLE }, (_, i) => [
      {
        id: `e-${String(i)}`,
        pk: tenantId,
        tenantId,
        docType: 'employee',
        n: i,
        date: `2027-0${String(1 + (i % 9))}-1${String(t)}`,
        jobs: [{ managerIds: [`m-${String(i % 7)}`] }, { managerIds: [] }],
      },
      ...(i % 3 === 0
        ? [{ id: `d-${String(i)}`, pk: tenantId, tenantId, docType: 'status-digest', personId: `e-${String(i)}` }]
        : []),
    ]).flat(),
  );

interface Side {
  readonly child: Child<CosmosInfo>;
  readonly container: Container;
}

const side = async (env: Record<string, string>): Promise<Side> => {
  const child = await startChild<CosmosInfo>('cosmos', env);
  const client = createCosmosClient({
    endpoint: child.info.cosmosEndpoint,
    key: child.info.cosmosKey,
    allowSelfSigned: true,
  });
  const { database } = await client.databases.createIfNotExists({ id: 'compare' });
  const { container } = await database.containers.createIfNotExists({ id: 'people', partitionKey: { paths: ['/pk'] } });
  for (const doc of docs()) await container.items.create(doc);
  return { child, container };
};

/** What a client sees of a page: items without their write stamps, and the continuation. */
const seen = (items: readonly ItemDefinition[], token: string | undefined) => ({
  items: items.map(({ _etag: _e, _ts: _t, ...rest }) => rest),
  token,
});

/** Every page of `spec` at `pageSize`, calling `between` after the first page. */
const pages = async (
  container: Container,
  spec: SqlQuerySpec,
  options: { partitionKey?: string; pageSize: number; between?: () => Promise<void> },
) => {
  const out = [];
  let token: string | undefined;
  do {
    const page = await container.items
      .query<ItemDefinition>(spec, {
        maxItemCount: options.pageSize,
        ...(options.partitionKey === undefined ? {} : { partitionKey: options.partitionKey }),
        ...(token === undefined ? {} : { continuationToken: token }),
      })
      .fetchNext();
    // Typed as always present, but absent on the last page.
    const next = page.continuationToken as string | undefined;
    token = next;
    out.push(seen(page.resources, token));
    if (out.length === 1) await options.between?.();
  } while (token !== undefined);
  return out;
};

const QUERIES: readonly { name: string; spec: SqlQuerySpec; partitionKey?: string; pageSize: number }[] = [
  {
    name: 'people and digests of one tenant, as HR compliance pages them',
    spec: {
      query: 'SELECT * FROM c WHERE c.pk = @pk AND c.tenantId = @pk AND (c.docType = @e OR c.docType = @d)',
      parameters: [
        { name: '@pk', value: 'tenant-a' },
        { name: '@e', value: 'employee' },
        { name: '@d', value: 'status-digest' },
      ],
    },
    partitionKey: 'tenant-a',
    pageSize: 25,
  },
  {
    name: 'ordered by a field with ties, one partition',
    spec: {
      query: 'SELECT * FROM c WHERE c.pk = @pk AND c.docType = @e ORDER BY c.date DESC',
      parameters: [
        { name: '@pk', value: 'tenant-b' },
        { name: '@e', value: 'employee' },
      ],
    },
    partitionKey: 'tenant-b',
    pageSize: 11,
  },
  {
    name: 'the digests of a list of people, as the export reads them',
    spec: {
      query: 'SELECT * FROM c WHERE c.pk = @pk AND c.docType = @d AND ARRAY_CONTAINS(@ids, c.personId)',
      parameters: [
        { name: '@pk', value: 'tenant-a' },
        { name: '@d', value: 'status-digest' },
        { name: '@ids', value: ['e-0', 'e-3', 'e-4', 'e-30', 'e-99', 7, null] },
      ],
    },
    partitionKey: 'tenant-a',
    pageSize: 1,
  },
  {
    name: "a manager's reports, as the team view finds them",
    spec: {
      query:
        'SELECT * FROM c WHERE c.pk = @pk AND EXISTS(SELECT VALUE j FROM j IN c.jobs WHERE EXISTS(SELECT VALUE m FROM m IN j.managerIds WHERE ARRAY_CONTAINS(@managers, m)))',
      parameters: [
        { name: '@pk', value: 'tenant-b' },
        { name: '@managers', value: ['m-1', 'm-4'] },
      ],
    },
    partitionKey: 'tenant-b',
    pageSize: 5,
  },
  {
    name: 'across partitions',
    spec: { query: 'SELECT * FROM c WHERE c.docType = @e', parameters: [{ name: '@e', value: 'employee' }] },
    pageSize: 40,
  },
  {
    name: 'an aggregate',
    spec: { query: 'SELECT VALUE COUNT(1) FROM c WHERE c.pk = @pk', parameters: [{ name: '@pk', value: 'tenant-a' }] },
    partitionKey: 'tenant-a',
    pageSize: 10,
  },
];

describe("the bench's Cosmos process answers queries as the local server does", () => {
  let plain: Side;
  let patched: Side;
  beforeAll(async () => {
    [plain, patched] = await Promise.all([side({}), side({ BENCH_LINEAR_QUERIES: '1' })]);
  });
  afterAll(async () => {
    await Promise.all([plain.child.stop(), patched.child.stop()]);
  });

  for (const q of QUERIES) {
    it(`${q.name}: the same pages, read twice`, async () => {
      const expected = await pages(plain.container, q.spec, q);
      expect(expected.length).toBeGreaterThan(q.spec.query.includes('COUNT') ? 0 : 2);
      expect(await pages(patched.container, q.spec, q)).toEqual(expected);
      // The second reading comes from what the first kept.
      expect(await pages(patched.container, q.spec, q)).toEqual(expected);
    });
  }

  it('a write between two pages is seen by the next page, as without the patch', async () => {
    const q = QUERIES[1];
    if (q === undefined) throw new Error('no query');
    const edit = (container: Container) => async () => {
      await container.items.upsert({
        id: 'e-5',
        pk: 'tenant-b',
        tenantId: 'tenant-b',
        docType: 'employee',
        n: 5,
        date: '2026-12-31',
      });
      await container.items.create({
        id: 'e-new',
        pk: 'tenant-b',
        tenantId: 'tenant-b',
        docType: 'employee',
        n: 999,
        date: '2027-09-30',
      });
      await container.item('e-7', 'tenant-b').delete();
    };
    const expected = await pages(plain.container, q.spec, { ...q, between: edit(plain.container) });
    const got = await pages(patched.container, q.spec, { ...q, between: edit(patched.container) });
    expect(got).toEqual(expected);
    expect(got.flatMap((p) => p.items).some((d) => d.id === 'e-5' && d['date'] === '2026-12-31')).toBe(true);
  });
});
