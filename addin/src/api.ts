/**
 * Typed client over the shared route table: the route id fixes the method, the path,
 * and the shapes of params, query, body and response.
 */
import {
  errorBody,
  routes,
  type BodyOf,
  type ParamsOf,
  type QueryOf,
  type ResponseOf,
  type RouteId,
  type Routes,
} from '@pc/core/api';

export type ApiErrorKind =
  | 'validation'
  | 'unauthenticated'
  | 'forbidden'
  | 'not-found'
  | 'conflict'
  | 'throttled'
  | 'unavailable'
  | 'network'
  | 'internal';

export class ApiError extends Error {
  readonly status: number;
  readonly code: ApiErrorKind;
  readonly details: readonly { path: string; message: string }[];
  readonly correlationId: string | undefined;

  constructor(
    status: number,
    code: ApiErrorKind,
    message: string,
    extra: { details?: readonly { path: string; message: string }[]; correlationId?: string; cause?: unknown } = {},
  ) {
    super(message, extra.cause === undefined ? undefined : { cause: extra.cause });
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = extra.details ?? [];
    this.correlationId = extra.correlationId;
  }
}

export const isApiError = (value: unknown): value is ApiError => value instanceof ApiError;

/** Routes without params, query or body take no such key: z.output of an absent schema is unknown. */
type Has<K extends string, T> = unknown extends T ? object : [T] extends [never] ? object : { [P in K]: T };
export type CallArgs<Id extends RouteId> = Has<'params', ParamsOf<Routes[Id]>> &
  Partial<Has<'query', QueryOf<Routes[Id]>>> &
  Has<'body', BodyOf<Routes[Id]>> & { readonly ifMatch?: string };

export interface ApiClientOptions {
  /** Origin of the API; '' for the origin that served the add-in. */
  readonly baseUrl: string;
  readonly getToken: () => Promise<string>;
  readonly fetch?: typeof fetch;
  readonly sleep?: (ms: number) => Promise<void>;
  /** Retries after a 429/503 before giving up. */
  readonly maxRetries?: number;
}

export interface ApiClient {
  call<Id extends RouteId>(id: Id, args: CallArgs<Id>): Promise<ResponseOf<Routes[Id]>>;
}

const KINDS: Readonly<Record<number, ApiErrorKind>> = {
  400: 'validation',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not-found',
  409: 'conflict',
  412: 'conflict',
  422: 'validation',
  429: 'throttled',
  503: 'unavailable',
};
const MAX_WAIT_MS = 30_000;

/** Retry-After is either whole (or fractional) seconds or an HTTP date. */
export const retryAfterMs = (header: string | null, now: number): number => {
  if (header === null) return 1000;
  const seconds = Number(header);
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(header) - now;
  return Number.isFinite(ms) ? Math.min(Math.max(ms, 0), MAX_WAIT_MS) : 1000;
};

export const buildPath = (template: string, params: Record<string, string> | undefined): string =>
  template.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const value = params?.[name];
    if (value === undefined) throw new ApiError(0, 'internal', `The request is missing ${name}.`);
    return encodeURIComponent(value);
  });

const queryString = (query: Record<string, unknown> | undefined): string => {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
      search.set(key, String(value));
    }
  }
  const text = search.toString();
  return text === '' ? '' : `?${text}`;
};

const errorFrom = async (res: Response): Promise<ApiError> => {
  const kind = KINDS[res.status] ?? (res.status >= 500 ? 'unavailable' : 'internal');
  const parsed = errorBody.safeParse(await res.json().catch(() => undefined));
  if (!parsed.success) return new ApiError(res.status, kind, `The server answered ${res.status}.`);
  const { message, details, correlationId } = parsed.data.error;
  return new ApiError(res.status, kind, message, {
    ...(details === undefined ? {} : { details }),
    ...(correlationId === undefined ? {} : { correlationId }),
  });
};

export const createApiClient = (options: ApiClientOptions): ApiClient => {
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const maxRetries = options.maxRetries ?? 3;

  return {
    async call(id, args) {
      const route = routes[id];
      const a = args as {
        params?: Record<string, string>;
        query?: Record<string, unknown>;
        body?: unknown;
        ifMatch?: string;
      };
      const url = `${options.baseUrl}${buildPath(route.path, a.params)}${queryString(a.query)}`;
      const headers: Record<string, string> = {
        accept: 'application/json',
        authorization: `Bearer ${await options.getToken()}`,
      };
      if (a.body !== undefined) headers['content-type'] = 'application/json';
      if (a.ifMatch !== undefined) headers['if-match'] = a.ifMatch;
      const init: RequestInit = {
        method: route.method,
        headers,
        ...(a.body === undefined ? {} : { body: JSON.stringify(a.body) }),
      };

      for (let attempt = 0; ; attempt += 1) {
        let res: Response;
        try {
          res = await doFetch(url, init);
        } catch (cause) {
          throw new ApiError(0, 'network', 'The server could not be reached. Check your connection and try again.', {
            cause,
          });
        }
        const busy = res.status === 429 || res.status === 503;
        if (busy && attempt < maxRetries) {
          await sleep(retryAfterMs(res.headers.get('retry-after'), Date.now()));
          continue;
        }
        if (busy) {
          const error = await errorFrom(res);
          throw new ApiError(
            res.status,
            error.code,
            `${error.message} Microsoft 365 is busy: we tried ${maxRetries + 1} times. Please wait a minute and try again.`,
            {
              details: error.details,
              ...(error.correlationId === undefined ? {} : { correlationId: error.correlationId }),
            },
          );
        }
        if (!res.ok) throw await errorFrom(res);
        if (res.status === 204) return route.response.parse({ ok: true }) as ResponseOf<Routes[typeof id]>;
        const parsed = route.response.safeParse(await res.json());
        if (!parsed.success) {
          throw new ApiError(res.status, 'internal', 'The server sent an answer this add-in does not understand.', {
            cause: parsed.error,
          });
        }
        return parsed.data as ResponseOf<Routes[typeof id]>;
      }
    },
  };
};
