/**
 * A fake Microsoft Graph v1.0 over real HTTP: directory reads, calendars per mailbox, scheduling,
 * JSON batching, and the failure modes the real service shows (429/503 with Retry-After).
 * Callers are identified from the bearer token without verifying it; token validation is tested elsewhere.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Caller, GraphReply } from './graph/http.ts';
import { callerFrom, graphError, isReply, readBody } from './graph/http.ts';
import { dispatch, mailboxOf, type GraphRequestLine } from './graph/router.ts';
import { fakeOutlook, type FakeOutlook } from './graph/outlook.ts';
import { GraphState, type FakeEvent } from './graph/state.ts';
import { FakeSubscriptions } from './graph/subscriptions.ts';
import type { FakeOrg } from './org.ts';

export type { FakeEvent } from './graph/state.ts';

export interface FakeGraphOptions {
  readonly orgs: readonly FakeOrg[];
  readonly port?: number;
  /** Artificial latency per request, so concurrency can be observed. */
  readonly latencyMs?: number;
  /** The fake's clock in milliseconds (subscription expiry); defaults to Date.now. */
  readonly now?: () => number;
}

export interface Fault {
  readonly status: number;
  /** Sent verbatim as Retry-After; Graph sends whole seconds but clients must cope with fractions. */
  readonly retryAfter?: string;
}

export interface FakeGraph {
  readonly url: string;
  /** `${url}/v1.0`, what a Graph client takes as its base URL. */
  readonly baseUrl: string;
  failNext(count: number, fault: Fault): void;
  /** The most requests ever in flight at once for one mailbox (by user id). */
  maxConcurrency(mailboxId: string): number;
  setLatency(ms: number): void;
  /** Events in a mailbox's calendar, including cancelled copies. */
  events(mailboxId: string): readonly FakeEvent[];
  /** HTTP requests received so far (a batch counts once). */
  requestCount(): number;
  /** Every request received, in order, with the token's claims and the reply: what the product sent. */
  requests(): readonly GraphRequestRecord[];
  /** Puts an ordinary busy meeting in a mailbox's calendar, as someone else might have booked it. */
  addBusy(mailboxId: string, slot: { readonly start: string; readonly end: string; readonly subject?: string }): void;
  /** Who is in a chat that is no booked meeting's (a team's meeting), as Graph lists the chat's members. */
  setChatMembers(chatId: string, userIds: readonly string[]): void;
  /** Change-notification subscriptions, what was delivered, and lifecycle events on request. */
  readonly subscriptions: FakeSubscriptions;
  /** People acting in Outlook itself: moving, cancelling, declining. */
  readonly outlook: FakeOutlook;
  close(): Promise<void>;
}

export interface GraphRequestRecord {
  readonly method: string;
  /** Below /v1.0, e.g. `/me/findMeetingTimes`. */
  readonly path: string;
  readonly body: unknown;
  /** The bearer token's claims, read without verifying it; undefined when none could be read. */
  readonly token: Readonly<Record<string, unknown>> | undefined;
  readonly status: number;
  readonly reply: unknown;
}

const claimsOf = (authorization: string | undefined): Record<string, unknown> | undefined => {
  const payload = /^Bearer [^.]+\.([^.]+)\./.exec(authorization ?? '')?.[1];
  if (payload === undefined) return undefined;
  try {
    return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
  } catch {
    return undefined;
  }
};

const MAX_BATCH = 20;

const send = (res: ServerResponse, reply: GraphReply): void => {
  const headers: Record<string, string> = { 'request-id': crypto.randomUUID(), ...reply.headers };
  if (reply.body === undefined) {
    // Two statements: restify, when loaded in the same process, patches writeHead to return nothing.
    res.writeHead(reply.status, headers);
    res.end();
    return;
  }
  res.writeHead(reply.status, { ...headers, 'content-type': 'application/json' });
  res.end(JSON.stringify(reply.body));
};

export const startFakeGraph = async (options: FakeGraphOptions): Promise<FakeGraph> => {
  const state = new GraphState(options.orgs);
  const subscriptions = new FakeSubscriptions(state, options.now ?? Date.now);
  const faults: Fault[] = [];
  const inFlight = new Map<string, number>();
  const peak = new Map<string, number>();
  let latencyMs = options.latencyMs ?? 0;
  let received = 0;
  const bodies = new WeakMap<IncomingMessage, unknown>();

  const tracked = async (caller: Caller, line: GraphRequestLine): Promise<GraphReply> => {
    const mailbox = mailboxOf(state, caller, line.path);
    if (mailbox !== undefined) {
      const now = (inFlight.get(mailbox) ?? 0) + 1;
      inFlight.set(mailbox, now);
      peak.set(mailbox, Math.max(peak.get(mailbox) ?? 0, now));
    }
    try {
      if (latencyMs > 0) await sleep(latencyMs);
      return dispatch(state, caller, line);
    } finally {
      if (mailbox !== undefined) inFlight.set(mailbox, (inFlight.get(mailbox) ?? 1) - 1);
    }
  };

  const batch = async (caller: Caller, body: unknown): Promise<GraphReply> => {
    const requests = (body as { requests?: unknown } | null)?.requests;
    if (!Array.isArray(requests) || requests.length === 0 || requests.length > MAX_BATCH) {
      return graphError(400, 'BadRequest', `A batch holds between 1 and ${MAX_BATCH} requests.`);
    }
    const items = requests as { id: string; method: string; url: string; body?: unknown }[];
    const responses = await Promise.all(
      items.map(async (item) => {
        const url = new URL(item.url.replace(/^\/?(v1\.0\/)?/, '/'), 'http://graph.local');
        const reply = await tracked(caller, {
          method: item.method,
          path: url.pathname,
          query: url.searchParams,
          body: item.body,
        });
        return { id: item.id, status: reply.status, headers: reply.headers ?? {}, body: reply.body ?? null };
      }),
    );
    return { status: 200, body: { responses } };
  };

  const handle = async (req: IncomingMessage): Promise<GraphReply> => {
    received += 1;
    const fault = faults.shift();
    if (fault !== undefined) {
      const reply = graphError(
        fault.status,
        fault.status === 429 ? 'TooManyRequests' : 'ServiceUnavailable',
        'Please retry later.',
      );
      return { ...reply, headers: fault.retryAfter === undefined ? {} : { 'Retry-After': fault.retryAfter } };
    }
    const caller = callerFrom(req.headers.authorization);
    if (isReply(caller)) return caller;
    if (!state.hasTenant(caller.tenantId)) return graphError(401, 'InvalidAuthenticationToken', 'Unknown tenant.');
    const url = new URL(req.url ?? '/', 'http://graph.local');
    if (!url.pathname.startsWith('/v1.0/')) return graphError(400, 'BadRequest', 'Only v1.0 is served.');
    const text = await readBody(req);
    const body: unknown = text.length > 0 ? JSON.parse(text) : undefined;
    bodies.set(req, body);
    const path = url.pathname.slice('/v1.0'.length);
    if (path === '/$batch' && req.method === 'POST') return batch(caller, body);
    const subscription = await subscriptions.route(caller, req.method ?? 'GET', path, body);
    if (subscription !== undefined) return subscription;
    const origin = `http://${req.headers.host ?? '127.0.0.1'}`;
    return tracked(caller, {
      method: req.method ?? 'GET',
      path,
      query: url.searchParams,
      body,
      origin,
      prefer: req.headers.prefer?.toString(),
    });
  };

  const recorded: GraphRequestRecord[] = [];
  const server = createServer((req, res) => {
    handle(req).then(
      (reply) => {
        const url = new URL(req.url ?? '/', 'http://graph.local');
        recorded.push({
          method: req.method ?? 'GET',
          path: url.pathname.replace(/^\/v1\.0/, ''),
          body: bodies.get(req),
          token: claimsOf(req.headers.authorization),
          status: reply.status,
          reply: reply.body,
        });
        send(res, reply);
      },
      (error: unknown) => {
        send(res, graphError(500, 'InternalServerError', String(error)));
      },
    );
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    baseUrl: `${url}/v1.0`,
    failNext: (count, fault) => {
      for (let i = 0; i < count; i += 1) faults.push(fault);
    },
    maxConcurrency: (mailboxId) => peak.get(mailboxId) ?? 0,
    setLatency: (ms) => {
      latencyMs = ms;
    },
    events: (mailboxId) => [...state.calendar(mailboxId).values()],
    requestCount: () => received,
    requests: () => [...recorded],
    addBusy: (mailboxId, slot) => {
      const id = crypto.randomUUID();
      const at = (iso: string) => ({ dateTime: new Date(iso).toISOString().replace(/Z$/, ''), timeZone: 'UTC' });
      state.calendar(mailboxId).set(id, {
        id,
        iCalUId: crypto.randomUUID(),
        subject: slot.subject ?? 'Busy',
        start: at(slot.start),
        end: at(slot.end),
        attendees: [],
        organizer: { emailAddress: { address: `${mailboxId}@elsewhere.example`, name: 'Someone else' } },
        isOrganizer: true,
        isOnlineMeeting: false,
        onlineMeetingProvider: 'unknown',
        onlineMeeting: null,
        isCancelled: false,
        showAs: 'busy',
      });
    },
    setChatMembers: (chatId, userIds) => {
      state.setChatMembers(chatId, userIds);
    },
    subscriptions,
    outlook: fakeOutlook(state, (mailboxId) => state.tenantOf(mailboxId) ?? ''),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => {
          if (error === undefined) resolve();
          else reject(error);
        });
      }),
  };
};
