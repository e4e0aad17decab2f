export { createHttpServer, listen, DEFAULT_MAX_BODY_BYTES, type HttpServerDeps } from './server.ts';
export {
  route,
  type HttpMethod,
  type RouteContext,
  type RouteDefinition,
  type RouteHandler,
  type RouteResult,
} from './route.ts';
export { toHttpError, type ErrorBody, type ErrorContext, type HttpErrorResponse } from './errors.ts';
export type { HealthCheck } from './health.ts';
export { contextOf, type RequestContext } from './context.ts';
