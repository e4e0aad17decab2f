/**
 * Issue #19: a series of Regular conversations is booked as one Outlook series, and Graph's 429
 * and 503 in the middle of it leave nothing half-booked. The client's retry with the same
 * Idempotency-Key, or the booking sweep when the client gives up, ends with one series whose
 * meetings are exactly the records' days (the Big Picture months removed from it), every record
 * booked, none pending, and no second series.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createBookingSweepModule, type BookingSweepModule } from '../../bot/src/booking-sweep.ts';
import { conversation } from '../../bot/src/cosmos/fixtures.test-support.ts';
import { createMsalTokenSource, createMsGraphGateway, type GraphGateway } from '../../bot/src/graph/index.ts';
import { startFaultProxy, type FaultProxy, type ProxiedRequest } from '../fakes/fault-proxy.ts';
import { occurrencesOf } from '../fakes/graph/recurrence.ts';
import { startFakeGraph, type FakeGraph } from '../fakes/graph-server.ts';
import { API_AUDIENCE, startAppInstance, type AppInstance } from './support/app.ts';
import { startHarness, TENANT, type Harness } from './support/harness.ts';
import { reportId, seedTeam } from './support/org.ts';

const MANAGER = 'manager';
const BOOKED_AT = '2027-05-10T09:00:00.000Z';
const SWEPT_AT = '2027-05-10T09:10:00.000Z';
// Third Tuesdays at 10:00 London; Big Picture held in March, so July and November hold the next ones.
const SERIES = { start: '2027-05-18T09:00:00.000Z', end: '2027-05-18T10:00:00.000Z', until: '2027-12-31' };
const MEETING_DAYS = ['2027-05-18', '2027-06-15', '2027-08-17', '2027-09-21', '2027-10-19', '2027-12-21'];

/** Graph answers the removal of a left-out meeting from the `from`-th on with faults: the series exists, half-trimmed. */
const cancelsFrom = (from: number) => {
  let seen = 0;
  return (r: ProxiedRequest): boolean => r.method === 'POST' && r.path.endsWith('/cancel') && ++seen >= from;
};

describe('#19 a series of Regular conversations survives Graph faults in the middle of it', () => {
  let h: Harness;
  let graph: FakeGraph;
  let graphProxy: FaultProxy;
  let booker: AppInstance;
  let sweeper: { app: AppInstance; module: BookingSweepModule };

  const gateway = (retries: number): GraphGateway =>
    createMsGraphGateway({
      tokens: createMsalTokenSource({
        clientId: 'series-app',
        clientSecret: 'series-secret',
        authority: h.issuer.msalAuthorityHost,
        networkClient: h.issuer.msalNetworkClient,
      }),
      baseUrl: `${graphProxy.url}/v1.0`,
      retry: { maxRetries: retries, maxDelaySeconds: 1 },
    });

  const bookSeries = async (colleague: string, key: string) => {
    const token = await h.issuer.signToken({ tid: TENANT, oid: MANAGER, aud: API_AUDIENCE, scp: 'access_as_user' });
    const response = await fetch(`${booker.url}/api/v1/bookings/series`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': key },
      body: JSON.stringify({ employeeId: colleague, ...SERIES }),
    });
    const body = (await response.json()) as { booked?: { date: string }[]; skipped?: { date: string }[] };
    return { status: response.status, body };
  };
  const regularsOf = async (employeeId: string) =>
    (await h.app.store.conversations.listForEmployee(TENANT, employeeId, { type: 'regular' })).items;
  const seriesIn = (mailbox: string) => graph.events(mailbox).filter((e) => e.recurrence !== undefined);
  const meetingDays = (mailbox: string) =>
    seriesIn(mailbox).flatMap((master) => occurrencesOf(master).map((o) => o.start.dateTime.slice(0, 10)));

  /** One series in each calendar, holding exactly the records' days; every record booked, none pending. */
  const expectConverged = async (colleague: string) => {
    const records = await regularsOf(colleague);
    expect(records.map((r) => r.date).sort()).toEqual(MEETING_DAYS);
    expect(records.every((r) => r.status === 'booked' && r.booking?.pending === undefined)).toBe(true);
    expect(
      seriesIn(MANAGER).filter((e) => e.attendees.some((a) => a.emailAddress.address.startsWith(colleague))),
    ).toHaveLength(1);
    expect(seriesIn(colleague)).toHaveLength(1);
    const organiser = seriesIn(MANAGER).find((e) => e.iCalUId === seriesIn(colleague)[0]?.iCalUId);
    expect(organiser).toBeDefined();
    if (organiser === undefined) return;
    const days = occurrencesOf(organiser).map((o) => o.start.dateTime.slice(0, 10));
    expect(days).toEqual(MEETING_DAYS);
    expect(occurrencesOf(seriesIn(colleague)[0] ?? organiser).map((o) => o.start.dateTime.slice(0, 10))).toEqual(
      MEETING_DAYS,
    );
    // Each record names its own meeting of the series.
    const ids = new Set(occurrencesOf(organiser).map((o) => o.id));
    expect(records.every((r) => ids.has(r.booking?.eventIds[MANAGER] ?? ''))).toBe(true);
  };

  beforeAll(async () => {
    h = await startHarness({ now: BOOKED_AT });
    const team = await seedTeam(h.app.store, { tenantId: TENANT, reports: 4 });
    for (const id of team.reportIds) {
      await h.app.store.conversations.create(
        conversation({
          tenantId: TENANT,
          employeeId: id,
          managerIds: [MANAGER],
          type: 'big-picture',
          date: '2027-03-15',
        }),
      );
    }
    graph = await startFakeGraph({
      orgs: [
        {
          tenantId: TENANT,
          users: [MANAGER, ...team.reportIds].map((id) => ({
            id,
            displayName: id,
            mail: id === MANAGER ? 'morgan@example.test' : `${id}@example.test`,
          })),
        },
      ],
    });
    graphProxy = await startFaultProxy({ target: graph.url });
    const common = {
      cosmosEndpoint: h.proxy.url,
      cosmosKey: h.cosmos.key,
      databaseId: h.databaseId,
      tenants: [TENANT],
      issuerUrl: h.issuer.url,
      env: { BOOKING_SWEEP_MINUTES: '0', BOOKING_SWEEP_PENDING_MINUTES: '5' },
    };
    booker = await startAppInstance({ ...common, now: BOOKED_AT, graph: gateway(0) });
    const module = createBookingSweepModule();
    sweeper = {
      module,
      app: await startAppInstance({ ...common, now: SWEPT_AT, graph: gateway(3), extraModules: [module] }),
    };
  });
  afterEach(() => {
    graphProxy.reset();
  });
  afterAll(async () => {
    await sweeper.app.close();
    await booker.close();
    await graphProxy.close();
    await graph.close();
    await h.close();
  });

  it('#19 Graph 429 while the Big Picture months are being removed: the client’s retry finishes the same series, once', async () => {
    const colleague = reportId(0);
    graphProxy.inject({ match: cancelsFrom(2), count: 1000, status: 429, retryAfterSeconds: 0.02 });
    const first = await bookSeries(colleague, 'series-429-0001');
    expect(first.status).toBe(429);
    // Half-trimmed in Outlook, and the records say so: none of them claims to be booked yet.
    expect(seriesIn(MANAGER)).toHaveLength(1);
    expect(meetingDays(MANAGER)).toHaveLength(MEETING_DAYS.length + 1);
    expect((await regularsOf(colleague)).every((r) => r.booking?.pending === 'invitations')).toBe(true);
    graphProxy.reset();

    const retried = await bookSeries(colleague, 'series-429-0001');
    expect(retried.status).toBe(201);
    expect(retried.body.booked?.map((b) => b.date)).toEqual(MEETING_DAYS);
    expect(retried.body.skipped?.map((s) => s.date)).toEqual(['2027-07-20', '2027-11-16']);
    await expectConverged(colleague);

    // A third delivery of the same request books nothing new.
    expect((await bookSeries(colleague, 'series-429-0001')).status).toBe(201);
    await expectConverged(colleague);
    const seriesCreates = graph
      .requests()
      .filter(
        (r) => r.method === 'POST' && /\/events$/.test(r.path) && (r.body as { recurrence?: unknown }).recurrence,
      );
    expect(new Set(seriesCreates.map((r) => (r.body as { transactionId?: string }).transactionId)).size).toBe(1);
  });

  it('#19 Graph 503 on the series itself: nothing in Outlook, records pending; the sweep makes one series when the client never retries', async () => {
    const colleague = reportId(1);
    graphProxy.inject({
      match: (r) => r.method === 'POST' && r.path.endsWith('/events'),
      count: 1000,
      status: 503,
      retryAfterSeconds: 0.02,
    });
    expect([429, 503]).toContain((await bookSeries(colleague, 'series-503-0001')).status);
    graphProxy.reset();
    expect(seriesIn(colleague)).toHaveLength(0);
    expect(
      (await regularsOf(colleague)).every((r) => r.status === 'booked' && r.booking?.pending === 'invitations'),
    ).toBe(true);

    const swept = await sweeper.module.sweep();
    expect(swept?.completed).toBeGreaterThanOrEqual(1);
    await expectConverged(colleague);
    // Swept once, nothing is left for the next sweep.
    expect(await sweeper.module.sweep()).toEqual({ completed: 0, failed: 0, left: 0 });
  });

  it('#19 Graph 503 in the middle of the removals, and the client gives up: the sweep finishes the same series', async () => {
    const colleague = reportId(2);
    graphProxy.inject({ match: cancelsFrom(2), count: 1000, status: 503, retryAfterSeconds: 0.02 });
    expect([429, 503]).toContain((await bookSeries(colleague, 'series-503-0002')).status);
    graphProxy.reset();
    const before = seriesIn(colleague).map((e) => e.iCalUId);
    expect(before).toHaveLength(1);

    await sweeper.module.sweep();
    await expectConverged(colleague);
    expect(seriesIn(colleague).map((e) => e.iCalUId)).toEqual(before);
  });
});
