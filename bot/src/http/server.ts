import { AppError } from '@pc/core';
import { routes } from '@pc/core/api';
import { createServer, plugins, type Request, type Response, type Server } from 'restify';
import { CORRELATION_RESPONSE_HEADER, correlationIdFrom, withCorrelation, type Logger } from '../logging.ts';
import { attachContext, contextOf } from './context.ts';
import { toHttpError } from './errors.ts';
import { registerHealth, type HealthCheck } from './health.ts';
import { endRequestSpan, recordRequest, recordTurn, startRequestSpan } from '../telemetry/index.ts';
import { isSourceMapPath, securityHeaders, type SecurityHeaderOptions } from './security-headers.ts';

export interface HttpServerDeps {
  readonly logger: Logger;
  readonly version: string;
  readonly healthChecks?: readonly HealthCheck[];
  /** Largest accepted request body; Teams activities and our API bodies are far smaller. */
  readonly maxBodyBytes?: number;
  /** One line per request: 'info' in production; 'debug' locally, where it would bury the start banner. */
  readonly requestLogLevel?: 'info' | 'debug';
  readonly now?: () => number;
  /** Content-Security-Policy, nosniff, Referrer-Policy, and HSTS in production; local defaults when absent. */
  readonly security?: SecurityHeaderOptions;
}

/** The Bot Connector's route: its requests are Teams turns, timed on their own as well. */
const BOT_TURN_ROUTE = '/api/messages';

export const DEFAULT_MAX_BODY_BYTES = 256 * 1024;
/** An HR file checked or applied from the tab: a 50,000-row ESR export is several MB. */
const HR_IMPORT_MAX_BODY_BYTES = 32 * 1024 * 1024;
/** The routes that take a larger body than the default, by their path as registered. */
const LARGE_BODY_ROUTES: ReadonlyMap<string, number> = new Map([
  [routes['admin.import'].path, HR_IMPORT_MAX_BODY_BYTES],
]);

type Handler = (req: Request, res: Response, next: (error?: unknown) => void) => void;

/** Runs restify handlers in turn, stopping at the first that passes an error on. */
const inTurn =
  (handlers: readonly Handler[]): Handler =>
  (req, res, next) => {
    const step = (i: number) => (error?: unknown) => {
      const handler = handlers[i];
      if ((error !== undefined && error !== null) || handler === undefined) {
        next(error);
        return;
      }
      handler(req, res, step(i + 1));
    };
    step(0)();
  };

const sendError = (req: Request, res: Response, error: unknown): void => {
  const { correlationId, logger } = contextOf(req);
  const mapped = toHttpError(error, { correlationId });
  if (mapped.unexpected) logger.error({ err: error }, 'request failed');
  else logger.info({ status: mapped.status, code: mapped.body.error.code }, 'request rejected');
  for (const [name, value] of Object.entries(mapped.headers)) res.header(name, value);
  res.send(mapped.status, mapped.body);
};

/**
 * The restify server every surface registers on: correlation ids, a bounded
 * JSON body parser, one error mapping, request logging and GET /healthz.
 */
export const createHttpServer = (deps: HttpServerDeps): Server => {
  const now = deps.now ?? Date.now;
  const server = createServer({ name: 'performance-conversations', handleUncaughtExceptions: false });
  const security = deps.security ?? { production: false };
  const headers = Object.entries(securityHeaders(security));

  server.pre((req, res, next) => {
    const correlationId = correlationIdFrom(req.headers);
    const startedAt = now();
    const span = startRequestSpan(req.method ?? 'GET', correlationId, startedAt);
    attachContext(req, { correlationId, logger: withCorrelation(deps.logger, correlationId), startedAt, span });
    res.header(CORRELATION_RESPONSE_HEADER, correlationId);
    for (const [name, value] of headers) res.header(name, value);
    if (security.production && isSourceMapPath(new URL(req.url ?? '/', 'http://localhost').pathname)) {
      next(new AppError('not-found', 'No such file.'));
      return;
    }
    next();
  });
  // jsonBodyParser hands maxBodySize to its body reader; the published types omit it.
  const parser = (maxBodySize: number): Handler => {
    const options = { mapParams: false, maxBodySize };
    return inTurn(plugins.jsonBodyParser(options));
  };
  const standard = parser(deps.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES);
  const large = new Map([...LARGE_BODY_ROUTES].map(([path, max]) => [path, parser(max)]));
  // Use handlers run once the route is known, so only the named routes read a larger body.
  server.use((req, res, next) => {
    const path = req.getRoute().path;
    (large.get(typeof path === 'string' ? path : '') ?? standard)(req, res, next);
  });

  server.on('restifyError', (req: Request, res: Response, error: unknown, done: () => void) => {
    sendError(req, res, error);
    done();
  });
  server.on('after', (req: Request, res: Response) => {
    const { logger, startedAt, span } = contextOf(req);
    // The route pattern, not the URL: paths and queries can carry personal data.
    const routePath = (req as { route?: { path?: unknown } }).route?.path;
    const route = typeof routePath === 'string' ? routePath : 'unmatched';
    const method = req.method ?? 'GET';
    const ended = now();
    const ms = ended - startedAt;
    logger[deps.requestLogLevel ?? 'info']({ method, route, status: res.statusCode, ms }, 'request handled');
    recordRequest({ route, method, status: res.statusCode }, ms);
    if (route === BOT_TURN_ROUTE) recordTurn(res.statusCode, ms);
    if (span !== undefined) endRequestSpan(span, { method, route, status: res.statusCode }, ended);
  });

  registerHealth(server, { version: deps.version, checks: deps.healthChecks ?? [], startedAt: now(), now });
  return server;
};

/** Listens and resolves with the bound address; port 0 picks a free port. */
export const listen = async (
  server: Server,
  port: number,
  host = '127.0.0.1',
): Promise<{ port: number; url: string }> => {
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(port, host, () => {
      server.server.off('error', reject);
      resolve();
    });
  });
  const address = server.server.address();
  const bound = typeof address === 'object' && address !== null ? address.port : port;
  return { port: bound, url: `http://${host === '0.0.0.0' ? 'localhost' : host}:${bound}` };
};
