import { Readable, pipeline } from 'node:stream';
import { AppError, type FieldIssue } from '@pc/core';
import { routes, type ParamsOf, type QueryOf, type RouteDef, type RouteId, type Routes } from '@pc/core/api';
import type { AgendaLink, Caller, UseCaseDeps } from '@pc/core/usecases';
import type { Next, Request, Response, Server } from 'restify';
import type { z } from 'zod';
import { entraClaimsOf, type TokenValidator } from '../../auth/index.ts';
import type { Logger } from '../../logging.ts';
import { contextOf } from '../context.ts';
import { toHttpError } from '../errors.ts';
import type { RequestLimiter } from '../rate-limits.ts';

export interface ApiContext {
  readonly deps: UseCaseDeps;
  readonly tokens: TokenValidator;
  /** The tab's page for a conversation and its agenda, for calendar invitations to link to. */
  readonly agendaLink: AgendaLink;
  /** Per-user and per-tenant request budgets; absent, requests are not counted (local default). */
  readonly limits?: RequestLimiter;
}

type BodyOut<D> = D extends RouteDef<z.ZodType, z.ZodType, infer B> ? z.output<B> : never;

export interface ApiRequest<K extends RouteId> {
  readonly deps: UseCaseDeps;
  readonly caller: Caller;
  readonly params: ParamsOf<Routes[K]>;
  readonly query: QueryOf<Routes[K]>;
  readonly body: BodyOut<Routes[K]>;
  /** The If-Match ETag; always present on routes marked `ifMatch` (checked before the handler runs). */
  readonly ifMatch: string;
  /** The Idempotency-Key header: a client's retry of a create sends the same key and gets the first result. */
  readonly idempotencyKey?: string;
  readonly logger: Logger;
}

export interface ApiReply {
  readonly body: unknown;
  readonly etag?: string;
  /** For file responses: the download name. */
  readonly filename?: string;
}

export type ApiHandler<K extends RouteId> = (request: ApiRequest<K>) => Promise<ApiReply>;

const METHOD = { GET: 'get', POST: 'post', PUT: 'put', PATCH: 'patch', DELETE: 'del' } as const;
const WHERE_MESSAGE = {
  params: 'The address names something that cannot exist.',
  query: 'Some query parameters need another look.',
  body: 'Some fields need another look.',
} as const;

const validate = (schema: z.ZodType | undefined, value: unknown, where: keyof typeof WHERE_MESSAGE): unknown => {
  if (schema === undefined) return undefined;
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const details: FieldIssue[] = parsed.error.issues.map((issue) => ({
    path: [...(where === 'body' ? [] : [where]), ...issue.path.map(String)].join('.') || where,
    message: issue.message,
  }));
  throw new AppError('validation', WHERE_MESSAGE[where], { details });
};

/** The ETag exactly as it was sent to the client; a weak marker is ignored (the stores compare strongly). */
const ifMatchOf = (req: Request, required: boolean): string => {
  const raw = req.headers['if-match'];
  if (typeof raw !== 'string' || raw.trim() === '') {
    if (!required) return '';
    throw new AppError('validation', 'Send the If-Match header with the ETag of the version you loaded.', {
      details: [{ path: 'If-Match', message: 'Required.' }],
    });
  }
  return raw.trim().replace(/^W\//, '');
};

// Printable ASCII, as in the IETF Idempotency-Key draft's examples (UUIDs and the like).
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;

const idempotencyKeyOf = (req: Request): { idempotencyKey?: string } => {
  const raw = req.headers['idempotency-key'];
  if (raw === undefined) return {};
  if (typeof raw !== 'string' || !IDEMPOTENCY_KEY.test(raw.trim())) {
    throw new AppError('validation', 'The Idempotency-Key header needs another look.', {
      details: [{ path: 'Idempotency-Key', message: 'Up to 200 printable characters, no spaces.' }],
    });
  }
  return { idempotencyKey: raw.trim() };
};

const queryOf = (req: Request): Record<string, string> =>
  Object.fromEntries(new URL(req.url ?? '/', 'http://localhost').searchParams.entries());

const send = (res: Response, def: RouteDef, reply: ApiReply, logger: Logger): void => {
  res.header('Cache-Control', 'no-store');
  const status = def.status ?? 200;
  if (def.produces !== undefined && def.produces !== 'application/json') {
    const headers: Record<string, string> = { 'Content-Type': def.produces };
    if (reply.filename !== undefined) headers['Content-Disposition'] = `attachment; filename="${reply.filename}"`;
    if (reply.body instanceof Readable) {
      // A large export is written as it is read; a failure part-way cuts the response short.
      res.writeHead(status, headers);
      pipeline(reply.body, res, (error) => {
        if (error) logger.error({ code: (error as { code?: unknown }).code }, 'streamed export ended early');
      });
      return;
    }
    res.sendRaw(status, reply.body as string | Buffer, headers);
    return;
  }
  const checked = def.response.safeParse(reply.body);
  if (!checked.success) {
    logger.error(
      { issues: checked.error.issues.map((i) => i.path.join('.')) },
      'response does not match the API contract',
    );
    throw new AppError('internal', 'The response did not match the API contract.');
  }
  if (reply.etag !== undefined) res.header('ETag', reply.etag);
  res.send(status, checked.data);
};

/**
 * Registers one route of the API contract: authenticates the bearer token, validates path,
 * query and body with the route's own schemas, enforces If-Match, runs the handler and checks
 * the response against the contract before sending it.
 */
export const registerApiRoute = <K extends RouteId>(
  server: Server,
  api: ApiContext,
  id: K,
  handler: ApiHandler<K>,
): void => {
  const def = routes[id] as RouteDef;
  const run = async (req: Request, res: Response): Promise<void> => {
    const { logger } = contextOf(req);
    const principal = await api.tokens.authenticate(req.headers.authorization);
    const caller: Caller = {
      tenantId: principal.tenantId,
      userId: principal.userId,
      token: principal.token,
      entra: entraClaimsOf(principal),
    };
    await api.limits?.admit(caller);
    const request = {
      deps: api.deps,
      caller,
      params: validate(def.params, req.params ?? {}, 'params'),
      query: validate(def.query, queryOf(req), 'query'),
      body: validate(def.body, (req as { body?: unknown }).body ?? {}, 'body'),
      ifMatch: ifMatchOf(req, def.ifMatch === true),
      ...idempotencyKeyOf(req),
      logger,
    } as ApiRequest<K>;
    send(res, def, await handler(request), logger);
  };
  server[METHOD[def.method]](def.path, (req: Request, res: Response, next: Next) => {
    run(req, res).then(
      () => {
        next();
      },
      (error: unknown) => {
        // A stale If-Match is a plain conflict here (409): the client reloads and retries.
        if (error instanceof AppError && error.code === 'conflict') {
          const { correlationId, logger } = contextOf(req);
          const mapped = toHttpError(error, { correlationId });
          logger.info({ status: mapped.status, code: mapped.body.error.code }, 'request rejected');
          res.send(mapped.status, mapped.body);
          next();
          return;
        }
        next(error instanceof Error ? error : new Error('Non-error thrown', { cause: error }));
      },
    );
  });
};
