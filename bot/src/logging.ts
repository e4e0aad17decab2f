import { randomUUID } from 'node:crypto';
import { pino, type DestinationStream, type Logger } from 'pino';
import type { LogLevel } from './config.ts';

export type { Logger } from 'pino';

/**
 * Paths whose values never reach a log line: credentials, note text and
 * personal data. Pino matches `*` one level deep, so the common nestings
 * (err, body, req, item) are spelled out.
 */
const SENSITIVE_KEYS = [
  'authorization',
  'Authorization',
  'cookie',
  'token',
  'accessToken',
  'idToken',
  'refreshToken',
  'password',
  'key',
  'notes',
  'text',
  'sections',
  'body',
  'email',
  'mail',
  'userPrincipalName',
  'grounds',
];
const CONTAINERS = ['*', 'req', 'res', 'err', 'item', 'record', 'headers', 'req.headers', 'res.headers'];

export const REDACT_PATHS: readonly string[] = [
  ...SENSITIVE_KEYS,
  ...CONTAINERS.flatMap((c) => SENSITIVE_KEYS.map((k) => `${c}.${k}`)),
  'req.headers["x-ms-token-aad-id-token"]',
];

export interface LoggerOptions {
  readonly level: LogLevel;
  readonly name?: string;
  /** Where JSON lines go; stdout by default. Tests pass a collecting stream. */
  readonly destination?: DestinationStream;
}

export const createLogger = (options: LoggerOptions): Logger =>
  pino(
    {
      name: options.name ?? 'performance-conversations',
      level: options.level,
      redact: { paths: [...REDACT_PATHS], censor: '[redacted]' },
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    options.destination ?? pino.destination({ dest: 1, sync: false }),
  );

/** Headers a caller may use to hand us its correlation id (Teams sends MS-CV). */
export const CORRELATION_HEADERS = ['x-correlation-id', 'ms-cv', 'x-ms-correlation-id'] as const;
export const CORRELATION_RESPONSE_HEADER = 'x-correlation-id';

// Short and plain so a caller cannot inject log lines or giant values.
const SAFE_ID = /^[A-Za-z0-9._:+/=-]{1,128}$/;

/** The caller's correlation id when it is safe to echo, otherwise a new UUID. */
export const correlationIdFrom = (headers: Readonly<Record<string, string | string[] | undefined>>): string => {
  for (const name of CORRELATION_HEADERS) {
    const raw = headers[name];
    const value = Array.isArray(raw) ? raw[0] : raw;
    if (value !== undefined && SAFE_ID.test(value)) return value;
  }
  return randomUUID();
};

export const withCorrelation = (logger: Logger, correlationId: string): Logger => logger.child({ correlationId });
