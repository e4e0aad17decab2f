/**
 * The local Cosmos server's query engine (`@zeit/cosmosdb-query`) builds every result by copying
 * the array so far for each document (`[...$, { c }]` in the code it generates, and again when it
 * strips `undefined` from a page). That is quadratic in the size of the container: one query over
 * 10,000 people took 2 s on the bench machine, over 20,000 people 78 s, so no benchmark could bring
 * in a 50,000-person organisation; Azure Cosmos DB has no such cost. In the bench's Cosmos process
 * only, the same steps append in place instead: same results, same order, linear time.
 *
 * Likewise `ARRAY_CONTAINS(@ids, c.personId)` scans the whole parameter array for every document
 * (100 ids × 100,000 documents for one page of the export); Azure looks the values up in its index.
 * Here a parameter array of plain values is made a set once and looked up: for a plain value the
 * answer is the same (`===` is all the engine's equality does for one).
 */
import { createRequire } from 'node:module';

interface Executor {
  default: (collection: unknown, options: { code: string } & Record<string, unknown>) => unknown;
}
interface Helpers {
  stripUndefined: (value: unknown) => unknown;
}
type Contains = (array: unknown, value: unknown, ...partial: unknown[]) => unknown;
interface Builtins {
  ARRAY_CONTAINS: Contains;
}

const SPREAD = '[...$, ';
const ENGINE = '@zeit/cosmosdb-query';

/** The index just past the bracket that closes the one opened before `from`, skipping string literals. */
const closing = (code: string, from: number): number => {
  let depth = 1;
  for (let i = from; i < code.length; i += 1) {
    const ch = code[i];
    if (ch === '"' || ch === "'" || ch === '`') {
      for (i += 1; i < code.length && code[i] !== ch; i += 1) if (code[i] === '\\') i += 1;
    } else if (ch === '[' || ch === '(' || ch === '{') depth += 1;
    else if (ch === ']' || ch === ')' || ch === '}') {
      depth -= 1;
      if (depth === 0) return i;
    }
  }
  throw new Error('unbalanced query code');
};

/** `[...$, x, ...y]` (a copy of the accumulator plus more) becomes `($.push(x, ...y), $)`. */
const appendInPlace = (code: string): string => {
  let out = '';
  let at = 0;
  for (let start = code.indexOf(SPREAD); start >= 0; start = code.indexOf(SPREAD, at)) {
    const end = closing(code, start + SPREAD.length);
    out += `${code.slice(at, start)}($.push(${appendInPlace(code.slice(start + SPREAD.length, end))}), $)`;
    at = end + 1;
  }
  return out + code.slice(at);
};

const stripUndefined = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.filter((v) => v !== undefined).map(stripUndefined);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = stripUndefined(v);
    return out;
  }
  return value;
};

const plain = (value: unknown): boolean => value === null || (typeof value !== 'object' && typeof value !== 'function');

/** ARRAY_CONTAINS(array, value) over plain values by a set made once per array. */
const containsBySet = (original: Contains): Contains => {
  const sets = new WeakMap<readonly unknown[], Set<unknown> | false>();
  return (array, value, ...partial) => {
    if (!Array.isArray(array) || partial.length > 0 || !plain(value)) return original(array, value, ...partial);
    let set = sets.get(array);
    if (set === undefined) {
      set = array.every(plain) && new Set(array);
      sets.set(array, set);
    }
    return set === false ? original(array, value) : set.has(value);
  };
};

/**
 * A module of the query engine the Cosmos server runs: the engine is the server's dependency, so it
 * is resolved from there (the server's own copy, whatever version it brings; not a dependency of ours).
 */
export const queryEngineModule = (module: string): unknown =>
  createRequire(createRequire(import.meta.url).resolve('@vercel/cosmosdb-server'))(`${ENGINE}/lib/${module}`);

/** Installs the linear steps in this process's copy of the query engine (the Cosmos bench role calls it first). */
export const linearCosmosQueries = (): void => {
  const engine = queryEngineModule;
  const executor = engine('executor') as Executor;
  const helpers = engine('helpers') as Helpers;
  const builtins = engine('builtin-functions') as Builtins;
  const original = executor.default;
  const rewritten = new Map<string, string>();
  executor.default = (collection, options) => {
    let code = rewritten.get(options.code);
    if (code === undefined) {
      code = appendInPlace(options.code);
      rewritten.set(options.code, code);
    }
    return original(collection, { ...options, code });
  };
  helpers.stripUndefined = stripUndefined;
  builtins.ARRAY_CONTAINS = containsBySet(builtins.ARRAY_CONTAINS);
};
