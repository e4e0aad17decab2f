import { isAppError, type AppErrorCode, type FieldIssue } from '@pc/core';

/** The JSON body of every error response. Never carries a stack trace. */
export interface ErrorBody {
  readonly error: {
    readonly code: string;
    readonly message: string;
    readonly details?: readonly FieldIssue[];
    readonly correlationId: string;
  };
}

export interface HttpErrorResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: ErrorBody;
  /** True when the cause is unexpected and should be logged at error level with its stack. */
  readonly unexpected: boolean;
}

export interface ErrorContext {
  readonly correlationId: string;
}

const STATUS: Readonly<Record<AppErrorCode, number>> = {
  validation: 400,
  unauthenticated: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  throttled: 429,
  unavailable: 503,
  internal: 500,
};

// Framework errors (bad JSON, body too large, unknown route) carry a status but
// their messages can echo the request, so each gets a fixed message instead.
const FRAMEWORK: Readonly<Record<number, { code: string; message: string }>> = {
  400: { code: 'validation', message: 'The request body could not be read.' },
  404: { code: 'not-found', message: 'No such resource.' },
  405: { code: 'method-not-allowed', message: 'This method is not allowed here.' },
  406: { code: 'not-acceptable', message: 'The requested response format is not available.' },
  413: { code: 'payload-too-large', message: 'The request body is too large.' },
  415: { code: 'unsupported-media-type', message: 'Send the request body as application/json.' },
};

const INTERNAL_MESSAGE = 'Something went wrong on our side. Quote the correlation id if you contact support.';

const frameworkStatus = (error: unknown): number | undefined => {
  if (!(error instanceof Error)) return undefined;
  const status = (error as { statusCode?: unknown }).statusCode;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : undefined;
};

const body = (code: string, message: string, correlationId: string, details?: readonly FieldIssue[]): ErrorBody => ({
  error: { code, message, ...(details && details.length > 0 ? { details } : {}), correlationId },
});

/** The one mapping from an error to an HTTP response, used by every route of the server. */
export const toHttpError = (error: unknown, context: ErrorContext): HttpErrorResponse => {
  const { correlationId } = context;
  if (isAppError(error)) {
    // A stale If-Match is a conflict like any other (409): the client reloads and tries again.
    const status = STATUS[error.code];
    const headers: Record<string, string> = {};
    if (error.code === 'unauthenticated') headers['WWW-Authenticate'] = 'Bearer';
    // Throttling always tells the caller when to come back; an outage only when we know.
    if (error.code === 'throttled' || (error.code === 'unavailable' && error.retryAfterSeconds !== undefined)) {
      headers['Retry-After'] = String(Math.max(1, Math.ceil(error.retryAfterSeconds ?? 1)));
    }
    const message = error.code === 'internal' ? INTERNAL_MESSAGE : error.message;
    return {
      status,
      headers,
      body: body(error.code, message, correlationId, error.details),
      unexpected: status === 500,
    };
  }
  const status = frameworkStatus(error);
  if (status !== undefined) {
    const known = FRAMEWORK[status] ?? { code: 'bad-request', message: 'The request could not be handled.' };
    return { status, headers: {}, body: body(known.code, known.message, correlationId), unexpected: false };
  }
  return { status: 500, headers: {}, body: body('internal', INTERNAL_MESSAGE, correlationId), unexpected: true };
};
