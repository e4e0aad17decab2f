import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ApiError, createApiClient, retryAfterMs } from './api.ts';
import { explain } from './logic/explain.ts';

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}
type Reply = { status: number; body?: unknown; headers?: Record<string, string> };

const seen: Seen[] = [];
let replies: Reply[] = [];
let baseUrl = '';
const server = createServer((req, res) => {
  let body = '';
  req.on('data', (c: Buffer) => (body += c.toString()));
  req.on('end', () => {
    seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
    const reply = replies.shift() ?? { status: 500 };
    res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
    res.end(reply.body === undefined ? '' : JSON.stringify(reply.body));
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
});

const waits: number[] = [];
const client = () =>
  createApiClient({
    baseUrl,
    getToken: () => Promise.resolve('token-1'),
    sleep: (ms) => {
      waits.push(ms);
      return Promise.resolve();
    },
  });
const booked = {
  conversationId: 'c1',
  etag: '"e2"',
  start: '2026-03-05T09:00:00Z',
  end: '2026-03-05T10:00:00Z',
  subject: 'Big Picture conversation',
  bodyHtml: '<p>Agenda</p>',
};

describe('API client over the route table', () => {
  it('fills path params, query, bearer token and parses the typed response', async () => {
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
    expect(JSON.parse(seen[0]!.body)).toEqual({ start: booked.start, end: booked.end });
  });

  it('turns the error body into a typed ApiError with the server’s safe message', async () => {
    replies = [
      { status: 403, body: { error: { code: 'forbidden', message: 'Not your report.', correlationId: 'r-1' } } },
    ];
    const error = await client()
      .call('me.team', {})
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 403, code: 'forbidden', message: 'Not your report.', correlationId: 'r-1' });
    expect(explain(error, 'loading').situation).toBe('no-relationship');
  });

  it('waits as Retry-After says when throttled, then succeeds', async () => {
    waits.length = 0;
    replies = [
      { status: 429, headers: { 'retry-after': '2' }, body: { error: { code: 'throttled', message: 'Busy.' } } },
      { status: 429, headers: { 'retry-after': '0.5' }, body: { error: { code: 'throttled', message: 'Busy.' } } },
      { status: 201, body: booked },
    ];
    const result = await client().call('bookings.create', {
      body: { employeeId: 'p1', type: 'big-picture', start: booked.start, end: booked.end },
    });
    expect(result.conversationId).toBe('c1');
    expect(waits).toEqual([2000, 500]);
    expect(seen).toHaveLength(3);
  });

  it('gives up after three retries and explains that Microsoft 365 is busy', async () => {
    replies = Array.from({ length: 4 }, () => ({
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
    expect(error).toMatchObject({ code: 'throttled' });
    const told = explain(error, 'finding times');
    expect(told.situation).toBe('throttled');
    expect(told.message).toMatch(/tried 4 times.*try again/);
  });

  it('reads Retry-After as an HTTP date too, and caps long waits', () => {
    const now = Date.parse('2026-03-01T10:00:00Z');
    expect(retryAfterMs('Sun, 01 Mar 2026 10:00:05 GMT', now)).toBe(5000);
    expect(retryAfterMs('3600', now)).toBe(30_000);
    expect(retryAfterMs(null, now)).toBe(1000);
  });

  it('refuses an answer that does not match the contract', async () => {
    replies = [{ status: 200, body: { nonsense: true } }];
    await expect(client().call('me.get', {})).rejects.toMatchObject({ code: 'internal' });
  });
});
