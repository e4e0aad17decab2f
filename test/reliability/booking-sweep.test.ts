/**
 * Issue #17 point 7: a booking whose client never retries still converges. The store or Graph
 * stops between the steps of POST /bookings, the client gives up, and the booking sweep of a later
 * instance (ten minutes on) finishes it: exactly one record, one event pair with the record as
 * Graph's transactionId, nothing "invitations pending" left; or, when no invitation can go any
 * more, the record says cancelled to the organiser. Two sweepers at once work on a record once.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createBookingSweepModule, type BookingSweepModule } from '../../bot/src/booking-sweep.ts';
import { createMsalTokenSource, createMsGraphGateway, type GraphGateway } from '../../bot/src/graph/index.ts';
import { isCosmosQuery, isQueryPlanRequest, type ProxiedRequest } from '../fakes/fault-proxy.ts';
import { startFakeGraph, type FakeGraph } from '../fakes/graph-server.ts';
import { API_AUDIENCE, startAppInstance, type AppInstance } from './support/app.ts';
import { startHarness, TENANT, type Harness } from './support/harness.ts';
import { reportId, seedTeam } from './support/org.ts';

const MANAGER = 'manager';
const BOOKED_AT = '2027-05-10T09:00:00.000Z';
const SWEPT_AT = '2027-05-10T09:10:00.000Z';

/** The store refuses writes of conversation documents from the second on: the pending record lands, its completion does not. */
const afterTheRecord = () => {
  let seen = 0;
  return (r: ProxiedRequest): boolean =>
    (r.method === 'POST' || r.method === 'PUT') &&
    r.path.includes('/colls/conversations/docs') &&
    !isCosmosQuery(r) &&
    !isQueryPlanRequest(r) &&
    ++seen > 1;
};

describe('#17.7 the booking sweep finishes bookings a client left half-done', () => {
  let h: Harness;
  let graph: FakeGraph;
  let booker: AppInstance;
  const sweepers: { app: AppInstance; module: BookingSweepModule }[] = [];

  const gateway = (retries: number): GraphGateway =>
    createMsGraphGateway({
      tokens: createMsalTokenSource({
        clientId: 'sweep-app',
        clientSecret: 'sweep-secret',
        authority: h.issuer.msalAuthorityHost,
        networkClient: h.issuer.msalNetworkClient,
      }),
      baseUrl: graph.baseUrl,
      retry: { maxRetries: retries, maxDelaySeconds: 1 },
    });

  /** The client's one attempt: it gets an error (Graph's 503 after no retries is a 429 to come back later) and never sends it again. */
  const bookOnce = async (colleague: string, start: string, end: string, key: string) => {
    const token = await h.issuer.signToken({ tid: TENANT, oid: MANAGER, aud: API_AUDIENCE, scp: 'access_as_user' });
    const response = await fetch(`${booker.url}/api/v1/bookings`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': key },
      body: JSON.stringify({ employeeId: colleague, type: 'regular', start, end }),
    });
    await response.arrayBuffer();
    return response.status;
  };
  const recordsOf = async (employeeId: string) =>
    (await h.app.store.conversations.listForEmployee(TENANT, employeeId)).items;
  const live = (mailbox: string, start: string) =>
    graph.events(mailbox).filter((e) => !e.isCancelled && `${e.start.dateTime}Z`.startsWith(start.slice(0, 16)));
  const creates = () => graph.requests().filter((r) => r.method === 'POST' && /\/events$/.test(r.path));
  const sweeper = (n: number) => {
    const found = sweepers[n];
    if (found === undefined) throw new Error(`no sweeper ${String(n)}`);
    return found.module;
  };

  beforeAll(async () => {
    h = await startHarness({ now: BOOKED_AT });
    const team = await seedTeam(h.app.store, { tenantId: TENANT, reports: 5, schemeId: 'bexley-pms' });
    const people = [MANAGER, ...team.reportIds];
    graph = await startFakeGraph({
      orgs: [
        {
          tenantId: TENANT,
          users: people.map((id) => ({
            id,
            displayName: id,
            mail: id === MANAGER ? 'morgan@example.test' : `${id}@example.test`,
          })),
        },
      ],
    });
    const common = {
      cosmosEndpoint: h.proxy.url,
      cosmosKey: h.cosmos.key,
      databaseId: h.databaseId,
      tenants: [TENANT],
      issuerUrl: h.issuer.url,
      // The tests run each sweep themselves: no timer.
      env: { BOOKING_SWEEP_MINUTES: '0', BOOKING_SWEEP_PENDING_MINUTES: '5' },
    };
    // The instance the client books through gives up on Graph at its first 503.
    booker = await startAppInstance({ ...common, now: BOOKED_AT, graph: gateway(0) });
    for (let i = 0; i < 2; i += 1) {
      const module = createBookingSweepModule();
      const app = await startAppInstance({ ...common, now: SWEPT_AT, graph: gateway(3), extraModules: [module] });
      sweepers.push({ app, module });
    }
  });
  afterEach(() => {
    h.proxy.reset();
  });
  afterAll(async () => {
    for (const s of sweepers) await s.app.close();
    await booker.close();
    await graph.close();
    await h.close();
  });

  it('#17.7 the store stops after the record: the sweep completes it with the event the first attempt made, one pair', async () => {
    const colleague = reportId(1);
    const [start, end] = ['2027-05-20T09:00:00.000Z', '2027-05-20T10:00:00.000Z'];
    h.proxy.inject({ match: afterTheRecord(), count: 1000, status: 503, retryAfterSeconds: 0.02 });
    expect(await bookOnce(colleague, start, end, 'sweep-store-0001')).toBe(503);
    h.proxy.reset();
    expect((await recordsOf(colleague))[0]?.booking?.pending).toBe('invitations');
    expect(live(MANAGER, start)).toHaveLength(1);

    expect(await sweeper(0).sweep()).toMatchObject({ completed: 1, failed: 0 });

    const records = await recordsOf(colleague);
    expect(records).toHaveLength(1);
    expect(records[0]?.status).toBe('booked');
    expect(records[0]?.booking?.pending).toBeUndefined();
    const organiser = live(MANAGER, start);
    const invitee = live(colleague, start);
    expect(organiser).toHaveLength(1);
    expect(invitee).toHaveLength(1);
    expect(invitee[0]?.iCalUId).toBe(organiser[0]?.iCalUId);
    expect(records[0]?.booking?.eventIds).toEqual({ [MANAGER]: organiser[0]?.id });
    // The client's create and the sweep's both named the record as Graph's transactionId.
    const named = creates().filter((r) => (r.body as { transactionId?: string }).transactionId === records[0]?.id);
    expect(named.length).toBe(2);
    // Swept once, it is not swept again.
    expect(await sweeper(1).sweep()).toEqual({ completed: 0, failed: 0, left: 0 });
  });

  it('#17.7 Graph is unavailable when the invitations are due: the sweep sends them, once', async () => {
    const colleague = reportId(2);
    const [start, end] = ['2027-05-21T09:00:00.000Z', '2027-05-21T10:00:00.000Z'];
    graph.failNext(1, { status: 503, retryAfter: '0' });
    expect(await bookOnce(colleague, start, end, 'sweep-graph-0001')).toBe(429);
    expect((await recordsOf(colleague))[0]?.booking?.pending).toBe('invitations');
    expect(live(MANAGER, start)).toHaveLength(0);

    expect(await sweeper(0).sweep()).toMatchObject({ completed: 1 });

    const records = await recordsOf(colleague);
    expect(records).toHaveLength(1);
    expect(records[0]?.booking?.pending).toBeUndefined();
    expect(live(MANAGER, start)).toHaveLength(1);
    expect(live(colleague, start)).toHaveLength(1);
  });

  it('#17.7 two sweepers at once: one claims the record, the other leaves it; one event pair', async () => {
    const colleague = reportId(3);
    const [start, end] = ['2027-05-24T09:00:00.000Z', '2027-05-24T10:00:00.000Z'];
    graph.failNext(1, { status: 503, retryAfter: '0' });
    expect(await bookOnce(colleague, start, end, 'sweep-pair-0001')).toBe(429);
    const before = creates().length;

    const [a, b] = await Promise.all([sweeper(0).sweep(), sweeper(1).sweep()]);

    expect((a?.completed ?? 0) + (b?.completed ?? 0)).toBe(1);
    const records = await recordsOf(colleague);
    expect(records).toHaveLength(1);
    expect(records[0]?.booking?.pending).toBeUndefined();
    expect(live(MANAGER, start)).toHaveLength(1);
    expect(live(colleague, start)).toHaveLength(1);
    // Only the sweeper whose claim won called Graph.
    expect(creates().length - before).toBe(1);
  });

  it('#17.7 a booking whose time passed before it could be sent is marked cancelled, and the organiser sees it so', async () => {
    const colleague = reportId(4);
    // Booked at 09:00 for 09:05; by the 09:10 sweep the meeting time has gone.
    const [start, end] = ['2027-05-10T09:05:00.000Z', '2027-05-10T09:35:00.000Z'];
    graph.failNext(1, { status: 503, retryAfter: '0' });
    expect(await bookOnce(colleague, start, end, 'sweep-late-0001')).toBe(429);

    expect(await sweeper(1).sweep()).toMatchObject({ failed: 1, completed: 0 });

    const records = await recordsOf(colleague);
    expect(records).toHaveLength(1);
    expect(records[0]?.status).toBe('cancelled');
    expect(records[0]?.booking?.pending).toBeUndefined();
    expect(live(MANAGER, start)).toHaveLength(0);
    const token = await h.issuer.signToken({ tid: TENANT, oid: MANAGER, aud: API_AUDIENCE, scp: 'access_as_user' });
    const listed = (await (
      await fetch(`${booker.url}/api/v1/people/${colleague}/conversations`, {
        headers: { authorization: `Bearer ${token}` },
      })
    ).json()) as { items: { kind: string; record?: { status: string }; facts?: { status: string } }[] };
    expect(listed.items.map((v) => v.record?.status ?? v.facts?.status)).toEqual(['cancelled']);
  });
});
