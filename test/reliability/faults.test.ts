/**
 * Cosmos DB and Microsoft Graph answer with bursts of 429 and 503 (injected by a proxy in front
 * of the local servers). A short burst is ridden out by retrying within Retry-After; a long one
 * reaches the caller as a clear 429/503 JSON answer with Retry-After; nothing is half-written.
 */
import { isAppError } from '@pc/core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createMsGraphGateway } from '../../bot/src/graph/index.ts';
import { isCosmosQuery, startFaultProxy, type FaultProxy, type ProxiedRequest } from '../fakes/fault-proxy.ts';
import { startFakeGraph, type FakeGraph } from '../fakes/graph-server.ts';
import { GRAPH_AUDIENCE } from '../fakes/oidc-issuer.ts';
import { startHarness, STACK_PATTERN, TENANT, type Harness } from './support/harness.ts';
import { reportId, seedTeam } from './support/org.ts';

const ME = reportId(1);
const writeTo =
  (collection: string) =>
  (r: ProxiedRequest): boolean =>
    r.method === 'POST' && r.path.includes(`/colls/${collection}/docs`) && !isCosmosQuery(r);
const errorOf = (json: unknown) => {
  const error = (json as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
  return { code: error?.code, hasMessage: typeof error?.message === 'string' && error.message.length > 0 };
};
const objective = (title: string) => ({ kind: 'job', title, horizon: 'short' });

describe('Cosmos DB throttling and outages', () => {
  let h: Harness;
  const titles = async (): Promise<string[]> => {
    const answer = await h.api('GET', `/people/${ME}/objectives`, ME);
    expect(answer.status).toBe(200);
    return (answer.json as { items: { title: string }[] }).items.map((o) => o.title);
  };

  beforeAll(async () => {
    h = await startHarness({ now: '2027-05-10T09:00:00.000Z' });
    await seedTeam(h.app.store, { tenantId: TENANT, reports: 3 });
  });
  afterEach(() => {
    h.proxy.reset();
  });
  afterAll(async () => {
    await h.close();
  });

  it('a short 429 burst on the feedback write is retried after Retry-After and the note is stored once', async () => {
    h.proxy.inject({ match: writeTo('feedback'), count: 3, status: 429, retryAfterSeconds: 0.05 });
    const activityId = `1:burst-${String(Date.now())}`;
    const started = performance.now();
    const answer = await h.submit(
      ME,
      {
        verb: 'feedback.log',
        subjectId: reportId(2),
        kind: 'work-acknowledged',
        text: 'Handled the rota change',
        visibility: '',
        addToAgenda: 'false',
      },
      activityId,
    );
    expect(answer.status).toBe(200);
    expect(answer.reply).toContain('Feedback logged');
    expect(h.proxy.injected).toHaveLength(3);
    expect(performance.now() - started).toBeGreaterThanOrEqual(150);
    const notes = await h.app.store.feedback.listForSubject(TENANT, reportId(2));
    expect(notes.items.filter((n) => n.text === 'Handled the rota change')).toHaveLength(1);
  });

  it('a short 429 burst on an API write is ridden out: the objective is created once', async () => {
    h.proxy.inject({ match: writeTo('objectives'), count: 2, status: 429, retryAfterSeconds: 0.05 });
    const answer = await h.api('POST', `/people/${ME}/objectives`, ME, { body: objective('Clear the backlog') });
    expect(answer.status).toBe(201);
    expect(h.proxy.injected).toHaveLength(2);
    expect((await titles()).filter((t) => t === 'Clear the backlog')).toHaveLength(1);
  });

  it('throttling that outlasts the retries reaches the tab as a 429 with Retry-After, and nothing is stored', async () => {
    h.proxy.inject({ match: writeTo('objectives'), count: 1000, status: 429, retryAfterSeconds: 0.02 });
    const answer = await h.api('POST', `/people/${ME}/objectives`, ME, { body: objective('Never stored (429)') });
    expect(answer.status).toBe(429);
    expect(Number(answer.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(errorOf(answer.json)).toEqual({ code: 'throttled', hasMessage: true });
    expect(answer.text).not.toMatch(STACK_PATTERN);
    h.proxy.reset();
    expect(await titles()).not.toContain('Never stored (429)');
  });

  it('an outage (503 on every write) reaches the tab as a 503 with Retry-After, and nothing is stored', async () => {
    h.proxy.inject({ match: writeTo('objectives'), count: 1000, status: 503, retryAfterSeconds: 0.02 });
    const answer = await h.api('POST', `/people/${ME}/objectives`, ME, { body: objective('Never stored (503)') });
    expect(answer.status).toBe(503);
    expect(Number(answer.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(errorOf(answer.json)).toEqual({ code: 'unavailable', hasMessage: true });
    expect(answer.text).not.toMatch(STACK_PATTERN);
    h.proxy.reset();
    expect(await titles()).not.toContain('Never stored (503)');
  });

  it('an outage during a bot turn gets a card asking to try again, without a stack trace, and stores nothing', async () => {
    h.proxy.inject({ match: writeTo('feedback'), count: 1000, status: 503, retryAfterSeconds: 0.02 });
    const answer = await h.submit(ME, {
      verb: 'feedback.log',
      subjectId: reportId(0),
      kind: 'work-acknowledged',
      text: 'Lost in the outage',
      visibility: '',
      addToAgenda: 'false',
    });
    expect(answer.status).toBe(200);
    expect(answer.reply).not.toContain('Feedback logged');
    expect(answer.reply).toMatch(/try again/i);
    expect(answer.reply).not.toMatch(STACK_PATTERN);
    h.proxy.reset();
    const notes = await h.app.store.feedback.listForSubject(TENANT, reportId(0));
    expect(notes.items.filter((n) => n.text === 'Lost in the outage')).toHaveLength(0);
  });
});

describe('Microsoft Graph throttling and outages', () => {
  const GRAPH_TENANT = TENANT;
  let graph: FakeGraph;
  let proxy: FaultProxy;
  let h: Harness;
  const gateway = () =>
    createMsGraphGateway({
      baseUrl: `${proxy.url}/v1.0`,
      tokens: {
        appToken: (tid) =>
          h.issuer.signToken({ tid, oid: 'sp-app', aud: GRAPH_AUDIENCE, idtyp: 'app', roles: ['User.Read.All'] }),
        delegatedToken: (tid) => h.issuer.signToken({ tid, oid: 'sp-app', aud: GRAPH_AUDIENCE, idtyp: 'app' }),
      },
    });

  const meeting = {
    subject: 'Regular conversation',
    start: '2030-03-04T09:00:00.000Z',
    end: '2030-03-04T10:00:00.000Z',
    attendees: [],
    teamsMeeting: false,
  };

  beforeAll(async () => {
    h = await startHarness();
    graph = await startFakeGraph({
      orgs: [{ tenantId: GRAPH_TENANT, users: [{ id: 'u1', displayName: 'Morgan Lee', mail: 'morgan@example.test' }] }],
    });
    proxy = await startFaultProxy({ target: graph.url });
  });
  afterEach(() => {
    proxy.reset();
  });
  afterAll(async () => {
    await proxy.close();
    await graph.close();
    await h.close();
  });

  it('two 429s with Retry-After are waited out and the booking succeeds', async () => {
    proxy.inject({ count: 2, status: 429, retryAfterSeconds: 0.2 });
    const started = performance.now();
    const event = await gateway().createEvent({ tenantId: GRAPH_TENANT, mailboxId: 'u1' }, meeting);
    expect(graph.events('u1').map((e) => e.id)).toEqual([event.id]);
    expect(proxy.injected).toHaveLength(2);
    expect(performance.now() - started).toBeGreaterThanOrEqual(380);
  });

  it('a 503 outage longer than the retry budget fails with a clear error carrying Retry-After', async () => {
    proxy.inject({ count: 1000, status: 503, retryAfterSeconds: 0.05 });
    const failure = await gateway()
      .cancelEvent({ tenantId: GRAPH_TENANT, mailboxId: 'u1' }, 'some-event')
      .then(
        () => undefined,
        (error: unknown) => error,
      );
    expect(isAppError(failure)).toBe(true);
    if (!isAppError(failure)) return;
    expect(['throttled', 'unavailable']).toContain(failure.code);
    expect(failure.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(failure.message).not.toMatch(STACK_PATTERN);
    expect(proxy.injected.length).toBeGreaterThan(1);
  });
});
