/**
 * A recording front for a Bot Connector: every request is timed on arrival and tagged with its
 * tenant before it is passed on, so a test can count what the service saw per tenant in any
 * second (refused requests included), and can have the service refuse one chosen request with a
 * 429 and a Retry-After, as Teams does when an app goes over its limits.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  readonly tenantId: string;
  /** Milliseconds on this process's performance clock. */
  readonly at: number;
  readonly kind: 'create-conversation' | 'post';
  readonly status: number;
}

export interface InjectedThrottle {
  readonly tenantId: string;
  /** The nth request (from 1) seen for the tenant is refused. */
  readonly nth: number;
  readonly retryAfterSeconds: number;
}

export interface ConnectorRecorder {
  readonly url: string;
  readonly requests: readonly RecordedRequest[];
  /** Refuses one request later in the run. */
  throttleOnce(throttle: InjectedThrottle): void;
  /** The refusals injected so far, each with the time it was answered. */
  readonly injected: readonly (InjectedThrottle & { readonly at: number })[];
  /** Most requests one tenant sent within any `windowMs`. */
  peakPerTenant(windowMs?: number): number;
  close(): Promise<void>;
}

const readBody = async (req: IncomingMessage): Promise<Buffer> => {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
};

const tenantOfBody = (body: Record<string, unknown>): string | undefined => {
  const conversation = body.conversation as { tenantId?: unknown } | undefined;
  const channelTenant = (body.channelData as { tenant?: { id?: unknown } } | undefined)?.tenant?.id;
  for (const value of [body.tenantId, conversation?.tenantId, channelTenant])
    if (typeof value === 'string') return value;
  return undefined;
};

/** Most entries of `times` (sorted ascending) inside any window of `windowMs`. */
export const peakInWindow = (times: readonly number[], windowMs: number): number => {
  let peak = 0;
  let start = 0;
  for (let end = 0; end < times.length; end++) {
    while ((times[end] ?? 0) - (times[start] ?? 0) >= windowMs) start += 1;
    peak = Math.max(peak, end - start + 1);
  }
  return peak;
};

export const startConnectorRecorder = async (target: string): Promise<ConnectorRecorder> => {
  const requests: RecordedRequest[] = [];
  const injected: (InjectedThrottle & { at: number })[] = [];
  const pending: InjectedThrottle[] = [];
  const seen = new Map<string, number>();
  const tenantByConversation = new Map<string, string>();

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const at = performance.now();
    const body = await readBody(req);
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const parsed = body.length === 0 ? {} : (JSON.parse(body.toString('utf8')) as Record<string, unknown>);
    const posted = /^\/v3\/conversations\/([^/]+)\/activities/.exec(path);
    const conversationId = posted?.[1] === undefined ? undefined : decodeURIComponent(posted[1]);
    const tenantId =
      tenantOfBody(parsed) ?? (conversationId === undefined ? undefined : tenantByConversation.get(conversationId));
    const kind = posted === null ? 'create-conversation' : 'post';
    const key = tenantId ?? 'unknown';
    const count = (seen.get(key) ?? 0) + 1;
    seen.set(key, count);
    const refuse = pending.findIndex((t) => t.tenantId === key && t.nth === count);
    const throttle = pending[refuse];
    if (throttle !== undefined) {
      pending.splice(refuse, 1);
      injected.push({ ...throttle, at });
      requests.push({ tenantId: key, at, kind, status: 429 });
      res.writeHead(429, { 'content-type': 'application/json', 'retry-after': String(throttle.retryAfterSeconds) });
      res.end(JSON.stringify({ error: { code: 'TooManyRequests', message: 'Too many requests' } }));
      return;
    }
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string') headers[name] = value;
    delete headers.host;
    delete headers['content-length'];
    const answer = await fetch(`${target}${req.url ?? '/'}`, {
      method: req.method ?? 'POST',
      headers,
      ...(body.length === 0 ? {} : { body: body.toString('utf8') }),
    });
    const text = await answer.text();
    requests.push({ tenantId: key, at, kind, status: answer.status });
    if (kind === 'create-conversation' && answer.status < 300 && tenantId !== undefined) {
      const id = (JSON.parse(text) as { id?: unknown }).id;
      if (typeof id === 'string') tenantByConversation.set(id, tenantId);
    }
    const out: Record<string, string> = { 'content-type': answer.headers.get('content-type') ?? 'application/json' };
    const retryAfter = answer.headers.get('retry-after');
    if (retryAfter !== null) out['retry-after'] = retryAfter;
    res.writeHead(answer.status, out);
    res.end(text);
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      res.writeHead(502, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { code: 'BadGateway', message: String(error) } }));
    });
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${String(port)}`,
    requests,
    injected,
    throttleOnce: (throttle) => {
      pending.push(throttle);
    },
    peakPerTenant: (windowMs = 1000) => {
      const byTenant = new Map<string, number[]>();
      for (const r of requests) byTenant.set(r.tenantId, [...(byTenant.get(r.tenantId) ?? []), r.at]);
      return Math.max(
        0,
        ...[...byTenant.values()].map((times) =>
          peakInWindow(
            [...times].sort((a, b) => a - b),
            windowMs,
          ),
        ),
      );
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => {
          if (error) reject(error);
          else resolve();
        });
      }),
  };
};
