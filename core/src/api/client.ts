/**
 * The one client of the REST API, shared by the tab and the add-in. A call is named by a route
 * id from the route table, which fixes the method, the path and the shapes of params, query,
 * body and reply; every reply is checked against the route's schema before anyone reads it.
 * It does no I/O of its own: the caller hands in `fetch` and a token source.
 */
import { ApiError, BAD_RESPONSE_MESSAGE, NETWORK_MESSAGE, retryAfterMs, toApiError } from './client-error.ts';
import type { BodyOf, ParamsOf, QueryOf, ResponseOf, RouteDef } from './route.ts';
import { routes, type RouteId, type Routes } from './routes.ts';

/** `forceRefresh` is set after a 401, to get a new token instead of a cached one. */
export type TokenSource = (opts: { forceRefresh: boolean }) => Promise<string>;

export type Fetch = (url: string, init: RequestInit) => Promise<Response>;

export interface ApiClientOptions {
  /** Origin (and prefix) of the API; '' for the same origin. */
  readonly baseUrl: string;
  readonly getToken: TokenSource;
  readonly fetch: Fetch;
  readonly sleep?: (ms: number) => Promise<void>;
  /** Retries after a 429/503 before giving up; 3 unless stated. */
  readonly maxRetries?: number;
  readonly now?: () => number;
  /** Makes the Idempotency-Key a create sends; a random UUID unless stated. */
  readonly newIdempotencyKey?: () => string;
}

/** Routes without params or body take no such key: z.output of an absent schema is unknown. */
type Has<K extends string, T> = unknown extends T ? object : [T] extends [never] ? object : { readonly [P in K]: T };
export type CallArgs<Id extends RouteId> = Has<'params', ParamsOf<Routes[Id]>> &
  Partial<Has<'query', QueryOf<Routes[Id]>>> &
  Has<'body', BodyOf<Routes[Id]>> & {
    /** The ETag of the item being changed (routes marked ifMatch). */
    readonly ifMatch?: string;
    /** Sent as the Idempotency-Key header: a retry of the same create with the same key stores nothing new. */
    readonly idempotencyKey?: string;
    readonly signal?: AbortSignal;
  };
/** The arguments may be left out when the route needs none. */
export type CallRest<Id extends RouteId> = object extends CallArgs<Id> ? [args?: CallArgs<Id>] : [args: CallArgs<Id>];

export interface ApiClient {
  call<Id extends RouteId>(id: Id, ...args: CallRest<Id>): Promise<ResponseOf<Routes[Id]>>;
}

interface LooseArgs {
  readonly params?: Record<string, unknown>;
  readonly query?: Record<string, unknown>;
  readonly body?: unknown;
  readonly ifMatch?: string;
  readonly idempotencyKey?: string;
  readonly signal?: AbortSignal;
}

export const buildPath = (template: string, params: Record<string, unknown> | undefined): string =>
  template.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const value = params?.[name];
    if (typeof value !== 'string' || value === '') throw new Error(`Missing path parameter ${name}.`);
    return encodeURIComponent(value);
  });

const queryString = (query: Record<string, unknown> | undefined): string => {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null) continue;
    search.set(key, typeof value === 'string' ? value : JSON.stringify(value));
  }
  const s = search.toString();
  return s === '' ? '' : `?${s}`;
};

const readBody = async (res: Response): Promise<unknown> => {
  if (res.status === 204) return undefined;
  const text = await res.text();
  if (text === '') return undefined;
  if (!(res.headers.get('content-type') ?? '').includes('json')) return text;
  try {
    return JSON.parse(text) as unknown;
  } catch (cause) {
    throw new ApiError(res.status, 'bad-response', BAD_RESPONSE_MESSAGE, { cause });
  }
};

const busyError = (error: ApiError, tries: number): ApiError =>
  new ApiError(
    error.status,
    error.code,
    `${error.message} The service is busy: we tried ${tries} times. Please wait a minute and try again.`,
    { details: error.details, correlationId: error.correlationId },
  );

export const createApiClient = (options: ApiClientOptions): ApiClient => {
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const maxRetries = options.maxRetries ?? 3;
  const now = options.now ?? Date.now;
  const newIdempotencyKey = options.newIdempotencyKey ?? (() => crypto.randomUUID());

  const send = async (route: RouteDef, a: LooseArgs, forceRefresh: boolean): Promise<Response> => {
    const token = await options.getToken({ forceRefresh });
    const headers: Record<string, string> = { accept: 'application/json', authorization: `Bearer ${token}` };
    if (a.body !== undefined) headers['content-type'] = 'application/json';
    if (a.ifMatch !== undefined) headers['if-match'] = a.ifMatch;
    if (a.idempotencyKey !== undefined) headers['idempotency-key'] = a.idempotencyKey;
    const url = `${options.baseUrl}${buildPath(route.path, a.params)}${queryString(a.query)}`;
    try {
      return await options.fetch(url, {
        method: route.method,
        headers,
        ...(a.body === undefined ? {} : { body: JSON.stringify(a.body) }),
        ...(a.signal === undefined ? {} : { signal: a.signal }),
      });
    } catch (cause) {
      if (a.signal?.aborted === true) throw cause;
      throw new ApiError(0, 'network', NETWORK_MESSAGE, { cause });
    }
  };

  const call = async (id: RouteId, given: LooseArgs = {}): Promise<unknown> => {
    const route: RouteDef = routes[id];
    // One key for every attempt of this call (after a 401, a 429 or a 503): a create the server
    // finished but whose reply was lost is then answered, not done twice.
    const a: LooseArgs =
      route.method === 'POST' ? { ...given, idempotencyKey: given.idempotencyKey ?? newIdempotencyKey() } : given;
    let refreshed = false;
    for (let retries = 0; ;) {
      const res = await send(route, a, refreshed);
      // One fresh token after a 401: cached SSO tokens can expire between calls.
      if (res.status === 401 && !refreshed) {
        refreshed = true;
        await res.body?.cancel();
        continue;
      }
      const busy = res.status === 429 || res.status === 503;
      if (busy && retries < maxRetries) {
        retries += 1;
        await res.body?.cancel();
        await sleep(retryAfterMs(res.headers.get('retry-after'), now()));
        continue;
      }
      const body = await readBody(res);
      if (!res.ok) {
        const error = toApiError(res.status, body, res.headers.get('x-correlation-id'));
        throw busy ? busyError(error, retries + 1) : error;
      }
      const parsed = route.response.safeParse(res.status === 204 ? { ok: true } : body);
      if (!parsed.success) {
        throw new ApiError(res.status, 'bad-response', BAD_RESPONSE_MESSAGE, { cause: parsed.error });
      }
      return parsed.data;
    }
  };

  return { call: call as ApiClient['call'] };
};
