import { randomUUID } from 'node:crypto';
import type { Span } from '@opentelemetry/api';
import { pino } from 'pino';
import type { Request } from 'restify';
import type { Logger } from '../logging.ts';

/** What the server learns about a request before any route runs. */
export interface RequestContext {
  readonly correlationId: string;
  readonly logger: Logger;
  readonly startedAt: number;
  /** The request's trace span, ended when the response has gone. */
  readonly span?: Span;
}

const CONTEXT = Symbol('performance-conversations.request-context');
type Holder = Request & { [CONTEXT]?: RequestContext };

export const attachContext = (req: Request, context: RequestContext): void => {
  (req as Holder)[CONTEXT] = context;
};

/**
 * The context attached in the server's first step. A server not built by
 * createHttpServer has none; it then gets a fresh id and a silent logger.
 */
export const contextOf = (req: Request): RequestContext =>
  (req as Holder)[CONTEXT] ?? { correlationId: randomUUID(), logger: pino({ level: 'silent' }), startedAt: Date.now() };
