/**
 * Two more of the local Cosmos server's own costs, removed in the bench's Cosmos process only
 * (with linear-queries.ts, under BENCH_LINEAR_QUERIES=1):
 *
 * - Every page of a query copies every document of the container and runs the whole query again
 *   (filter, ORDER BY) from the start, then finds the continuation's place in the result: paging
 *   through N documents costs pages × N. Azure Cosmos DB resumes a query from its continuation
 *   instead. Here the rows a query execution hands to the engine's paging step are kept, per
 *   container, query text, parameters and partition, until the container is next written; a later
 *   page of the same query is cut from them by the engine's own paging step, so its continuation
 *   tokens and items are the ones a fresh execution would give.
 * - A query sent with a partition key (single-partition, as every query of ours is) runs over every
 *   document of the container. Azure serves it from that partition alone. Here the query sees only
 *   the documents whose partition key has the requested value (each container's documents are
 *   kept by partition as they are written); as every query of ours also names the partition in its
 *   WHERE, the result is the same.
 *
 * test/bench/resumed-queries.test.ts checks a patched server against an unpatched one.
 */
import { createRequire } from 'node:module';
import { queryEngineModule } from './linear-queries.ts';

interface StoredItem {
  read(): Record<string, unknown>;
}
interface ItemsInstance {
  _parent: { read(): unknown };
  _data: Map<string, StoredItem>;
  _getPartition(data: unknown): unknown;
  _item(keyPath: string, value: string, partition: unknown): StoredItem;
}
type QueryParams = { query: string; parameters?: unknown } & Record<symbol, unknown>;
type QueryPaging = { maxItemCount: number | null; continuation: unknown };
interface ItemsModule {
  default: {
    prototype: {
      query: (this: ItemsInstance, params: QueryParams, paging: QueryPaging) => unknown;
      _set: (this: ItemsInstance, data: unknown) => unknown;
      delete: (this: ItemsInstance, idOrRid: string, partition: unknown) => void;
    };
  };
}
type Paginate = (rows: unknown[], maxItemCount: unknown, continuation: unknown, ...rest: unknown[]) => unknown;
interface Helpers {
  paginate: Paginate;
}
interface JsonModule {
  default: (req: { headers: Record<string, string | string[] | undefined> }) => Promise<unknown>;
}

/** The requested partition key value, carried from the request to the query on its parsed body. */
const PARTITION = Symbol('partition');
/** Query executions kept per container: a bench pages through a few queries at a time. */
const KEPT = 8;

interface ContainerState {
  /** The executions kept since the container was last written, oldest first. */
  readonly kept: Map<string, Kept>;
  partitions?: Map<unknown, Map<string, StoredItem>>;
}

const inPartition = (partitions: Map<unknown, Map<string, StoredItem>>, value: unknown): Map<string, StoredItem> => {
  let found = partitions.get(value);
  if (found === undefined) {
    found = new Map();
    partitions.set(value, found);
  }
  return found;
};

interface Kept {
  readonly rows: unknown[];
  /** The paging step's arguments after the continuation: how to read a row's _rid and its ORDER BY. */
  readonly rest: unknown[];
}

const serverModule = (path: string): unknown => createRequire(import.meta.url)(`@vercel/cosmosdb-server/lib/${path}`);

/** The partition key value a request names (`x-ms-documentdb-partitionkey: ["value"]`), if one. */
const requestedPartition = (header: string | string[] | undefined): { value: unknown } | undefined => {
  if (typeof header !== 'string') return undefined;
  try {
    const parsed: unknown = JSON.parse(header);
    return Array.isArray(parsed) && parsed.length === 1 ? { value: parsed[0] } : undefined;
  } catch {
    return undefined;
  }
};

/** Installs both in this process's Cosmos server; returns a function that takes them out again. */
export const resumedCosmosQueries = (): (() => void) => {
  const items = (serverModule('account/items') as ItemsModule).default.prototype;
  const json = serverModule('json') as JsonModule;
  const helpers = queryEngineModule('helpers') as Helpers;
  const original = { query: items.query, set: items._set, delete: items.delete, json: json.default };
  const paginate = helpers.paginate;
  const states = new WeakMap<ItemsInstance, ContainerState>();
  const stateOf = (container: ItemsInstance): ContainerState => {
    let state = states.get(container);
    if (state === undefined) {
      state = { kept: new Map() };
      states.set(container, state);
    }
    return state;
  };
  /** The container's documents by partition key value, built on its first partition query, then kept current. */
  const partitionsOf = (container: ItemsInstance, state: ContainerState): Map<unknown, Map<string, StoredItem>> => {
    if (state.partitions === undefined) {
      state.partitions = new Map();
      for (const [rid, item] of container._data)
        inPartition(state.partitions, container._getPartition(item.read())).set(rid, item);
    }
    return state.partitions;
  };
  // The rows the running execution hands to the paging step (executions are synchronous).
  let captured: { rows: unknown[]; rest: unknown[] } | undefined;

  helpers.paginate = (rows, maxItemCount, continuation, ...rest) => {
    captured = { rows, rest };
    return paginate(rows, maxItemCount, continuation, ...rest);
  };
  json.default = async (req) => {
    const body = await original.json(req);
    const partition = requestedPartition(req.headers['x-ms-documentdb-partitionkey']);
    if (
      req.headers['x-ms-documentdb-isquery'] !== undefined &&
      partition !== undefined &&
      typeof body === 'object' &&
      body !== null
    )
      Object.defineProperty(body, PARTITION, { value: partition, enumerable: false });
    return body;
  };
  items._set = function set(data) {
    const state = stateOf(this);
    state.kept.clear();
    const stored = original.set.call(this, data);
    const rid = (data as { _rid: string })._rid;
    const item = this._data.get(rid);
    if (state.partitions !== undefined && item !== undefined)
      inPartition(state.partitions, this._getPartition(data)).set(rid, item);
    return stored;
  };
  items.delete = function remove(idOrRid, partition) {
    const state = stateOf(this);
    state.kept.clear();
    const gone = this._item('/id', idOrRid, partition).read() as { _rid?: string } | undefined;
    original.delete.call(this, idOrRid, partition);
    if (gone?._rid !== undefined) state.partitions?.get(this._getPartition(gone))?.delete(gone._rid);
  };
  items.query = function query(params, paging) {
    if (!this._parent.read()) return null;
    const state = stateOf(this);
    const { kept } = state;
    const partition = params[PARTITION] as { value: unknown } | undefined;
    const key = JSON.stringify([params.query, params.parameters ?? null, partition ?? null]);
    const found = kept.get(key);
    if (found !== undefined) return paginate(found.rows, paging.maxItemCount, paging.continuation, ...found.rest);
    const all = this._data;
    captured = undefined;
    try {
      if (partition !== undefined)
        this._data = partitionsOf(this, state).get(partition.value) ?? new Map<string, StoredItem>();
      const result = original.query.call(this, params, paging);
      // Set by the paging step during the call above (aggregates have none: they are not kept).
      const rows = captured as Kept | undefined;
      if (rows !== undefined) {
        kept.set(key, rows);
        for (const old of kept.keys()) {
          if (kept.size <= KEPT) break;
          kept.delete(old);
        }
      }
      return result;
    } finally {
      this._data = all;
      captured = undefined;
    }
  };
  return () => {
    Object.assign(items, { query: original.query, _set: original.set, delete: original.delete });
    json.default = original.json;
    helpers.paginate = paginate;
  };
};
