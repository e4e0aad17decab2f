import { AppError } from '@pc/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeGraph, type FakeGraph } from '../../../test/fakes/graph-server.ts';
import { startOidcIssuer, type OidcIssuer } from '../../../test/fakes/oidc-issuer.ts';
import type { FakeOrg, FakeUser } from '../../../test/fakes/org.ts';
import type { GraphGateway } from './gateway.ts';
import { createMsGraphGateway } from './ms-graph-gateway.ts';
import { createMsalTokenSource, type GraphTokenSource } from './token-source.ts';

const TENANT = '33333333-3333-4333-8333-333333333333';
const CLIENT_ID = 'pc-app';
const hours = {
  start: '09:00',
  end: '17:00',
  daysOfWeek: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'],
  timeZone: 'Europe/London',
} as const;
const person = (id: string, displayName: string, managerId?: string): FakeUser => ({
  id,
  displayName,
  mail: `${id}@council.example`,
  workingHours: hours,
  ...(managerId === undefined ? {} : { managerId }),
});
const staff = Array.from({ length: 20 }, (_, i) => person(`officer-${i}`, `Officer ${i}`, 'manager'));
const org: FakeOrg = {
  tenantId: TENANT,
  users: [
    person('chief', 'Chief Executive'),
    person('director', 'Director of Place', 'chief'),
    person('manager', 'Team Manager', 'director'),
    person('alice', 'Alice Adams', 'manager'),
    person('bob', 'Bob Brown', 'manager'),
    ...staff,
  ],
};

let issuer: OidcIssuer;
let graph: FakeGraph;
let tokens: GraphTokenSource;
let gateway: GraphGateway;

const failure = async (promise: Promise<unknown>): Promise<AppError> => {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
};

beforeAll(async () => {
  issuer = await startOidcIssuer({ clients: { [CLIENT_ID]: { secret: 'local-secret' } } });
  graph = await startFakeGraph({ orgs: [org] });
  tokens = createMsalTokenSource({
    clientId: CLIENT_ID,
    clientSecret: 'local-secret',
    authority: issuer.msalAuthorityHost,
    networkClient: issuer.msalNetworkClient,
  });
  gateway = createMsGraphGateway({ tokens, baseUrl: graph.baseUrl, retry: { maxRetries: 3, maxDelaySeconds: 5 } });
});
afterAll(async () => {
  await graph.close();
  await issuer.close();
});

describe('Microsoft Graph gateway against a fake Graph over HTTP', () => {
  it('reads the org chart: a person, their manager and a manager’s direct reports', async () => {
    expect(await gateway.getUser(TENANT, 'alice')).toMatchObject({ id: 'alice', displayName: 'Alice Adams' });
    expect(await gateway.getUser(TENANT, 'nobody')).toBeUndefined();
    expect((await gateway.getManager(TENANT, 'alice'))?.id).toBe('manager');
    expect(await gateway.getManager(TENANT, 'chief')).toBeUndefined();
    const reports = await gateway.getDirectReports(TENANT, 'manager');
    expect(reports.map((r) => r.id)).toEqual(expect.arrayContaining(['alice', 'bob', 'officer-0']));
    expect(reports).toHaveLength(22);
  });

  it('finds the grandparent (the manager’s manager) for reviews and appeals', async () => {
    const chain = await gateway.getManagerChain(TENANT, 'alice');
    expect(chain.map((m) => m.id)).toEqual(['manager', 'director']);
    expect((await gateway.getManagerChain(TENANT, 'director')).map((m) => m.id)).toEqual(['chief']);
  });

  it('waits out a 429 with a fractional Retry-After and then succeeds', async () => {
    graph.failNext(1, { status: 429, retryAfter: '0.2' });
    const started = Date.now();
    expect((await gateway.getUser(TENANT, 'bob'))?.displayName).toBe('Bob Brown');
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
  });

  it('reports throttled with a retry hint once retries run out', async () => {
    const before = graph.requestCount();
    graph.failNext(4, { status: 429, retryAfter: '0.2' });
    const error = await failure(gateway.getUser(TENANT, 'bob'));
    expect(error.code).toBe('throttled');
    expect(error.retryAfterSeconds).toBe(1);
    expect(graph.requestCount() - before).toBe(4);
  });

  it('never has more than 4 requests in flight for one mailbox, even with 20 callers', async () => {
    graph.setLatency(40);
    try {
      const window = { start: '2030-03-04T09:00:00.000Z', end: '2030-03-04T17:00:00.000Z' };
      await Promise.all(
        Array.from({ length: 20 }, () =>
          gateway.getSchedule(TENANT, 'bob', { schedules: ['bob@council.example'], window }),
        ),
      );
    } finally {
      graph.setLatency(0);
    }
    expect(graph.maxConcurrency('bob')).toBe(4);
  });

  it('books a Teams meeting that lands in both calendars with a join link, then moves and cancels it', async () => {
    const event = await gateway.createEvent(TENANT, 'manager', {
      subject: 'Regular conversation',
      start: '2030-03-04T09:00:00.000Z',
      end: '2030-03-04T10:00:00.000Z',
      attendees: [{ email: 'alice@council.example', name: 'Alice Adams' }],
      teamsMeeting: true,
    });
    expect(event.joinUrl).toMatch(/^https:\/\/teams\.microsoft\.com\/l\/meetup-join\//);
    const copy = graph.events('alice').find((e) => e.iCalUId === event.iCalUId);
    expect(copy?.onlineMeeting?.joinUrl).toBe(event.joinUrl);

    const day = { start: '2030-03-04T08:00:00.000Z', end: '2030-03-04T12:00:00.000Z' };
    const schedules = await gateway.getSchedule(TENANT, 'manager', {
      schedules: ['manager@council.example', 'alice@council.example'],
      window: day,
    });
    expect(schedules.map((s) => s.busy.map((b) => b.start))).toEqual([
      ['2030-03-04T09:00:00.000Z'],
      ['2030-03-04T09:00:00.000Z'],
    ]);

    const moved = await gateway.updateEvent(TENANT, 'manager', event.id, {
      start: '2030-03-05T14:00:00.000Z',
      end: '2030-03-05T15:00:00.000Z',
    });
    expect(moved.start).toBe('2030-03-05T14:00:00.000Z');
    expect(graph.events('alice').find((e) => e.iCalUId === event.iCalUId)?.start.dateTime).toMatch(/^2030-03-05T14:00/);

    await gateway.cancelEvent(TENANT, 'manager', event.id, 'Rearranging');
    expect(graph.events('manager').some((e) => e.iCalUId === event.iCalUId)).toBe(false);
    expect(graph.events('alice').find((e) => e.iCalUId === event.iCalUId)?.isCancelled).toBe(true);
  });

  it('suggests meeting times on behalf of the signed-in manager, skipping busy time', async () => {
    const busy = await gateway.createEvent(TENANT, 'manager', {
      subject: 'Team meeting',
      start: '2030-03-11T09:00:00.000Z',
      end: '2030-03-11T10:00:00.000Z',
      attendees: [],
      teamsMeeting: false,
    });
    expect(busy.joinUrl).toBeUndefined();
    const userToken = await issuer.signToken({
      tid: TENANT,
      oid: 'manager',
      aud: `api://${CLIENT_ID}`,
      scp: 'access_as_user',
    });
    const suggestions = await gateway.findMeetingTimes(
      { tenantId: TENANT, userId: 'manager', token: userToken },
      {
        attendees: [{ email: 'alice@council.example' }],
        within: [{ start: '2030-03-11T08:00:00.000Z', end: '2030-03-11T12:00:00.000Z' }],
        durationMinutes: 60,
      },
    );
    expect(suggestions[0]?.start).toBe('2030-03-11T10:00:00.000Z');
    expect(suggestions.map((s) => s.start)).not.toContain('2030-03-11T08:00:00.000Z');
  });

  it('refuses findMeetingTimes with an app-only token', async () => {
    const appToken = await tokens.appToken(TENANT);
    const error = await failure(
      gateway.findMeetingTimes(
        { tenantId: TENANT, userId: 'manager', token: appToken },
        {
          attendees: [],
          within: [{ start: '2030-03-11T08:00:00.000Z', end: '2030-03-11T12:00:00.000Z' }],
          durationMinutes: 30,
        },
      ),
    );
    expect(error.code).toBe('unauthenticated');

    const misconfigured = createMsGraphGateway({
      baseUrl: graph.baseUrl,
      tokens: { ...tokens, delegatedToken: (tenantId) => tokens.appToken(tenantId) },
    });
    const refused = await failure(
      misconfigured.findMeetingTimes(
        { tenantId: TENANT, userId: 'manager', token: appToken },
        {
          attendees: [],
          within: [{ start: '2030-03-11T08:00:00.000Z', end: '2030-03-11T12:00:00.000Z' }],
          durationMinutes: 30,
        },
      ),
    );
    expect(refused.code).toBe('forbidden');
  });

  it('reads 20 people in one batch request, and more in batches of 20', async () => {
    const ids = staff.map((s) => s.id);
    let before = graph.requestCount();
    const twenty = await gateway.getUsers(TENANT, ids);
    expect(graph.requestCount() - before).toBe(1);
    expect([...twenty.keys()].sort()).toEqual([...ids].sort());

    before = graph.requestCount();
    const more = await gateway.getUsers(TENANT, [...ids, 'alice', 'nobody']);
    expect(graph.requestCount() - before).toBe(2);
    expect(more.size).toBe(21);
    expect(more.has('nobody')).toBe(false);
  });
});
