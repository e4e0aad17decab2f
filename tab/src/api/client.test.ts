import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError, createApiClient } from './client.ts';
import { CONFLICT_MESSAGE } from './errors.ts';

interface Seen {
  method: string;
  url: string;
  auth: string | undefined;
  ifMatch: string | undefined;
  body: string;
}

const seen: Seen[] = [];
type Handler = (req: IncomingMessage, res: ServerResponse) => void;
const handlers = new Map<string, Handler>();

const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
};

const server = createServer((req, res) => {
  let body = '';
  req.on('data', (c: Buffer) => (body += c.toString()));
  req.on('end', () => {
    seen.push({
      method: req.method ?? '',
      url: req.url ?? '',
      auth: req.headers.authorization,
      ifMatch: req.headers['if-match'],
      body,
    });
    const handler = handlers.get(`${req.method ?? ''} ${(req.url ?? '').split('?')[0] ?? ''}`);
    if (handler) handler(req, res);
    else json(res, 404, { error: { code: 'not-found', message: 'No such thing.' } });
  });
});
let baseUrl = '';

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((resolve) =>
    server.close(() => {
      resolve();
    }),
  );
});

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

describe('API client', () => {
  it('fills the path from params, adds the query, the bearer token and If-Match', async () => {
    handlers.set('PATCH /api/v1/people/p%201/objectives/o1', (_req, res) => {
      json(res, 200, { id: 'o1', title: 'Done' });
    });
    const t = tokens();
    const api = createApiClient({ baseUrl, getToken: t.source });
    const result = await api.call('objectives.update', {
      params: { personId: 'p 1', objectiveId: 'o1' },
      body: { progress: 50 },
      ifMatch: '"e1"',
    });
    expect(result.title).toBe('Done');
    const last = seen.at(-1)!;
    expect(last).toMatchObject({ method: 'PATCH', auth: 'Bearer token-1', ifMatch: '"e1"', body: '{"progress":50}' });
  });

  it('sends query values and leaves out the ones not given', async () => {
    handlers.set('GET /api/v1/people/p1/conversations', (_req, res) => {
      json(res, 200, { items: [] });
    });
    const api = createApiClient({ baseUrl, getToken: tokens().source });
    await api.call('conversations.list', { params: { personId: 'p1' }, query: { pageSize: 20, type: undefined } });
    expect(seen.at(-1)!.url).toBe('/api/v1/people/p1/conversations?pageSize=20');
  });

  it('surfaces a validation error with its code, field details and correlation id', async () => {
    handlers.set('POST /api/v1/people/p1/objectives', (_req, res) => {
      json(res, 400, {
        error: {
          code: 'validation',
          message: 'Some details need changing.',
          details: [{ path: 'title', message: 'Required.' }],
          correlationId: 'c-123',
        },
      });
    });
    const api = createApiClient({ baseUrl, getToken: tokens().source });
    const error = await api
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

  it('turns a 409 on a stale ETag into a "changed by someone else, reload" error', async () => {
    handlers.set('POST /api/v1/people/p1/conversations/c1/agree', (_req, res) => {
      json(res, 409, { error: { code: 'conflict', message: 'etag mismatch' } });
    });
    const api = createApiClient({ baseUrl, getToken: tokens().source });
    const e = (await api
      .call('conversations.agree', { params: { personId: 'p1', conversationId: 'c1' }, body: {}, ifMatch: '"old"' })
      .catch((x: unknown) => x)) as ApiError;
    expect(e.isConflict).toBe(true);
    expect(e.message).toBe(CONFLICT_MESSAGE);
    expect(e.message).toMatch(/changed.*Reload/);
  });

  it('gets a fresh token once after a 401 and retries', async () => {
    handlers.set('GET /api/v1/me', (req, res) => {
      if (req.headers.authorization === 'Bearer token-1')
        json(res, 401, { error: { code: 'unauthenticated', message: 'expired' } });
      else json(res, 200, { person: { id: 'p1' } });
    });
    const t = tokens();
    const api = createApiClient({ baseUrl, getToken: t.source });
    const me = await api.call('me.get');
    expect(me.person.id).toBe('p1');
    expect(t.issued).toEqual([false, true]);
  });

  it('gives up after the second 401 with a sign-in-again message', async () => {
    handlers.set('GET /api/v1/me/team', (_req, res) => {
      json(res, 401, {});
    });
    const t = tokens();
    const api = createApiClient({ baseUrl, getToken: t.source });
    const e = (await api.call('me.team').catch((x: unknown) => x)) as ApiError;
    expect([e.status, e.code]).toEqual([401, 'unauthenticated']);
    expect(e.message).toMatch(/Sign in again/);
    expect(t.issued).toHaveLength(2);
  });

  it('explains a non-JSON server failure and an unreachable server in plain words', async () => {
    handlers.set('GET /api/v1/people/p1', (_req, res) => {
      res.writeHead(503, { 'content-type': 'text/html', 'x-correlation-id': 'c-9' });
      res.end('<h1>down</h1>');
    });
    const api = createApiClient({ baseUrl, getToken: tokens().source });
    const e = (await api.call('person.get', { params: { personId: 'p1' } }).catch((x: unknown) => x)) as ApiError;
    expect([e.status, e.code, e.correlationId]).toEqual([503, 'http.503', 'c-9']);
    expect(e.message).toMatch(/Try again/);
    const offline = createApiClient({ baseUrl: 'http://127.0.0.1:1', getToken: tokens().source });
    const n = (await offline.call('me.get').catch((x: unknown) => x)) as ApiError;
    expect([n.status, n.code]).toEqual([0, 'network']);
  });
});
