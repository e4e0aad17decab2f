import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ApiError, CONFLICT_MESSAGE, retryAfterMs } from './client-error.ts';
import { createApiClient, type ApiClientOptions } from './client.ts';

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}
interface Reply {
  status: number;
  body?: unknown;
  /** Sent as it is, instead of JSON. */
  raw?: string;
  headers?: Record<string, string>;
}

const seen: Seen[] = [];
let replies: Reply[] = [];
let baseUrl = '';
const server = createServer((req, res) => {
  let body = '';
  req.on('data', (c: Buffer) => (body += c.toString()));
  req.on('end', () => {
    seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
    const reply = replies.shift() ?? { status: 404, body: { error: { code: 'not-found', message: 'No such thing.' } } };
    res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
    res.end(reply.raw ?? (reply.body === undefined ? '' : JSON.stringify(reply.body)));
  });
});

beforeAll(async () => {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});
beforeEach(() => {
  seen.length = 0;
  replies = [];
  waits.length = 0;
});

/** A token source that numbers the tokens it hands out and records when a fresh one was asked for. */
const tokens = () => {
  const issued: boolean[] = [];
  return {
    issued,
    source: ({ forceRefresh }: { forceRefresh: boolean }) => {
      issued.push(forceRefresh);
      return Promise.resolve(`token-${issued.length}`);
    },
  };
};
const waits: number[] = [];
const client = (extra: Partial<ApiClientOptions> = {}) =>
  createApiClient({
    baseUrl,
    getToken: tokens().source,
    fetch: (url, init) => fetch(url, init),
    sleep: (ms) => {
      waits.push(ms);
      return Promise.resolve();
    },
    ...extra,
  });
const booked = {
  conversationId: 'c1',
  etag: '"e2"',
  start: '2026-03-05T09:00:00Z',
  end: '2026-03-05T10:00:00Z',
  subject: 'Big Picture conversation',
  bodyHtml: '<p>Agenda</p>',
};
const objective = {
  id: 'o1',
  ownerId: 'p 1',
  kind: 'task',
  title: 'Done',
  horizon: 'short',
  status: 'agreed',
  progress: 50,
  progressNotes: [],
  createdAt: '2026-03-01T10:00:00Z',
  updatedAt: '2026-03-01T10:00:00Z',
  etag: '"e2"',
};

describe('the API client the tab and the add-in share', () => {
  it('fills path params, query, bearer token and parses the typed reply', async () => {
    replies = [
      { status: 200, body: { employeeId: 'p|1', schemeId: 'assembly-secretariat', on: '2026-03-01', items: [] } },
    ];
    const due = await client().call('person.due', { params: { personId: 'p|1' }, query: { on: '2026-03-01' } });
    expect(due.schemeId).toBe('assembly-secretariat');
    expect(seen[0]).toMatchObject({ method: 'GET', url: '/api/v1/people/p%7C1/due?on=2026-03-01' });
    expect(seen[0]!.headers.authorization).toBe('Bearer token-1');
  });

  it('sends the JSON body and the ETag in If-Match', async () => {
    replies = [{ status: 200, body: booked }];
    await client().call('bookings.reschedule', {
      params: { personId: 'p1', conversationId: 'c1' },
      body: { start: booked.start, end: booked.end },
      ifMatch: '"e1"',
    });
    expect(seen[0]).toMatchObject({ method: 'PATCH', url: '/api/v1/people/p1/bookings/c1' });
    expect(seen[0]!.headers['if-match']).toBe('"e1"');
    expect(seen[0]!.headers['content-type']).toBe('application/json');
    expect(JSON.parse(seen[0]!.body)).toEqual({ start: booked.start, end: booked.end });
  });

  it('encodes path params and leaves out query values not given', async () => {
    replies = [{ status: 200, body: { items: [] } }];
    await client().call('conversations.list', {
      params: { personId: 'p 1' },
      query: { pageSize: 20, type: undefined },
    });
    expect(seen[0]!.url).toBe('/api/v1/people/p%201/conversations?pageSize=20');
  });

  it('surfaces a validation error with its code, field details and correlation id', async () => {
    replies = [
      {
        status: 400,
        body: {
          error: {
            code: 'validation',
            message: 'Some details need changing.',
            details: [{ path: 'title', message: 'Required.' }],
            correlationId: 'c-123',
          },
        },
      },
    ];
    const error = await client()
      .call('objectives.create', { params: { personId: 'p1' }, body: { kind: 'task', title: '', horizon: 'short' } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    const e = error as ApiError;
    expect([e.status, e.code, e.message, e.correlationId]).toEqual([
      400,
      'validation',
      'Some details need changing.',
      'c-123',
    ]);
    expect(e.detailFor('title')).toBe('Required.');
  });

  it('keeps the server’s safe message for a refusal', async () => {
    replies = [
      { status: 403, body: { error: { code: 'forbidden', message: 'Not your report.', correlationId: 'r-1' } } },
    ];
    const error = await client()
      .call('me.team')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 403, code: 'forbidden', message: 'Not your report.', correlationId: 'r-1' });
  });

  it('turns a 409 on a stale ETag into a "changed by someone else, reload" error', async () => {
    for (const status of [409]) {
      replies = [{ status, body: { error: { code: 'conflict', message: 'etag mismatch' } } }];
      const e = (await client()
        .call('conversations.agree', { params: { personId: 'p1', conversationId: 'c1' }, body: {}, ifMatch: '"old"' })
        .catch((x: unknown) => x)) as ApiError;
      expect(e.isConflict).toBe(true);
      expect(e.message).toBe(CONFLICT_MESSAGE);
      expect(e.message).toMatch(/changed.*Reload/);
    }
  });

  it('gets a fresh token once after a 401 and retries with it', async () => {
    replies = [
      { status: 401, body: { error: { code: 'unauthenticated', message: 'expired' } } },
      { status: 200, body: objective },
    ];
    const t = tokens();
    const result = await client({ getToken: t.source }).call('objectives.update', {
      params: { personId: 'p 1', objectiveId: 'o1' },
      body: { progress: 50 },
      ifMatch: '"e1"',
    });
    expect(result.title).toBe('Done');
    expect(t.issued).toEqual([false, true]);
    expect(seen.map((s) => s.headers.authorization)).toEqual(['Bearer token-1', 'Bearer token-2']);
    expect(seen[1]).toMatchObject({
      method: 'PATCH',
      url: '/api/v1/people/p%201/objectives/o1',
      body: '{"progress":50}',
    });
    expect(seen[1]!.headers['if-match']).toBe('"e1"');
  });

  it('gives up after the second 401 with a sign-in-again message', async () => {
    replies = [{ status: 401 }, { status: 401 }];
    const t = tokens();
    const e = (await client({ getToken: t.source })
      .call('me.team')
      .catch((x: unknown) => x)) as ApiError;
    expect([e.status, e.code]).toEqual([401, 'unauthenticated']);
    expect(e.message).toMatch(/Sign in again/);
    expect(t.issued).toHaveLength(2);
    expect(seen).toHaveLength(2);
  });

  it('waits as Retry-After says when throttled, then succeeds', async () => {
    replies = [
      { status: 429, headers: { 'retry-after': '2' }, body: { error: { code: 'throttled', message: 'Busy.' } } },
      { status: 503, headers: { 'retry-after': '0.5' }, body: { error: { code: 'unavailable', message: 'Busy.' } } },
      { status: 201, body: booked },
    ];
    const result = await client().call('bookings.create', {
      body: { employeeId: 'p1', type: 'big-picture', start: booked.start, end: booked.end },
    });
    expect(result.conversationId).toBe('c1');
    expect(waits).toEqual([2000, 500]);
    expect(seen).toHaveLength(3);
    expect(seen.every((s) => s.body === seen[0]!.body && s.method === 'POST')).toBe(true);
  });

  it('#17.7 a booking sends one Idempotency-Key and keeps it across its own retries, so the server books once', async () => {
    replies = [
      { status: 503, headers: { 'retry-after': '0' }, body: { error: { code: 'unavailable', message: 'Busy.' } } },
      { status: 201, body: booked },
      { status: 201, body: booked },
      { status: 201, body: booked },
    ];
    const input = { employeeId: 'p1', type: 'big-picture' as const, start: booked.start, end: booked.end };
    await client().call('bookings.create', { body: input });
    const [first, retried] = seen.map((s) => s.headers['idempotency-key']);
    expect(first).toMatch(/^[\x21-\x7e]{8,200}$/);
    expect(retried).toBe(first);
    // A new booking is a new key; a person's own retry may pass the key of the first attempt.
    await client().call('bookings.create', { body: input, idempotencyKey: 'same-click-0001' });
    expect(seen[2]?.headers['idempotency-key']).toBe('same-click-0001');
    await client().call('bookings.create', { body: input });
    expect(seen[3]?.headers['idempotency-key']).not.toBe(first);
    replies = [{ status: 200, body: booked }];
    await client().call('bookings.reschedule', {
      params: { personId: 'p1', conversationId: 'c1' },
      body: { start: booked.start, end: booked.end },
      ifMatch: '"e1"',
    });
    expect(seen[4]?.headers['idempotency-key']).toBeUndefined();
  });

  it('gives up after three retries and says it tried four times', async () => {
    replies = Array.from({ length: 5 }, () => ({
      status: 429,
      headers: { 'retry-after': '1' },
      body: { error: { code: 'throttled', message: 'Microsoft Graph asked us to slow down.' } },
    }));
    const error = await client()
      .call('bookings.suggest', {
        body: { employeeId: 'p1', type: 'big-picture', from: '2026-03-01', to: '2026-03-14' },
      })
      .catch((e: unknown) => e);
    expect(seen).toHaveLength(4);
    expect(waits).toEqual([1000, 1000, 1000]);
    expect(error).toMatchObject({ status: 429, code: 'throttled' });
    expect((error as ApiError).message).toMatch(/^Microsoft Graph asked us to slow down\. .*tried 4 times.*try again/);
  });

  it('reads Retry-After as an HTTP date too, and caps long waits', () => {
    const now = Date.parse('2026-03-01T10:00:00Z');
    expect(retryAfterMs('Sun, 01 Mar 2026 10:00:05 GMT', now)).toBe(5000);
    expect(retryAfterMs('3600', now)).toBe(30_000);
    expect(retryAfterMs(null, now)).toBe(1000);
  });

  it('refuses a reply that does not match the contract', async () => {
    replies = [{ status: 200, body: { nonsense: true } }];
    await expect(client().call('me.get')).rejects.toMatchObject({ code: 'bad-response' });
  });

  it('explains a non-JSON server failure and an unreachable server in plain words', async () => {
    replies = [
      { status: 500, raw: '<h1>down</h1>', headers: { 'content-type': 'text/html', 'x-correlation-id': 'c-9' } },
    ];
    const e = (await client()
      .call('person.get', { params: { personId: 'p1' } })
      .catch((x: unknown) => x)) as ApiError;
    expect([e.status, e.code, e.correlationId]).toEqual([500, 'unavailable', 'c-9']);
    expect(e.message).toMatch(/Try again/);
    const offline = client({ baseUrl: 'http://127.0.0.1:1' });
    const n = (await offline.call('me.get').catch((x: unknown) => x)) as ApiError;
    expect([n.status, n.code]).toEqual([0, 'network']);
  });
});
