import { AppError } from '@pc/core';
import type { Server } from 'restify';
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../logging.ts';
import { createHttpServer, listen, route, type HealthCheck } from './index.ts';

interface Running {
  readonly server: Server;
  readonly url: string;
  readonly logs: () => string;
}

const running: Server[] = [];
afterEach(async () => {
  await Promise.all(
    running.splice(0).map(
      (s) =>
        new Promise<void>((resolve) => {
          s.close(() => {
            resolve();
          });
        }),
    ),
  );
});

const start = async (
  setup: (server: Server) => void = () => undefined,
  options: { checks?: HealthCheck[]; maxBodyBytes?: number } = {},
): Promise<Running> => {
  const chunks: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _enc, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  const server = createHttpServer({
    logger: createLogger({ level: 'info', destination }),
    version: '1.2.3',
    healthChecks: options.checks ?? [],
    ...(options.maxBodyBytes === undefined ? {} : { maxBodyBytes: options.maxBodyBytes }),
  });
  setup(server);
  running.push(server);
  const { url } = await listen(server, 0);
  return { server, url, logs: () => chunks.join('') };
};

const failing = (error: Error) => (server: Server) => {
  route(server, { method: 'get', path: '/boom', handler: () => Promise.reject(error) });
  route(server, { method: 'put', path: '/boom', handler: () => Promise.reject(error) });
};

describe('GET /healthz', () => {
  it('answers 200 with version and uptime when every dependency answers', async () => {
    const { url } = await start(() => undefined, { checks: [{ name: 'cosmos', check: () => Promise.resolve() }] });
    const response = await fetch(`${url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      status: 'ok',
      version: '1.2.3',
      uptimeSeconds: 0,
      checks: { cosmos: 'ok' },
    });
  });

  it('answers 503 naming the failed dependency, without its error text', async () => {
    const { url } = await start(() => undefined, {
      checks: [
        { name: 'cosmos', check: () => Promise.reject(new Error('ECONNREFUSED 10.0.0.1')) },
        { name: 'graph', check: () => Promise.resolve() },
      ],
    });
    const response = await fetch(`${url}/healthz`);
    expect(response.status).toBe(503);
    const body = await response.text();
    expect(JSON.parse(body)).toMatchObject({ status: 'unavailable', checks: { cosmos: 'failed', graph: 'ok' } });
    expect(body).not.toContain('ECONNREFUSED');
  });
});

describe('correlation ids', () => {
  it('echoes the caller id and writes it on every log line of the request', async () => {
    const { url, logs } = await start(failing(new Error('database exploded')));
    const response = await fetch(`${url}/boom`, { headers: { 'x-correlation-id': 'trace-42' } });
    expect(response.headers.get('x-correlation-id')).toBe('trace-42');
    expect(((await response.json()) as { error: { correlationId: string } }).error.correlationId).toBe('trace-42');
    expect(logs()).toContain('"correlationId":"trace-42"');
    expect(logs()).toContain('request failed');
  });

  it('invents one when the caller sends none', async () => {
    const { url } = await start();
    const response = await fetch(`${url}/healthz`);
    expect(response.headers.get('x-correlation-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('error mapping', () => {
  const cases: [AppError, number, string][] = [
    [
      new AppError('validation', 'Title is required', { details: [{ path: 'title', message: 'required' }] }),
      400,
      'validation',
    ],
    [new AppError('unauthenticated', 'Sign in'), 401, 'unauthenticated'],
    [new AppError('forbidden', 'Not your record'), 403, 'forbidden'],
    [new AppError('not-found', 'No such conversation'), 404, 'not-found'],
    [new AppError('conflict', 'Someone else changed it'), 409, 'conflict'],
    [new AppError('throttled', 'Slow down', { retryAfterSeconds: 7 }), 429, 'throttled'],
    [new AppError('unavailable', 'Try later'), 503, 'unavailable'],
  ];
  it.each(cases)('%s → %i', async (error, status, code) => {
    const { url } = await start(failing(error));
    const response = await fetch(`${url}/boom`);
    expect(response.status).toBe(status);
    const body = (await response.json()) as { error: Record<string, unknown> };
    expect(body.error).toMatchObject({ code, message: error.message });
    expect(JSON.stringify(body)).not.toContain('at ');
  });

  it('gives field details for validation, a Bearer challenge for 401 and Retry-After for 429', async () => {
    const validation = await start(
      failing(new AppError('validation', 'Bad', { details: [{ path: 'title', message: 'required' }] })),
    );
    expect(await (await fetch(`${validation.url}/boom`)).json()).toMatchObject({
      error: { details: [{ path: 'title', message: 'required' }] },
    });
    const unauth = await start(failing(new AppError('unauthenticated', 'Sign in')));
    expect((await fetch(`${unauth.url}/boom`)).headers.get('www-authenticate')).toBe('Bearer');
    const throttled = await start(failing(new AppError('throttled', 'Slow', { retryAfterSeconds: 7 })));
    expect((await fetch(`${throttled.url}/boom`)).headers.get('retry-after')).toBe('7');
  });

  it('answers a stale If-Match with 409 conflict, the one contract for a stale version', async () => {
    const { url } = await start(failing(new AppError('conflict', 'Changed since you loaded it')));
    const response = await fetch(`${url}/boom`, { method: 'PUT', headers: { 'If-Match': '"etag-1"' } });
    expect(response.status).toBe(409);
    expect(await response.json()).toMatchObject({
      error: { code: 'conflict', message: 'Changed since you loaded it' },
    });
  });

  it('hides unknown errors behind a generic 500 and logs them with the correlation id', async () => {
    const { url, logs } = await start(failing(new Error('secret internals: aisha.khan@bexley.demo')));
    const response = await fetch(`${url}/boom`, { headers: { 'x-correlation-id': 'c-500' } });
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(text).not.toContain('secret internals');
    expect(text).not.toContain('stack');
    expect(JSON.parse(text)).toMatchObject({ error: { code: 'internal', correlationId: 'c-500' } });
    expect(logs()).toMatch(/"correlationId":"c-500".*request failed/);
  });

  it('answers an unknown route with a 404 JSON body', async () => {
    const { url } = await start();
    const response = await fetch(`${url}/api/v1/nothing-here?email=someone@x.demo`);
    expect(response.status).toBe(404);
    const text = await response.text();
    expect(JSON.parse(text)).toMatchObject({ error: { code: 'not-found', message: 'No such resource.' } });
    expect(text).not.toContain('someone@x.demo');
  });
});

describe('route helper', () => {
  const echo = (server: Server): void => {
    route(server, {
      method: 'post',
      path: '/echo/:id',
      handler: ({ body, params, query }) =>
        Promise.resolve({ status: 201, body: { body, params, query }, headers: { ETag: '"v1"' } }),
    });
    route(server, { method: 'del', path: '/echo/:id', handler: () => Promise.resolve({ status: 204 }) });
  };

  it('hands the handler the parsed body, params and query, and sends its result', async () => {
    const { url } = await start(echo);
    const response = await fetch(`${url}/echo/abc?on=2027-05-01`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Improve triage' }),
    });
    expect(response.status).toBe(201);
    expect(response.headers.get('etag')).toBe('"v1"');
    expect(await response.json()).toEqual({
      body: { title: 'Improve triage' },
      params: { id: 'abc' },
      query: { on: '2027-05-01' },
    });
    expect((await fetch(`${url}/echo/abc`, { method: 'DELETE' })).status).toBe(204);
  });

  it('rejects malformed JSON with a 400 and oversize bodies with a 413', async () => {
    const { url } = await start(echo, { maxBodyBytes: 100 });
    const bad = await fetch(`${url}/echo/1`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"a":',
    });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { code: 'validation' } });
    const big = await fetch(`${url}/echo/1`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'x'.repeat(500) }),
    });
    expect(big.status).toBe(413);
    expect(await big.json()).toMatchObject({ error: { code: 'payload-too-large' } });
  });
});
