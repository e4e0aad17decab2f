/**
 * The tab's one API client. Every call is named by a route id from the shared route table, so
 * paths, parameters, bodies and responses are typed from the same contract the server serves.
 */
import type { BodyOf, ParamsOf, QueryOf, ResponseOf, RouteDef } from '@pc/core/api';
import { ApiError, NETWORK_MESSAGE, toApiError } from './errors.ts';
import { tabRoutes, type TabRoutes } from './tab-routes.ts';

export { ApiError } from './errors.ts';

export interface CallOptions<D> {
  readonly params?: ParamsOf<D>;
  readonly query?: QueryOf<D>;
  readonly body?: BodyOf<D>;
  /** The ETag of the item being changed (routes marked ifMatch). */
  readonly ifMatch?: string;
  readonly signal?: AbortSignal;
}

/** `forceRefresh` is set after a 401, to get a new token instead of a cached one. */
export type TokenSource = (opts: { forceRefresh: boolean }) => Promise<string>;

export interface ApiClientOptions {
  /** Origin (and prefix) of the API; '' for the same origin. */
  readonly baseUrl: string;
  readonly getToken: TokenSource;
  readonly fetch?: typeof fetch;
}

export type Call<T extends Record<string, RouteDef>> = <K extends keyof T & string>(
  id: K,
  opts?: CallOptions<T[K]>,
) => Promise<ResponseOf<T[K]>>;

export interface ApiClient {
  readonly call: Call<TabRoutes>;
}

export const buildPath = (template: string, params: unknown): string =>
  template.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const value = (params as Record<string, unknown> | undefined)?.[name];
    if (typeof value !== 'string' || value === '') throw new Error(`Missing path parameter ${name}.`);
    return encodeURIComponent(value);
  });

const queryString = (query: unknown): string => {
  if (query === undefined || query === null) return '';
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query as Record<string, unknown>)) {
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
  const type = res.headers.get('content-type') ?? '';
  if (!type.includes('json')) return text;
  try {
    return JSON.parse(text) as unknown;
  } catch (cause) {
    throw new ApiError(res.status, 'bad-response', 'The service sent a reply we could not read.', [], undefined, {
      cause,
    });
  }
};

export const createTableClient = <T extends Record<string, RouteDef>>(
  table: T,
  options: ApiClientOptions,
): { call: Call<T> } => {
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));

  const send = async (def: RouteDef, opts: CallOptions<RouteDef>, forceRefresh: boolean): Promise<Response> => {
    const token = await options.getToken({ forceRefresh });
    const headers: Record<string, string> = { accept: 'application/json', authorization: `Bearer ${token}` };
    if (opts.body !== undefined) headers['content-type'] = 'application/json';
    if (opts.ifMatch !== undefined) headers['if-match'] = opts.ifMatch;
    const url = `${options.baseUrl}${buildPath(def.path, opts.params)}${queryString(opts.query)}`;
    try {
      return await doFetch(url, {
        method: def.method,
        headers,
        ...(opts.body === undefined ? {} : { body: JSON.stringify(opts.body) }),
        ...(opts.signal === undefined ? {} : { signal: opts.signal }),
      });
    } catch (cause) {
      if (opts.signal?.aborted === true) throw cause;
      throw new ApiError(0, 'network', NETWORK_MESSAGE, [], undefined, { cause });
    }
  };

  const call = async (id: string, opts: CallOptions<RouteDef> = {}): Promise<unknown> => {
    const def = table[id];
    if (def === undefined) throw new Error(`Unknown route ${id}.`);
    let res = await send(def, opts, false);
    // One fresh token after a 401: cached SSO tokens can expire between calls.
    if (res.status === 401) res = await send(def, opts, true);
    const body = await readBody(res);
    if (!res.ok) throw toApiError(res.status, body, res.headers.get('x-correlation-id'));
    return body;
  };

  return { call: call as Call<T> };
};

export const createApiClient = (options: ApiClientOptions): ApiClient => createTableClient(tabRoutes, options);
