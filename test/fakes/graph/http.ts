import type { IncomingMessage } from 'node:http';

export interface GraphReply {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: unknown;
}

export const ok = (body: unknown, status = 200): GraphReply => ({ status, body });

export const graphError = (status: number, code: string, message: string): GraphReply => ({
  status,
  body: { error: { code, message, innerError: { date: new Date().toISOString() } } },
});

export const notFound = (what: string): GraphReply =>
  graphError(
    404,
    'Request_ResourceNotFound',
    `Resource '${what}' does not exist or one of its queried reference-property objects are not present.`,
  );

export const readBody = async (req: IncomingMessage): Promise<string> => {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
};

/** Who is calling, read from the bearer token without verifying it (a fake trusts its callers). */
export interface Caller {
  readonly tenantId: string;
  readonly oid: string;
  /** App-only tokens carry roles and no scp. */
  readonly delegated: boolean;
}

const GRAPH_AUDIENCES = new Set(['https://graph.microsoft.com', '00000003-0000-0000-c000-000000000000']);

export const callerFrom = (authorization: string | undefined): Caller | GraphReply => {
  const token = /^Bearer (\S+)$/.exec(authorization ?? '')?.[1];
  if (token === undefined) return graphError(401, 'InvalidAuthenticationToken', 'Access token is empty.');
  try {
    const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<
      string,
      unknown
    >;
    const { tid, oid, aud, scp } = payload;
    if (typeof tid !== 'string' || typeof oid !== 'string') throw new Error('no tid/oid');
    if (typeof aud !== 'string' || !GRAPH_AUDIENCES.has(aud)) {
      return graphError(401, 'InvalidAuthenticationToken', 'Invalid audience.');
    }
    return { tenantId: tid, oid, delegated: typeof scp === 'string' && scp.length > 0 };
  } catch {
    return graphError(401, 'InvalidAuthenticationToken', 'IDX14100: JWT is not well formed.');
  }
};

export const isReply = (value: Caller | GraphReply): value is GraphReply => 'status' in value;

/** Graph's dateTimeTimeZone; this fake understands UTC only, which is all the product sends. */
export interface DateTimeTimeZone {
  readonly dateTime: string;
  readonly timeZone: string;
}

export const toMillis = (value: DateTimeTimeZone): number => {
  if (!['UTC', 'Etc/UTC'].includes(value.timeZone))
    throw new Error(`time zone ${value.timeZone} not supported by the fake`);
  return Date.parse(value.dateTime.endsWith('Z') ? value.dateTime : `${value.dateTime}Z`);
};

export const fromMillis = (ms: number): DateTimeTimeZone => ({
  dateTime: new Date(ms).toISOString().replace('Z', '0000'),
  timeZone: 'UTC',
});
