import type { IncomingHttpHeaders } from 'node:http';
import type { Next, Request, Response, Server } from 'restify';
import type { Logger } from '../logging.ts';
import { contextOf } from './context.ts';

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'del' | 'head';

/** Everything a thin handler needs; the raw request stays available for authentication. */
export interface RouteContext {
  readonly correlationId: string;
  readonly logger: Logger;
  /** Parsed JSON body, or undefined when none was sent. */
  readonly body: unknown;
  readonly params: Readonly<Record<string, string>>;
  readonly query: Readonly<Record<string, string>>;
  readonly headers: IncomingHttpHeaders;
  readonly request: Request;
}

export interface RouteResult {
  readonly status: number;
  /** Sent as JSON; omit for an empty response (e.g. 204). */
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

export type RouteHandler = (ctx: RouteContext) => Promise<RouteResult>;

export interface RouteDefinition {
  readonly method: HttpMethod;
  /** restify path, e.g. `/api/v1/conversations/:id`. */
  readonly path: string;
  readonly handler: RouteHandler;
}

const queryOf = (req: Request): Record<string, string> => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  return Object.fromEntries(url.searchParams.entries());
};

const paramsOf = (req: Request): Record<string, string> => {
  const raw = (req.params ?? {}) as Record<string, unknown>;
  return Object.fromEntries(Object.entries(raw).filter((e): e is [string, string] => typeof e[1] === 'string'));
};

/**
 * Registers a handler that returns `{ status, body }` instead of writing to the
 * response. Any thrown error goes to the server's single error mapping.
 */
export const route = (server: Server, definition: RouteDefinition): void => {
  const handle = (req: Request, res: Response, next: Next): void => {
    const context = contextOf(req);
    const ctx: RouteContext = {
      correlationId: context.correlationId,
      logger: context.logger,
      body: (req as { body?: unknown }).body,
      params: paramsOf(req),
      query: queryOf(req),
      headers: req.headers,
      request: req,
    };
    void definition.handler(ctx).then(
      (result) => {
        for (const [name, value] of Object.entries(result.headers ?? {})) res.header(name, value);
        if (result.body === undefined) res.send(result.status);
        else res.send(result.status, result.body);
        next();
      },
      (error: unknown) => {
        next(error instanceof Error ? error : new Error('Non-error thrown', { cause: error }));
      },
    );
  };
  server[definition.method](definition.path, handle);
};
