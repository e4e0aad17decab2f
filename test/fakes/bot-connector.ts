import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SlidingWindowLimiter, type LimitSpec } from './connector/limits.ts';

/**
 * A fake Bot Connector service over real HTTP: the bot's replies and proactive
 * messages arrive here exactly as they would at Teams' service URL. It can
 * enforce Teams' rate limits (429 + Retry-After) and counts what it accepted.
 */
export interface FakeConnectorOptions {
  /** Messages into one conversation (Teams: about 1 per second). */
  readonly perConversation?: LimitSpec;
  /** Requests per app per tenant (Teams: 50 per second). */
  readonly perTenant?: LimitSpec;
  /** Retry-After sent with a 429, in seconds; fractional values let tests run faster. */
  readonly retryAfterSeconds?: (waitMs: number) => number;
}

export interface RecordedActivity {
  readonly id: string;
  readonly conversationId: string;
  readonly replyToId?: string;
  readonly tenantId: string;
  readonly activity: Record<string, unknown>;
  /** The Authorization header the bot sent, if any: the connector does not check it, tests do. */
  readonly authorization?: string;
}

/** A message the bot changed in place (updateActivity), in arrival order. */
export interface RecordedUpdate {
  readonly conversationId: string;
  readonly activityId: string;
  readonly activity: Record<string, unknown>;
}

export interface CreatedConversation {
  readonly id: string;
  readonly tenantId: string;
  readonly memberId: string;
}

export interface FakeBotConnector {
  readonly url: string;
  readonly activities: readonly RecordedActivity[];
  readonly conversations: readonly CreatedConversation[];
  readonly updates: readonly RecordedUpdate[];
  readonly stats: { throttled: number; violations: number; peakPerConversation: number; peakPerTenant: number };
  /** Accepted activities per conversation id. */
  countsByConversation(): Map<string, number>;
  /** The first card attachment of each activity, in arrival order. */
  cards(): Record<string, unknown>[];
  waitFor(predicate: () => boolean, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

const readJson = async (req: IncomingMessage): Promise<Record<string, unknown>> => {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text === '' ? {} : (JSON.parse(text) as Record<string, unknown>);
};

const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void => {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
};

const tenantOf = (body: Record<string, unknown>): string | undefined => {
  const conversation = body.conversation as { tenantId?: unknown } | undefined;
  const channelTenant = (body.channelData as { tenant?: { id?: unknown } } | undefined)?.tenant?.id;
  for (const value of [body.tenantId, conversation?.tenantId, channelTenant])
    if (typeof value === 'string') return value;
  return undefined;
};

export const startFakeBotConnector = async (options: FakeConnectorOptions = {}): Promise<FakeBotConnector> => {
  const activities: RecordedActivity[] = [];
  const conversations: CreatedConversation[] = [];
  const updates: RecordedUpdate[] = [];
  const tenantByConversation = new Map<string, string>();
  const stats = { throttled: 0, violations: 0, peakPerConversation: 0, peakPerTenant: 0 };
  const perConversation =
    options.perConversation === undefined ? undefined : new SlidingWindowLimiter(options.perConversation);
  const perTenant = options.perTenant === undefined ? undefined : new SlidingWindowLimiter(options.perTenant);
  const retryAfter = options.retryAfterSeconds ?? ((ms: number) => Math.ceil(ms / 1000));
  let nextId = 0;

  /** True when the request may proceed; otherwise a 429 has been written. */
  const admit = (res: ServerResponse, tenantId: string, conversationId?: string): boolean => {
    const now = performance.now();
    const waits = [
      perTenant?.check(tenantId, now),
      conversationId === undefined ? undefined : perConversation?.check(conversationId, now),
    ].filter((w): w is number => w !== undefined);
    stats.violations = (perTenant?.violations ?? 0) + (perConversation?.violations ?? 0);
    stats.peakPerTenant = perTenant?.peak ?? 0;
    stats.peakPerConversation = perConversation?.peak ?? 0;
    if (waits.length === 0) return true;
    stats.throttled += 1;
    send(
      res,
      429,
      { error: { code: 'TooManyRequests', message: 'Too many requests' } },
      { 'retry-after': String(retryAfter(Math.max(...waits))) },
    );
    return false;
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const updated = /^\/v3\/conversations\/([^/]+)\/activities\/([^/]+)$/.exec(path);
    if (req.method === 'PUT' && updated?.[1] !== undefined && updated[2] !== undefined) {
      const body = await readJson(req);
      const conversationId = decodeURIComponent(updated[1]);
      const activityId = decodeURIComponent(updated[2]);
      updates.push({ conversationId, activityId, activity: body });
      send(res, 200, { id: activityId });
      return;
    }
    if (req.method !== 'POST') {
      send(res, 405, { error: { code: 'MethodNotAllowed' } });
      return;
    }
    const body = await readJson(req);
    if (path === '/v3/conversations') {
      const tenantId = tenantOf(body) ?? 'unknown';
      const member = (body.members as { id?: unknown }[] | undefined)?.[0]?.id;
      if (typeof member !== 'string') {
        send(res, 400, { error: { code: 'BadArgument', message: 'members required' } });
        return;
      }
      if (!admit(res, tenantId)) return;
      // Teams hands back the same 1:1 chat for the same person.
      const id = `a:1on1-${tenantId}-${member}`;
      if (!tenantByConversation.has(id)) conversations.push({ id, tenantId, memberId: member });
      tenantByConversation.set(id, tenantId);
      send(res, 201, { id });
      return;
    }
    const match = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/.exec(path);
    if (match?.[1] !== undefined) {
      const conversationId = decodeURIComponent(match[1]);
      const tenantId = tenantOf(body) ?? tenantByConversation.get(conversationId) ?? 'unknown';
      if (!admit(res, tenantId, conversationId)) return;
      nextId += 1;
      const id = `act-${String(nextId)}`;
      const replyToId = match[2] === undefined ? undefined : decodeURIComponent(match[2]);
      const authorization = req.headers.authorization;
      activities.push({
        id,
        conversationId,
        tenantId,
        activity: body,
        ...(replyToId === undefined ? {} : { replyToId }),
        ...(authorization === undefined ? {} : { authorization }),
      });
      send(res, 200, { id });
      return;
    }
    send(res, 404, { error: { code: 'NotFound' } });
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error('fake connector failed', error);
      send(res, 500, { error: { code: 'InternalError' } });
    });
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${String(port)}`,
    activities,
    conversations,
    updates,
    stats,
    countsByConversation: () => {
      const counts = new Map<string, number>();
      for (const a of activities) counts.set(a.conversationId, (counts.get(a.conversationId) ?? 0) + 1);
      return counts;
    },
    cards: () =>
      activities.flatMap((a) => {
        const attachments = a.activity.attachments as { content?: Record<string, unknown> }[] | undefined;
        const content = attachments?.[0]?.content;
        return content === undefined ? [] : [content];
      }),
    waitFor: async (predicate, timeoutMs = 10_000) => {
      const deadline = Date.now() + timeoutMs;
      while (!predicate()) {
        if (Date.now() > deadline) throw new Error('timed out waiting at the fake connector');
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
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
