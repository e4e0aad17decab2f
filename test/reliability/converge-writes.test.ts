/**
 * Issue #17 point 7, the rest: every multi-step write converges and is safe to retry. Each test
 * stops the store between the steps of one request (the fault proxy refuses the store's writes
 * from a given one on), retries the same request as the client would, and counts what is left:
 * one record, one event pair in the fake Graph, one audit event, one note.
 */
import type { Employee } from '@pc/core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { conversation, employee } from '../../bot/src/cosmos/fixtures.test-support.ts';
import { CosmosHandoverRepository } from '../../bot/src/cosmos/handover-repository.ts';
import { createMsalTokenSource, createMsGraphGateway } from '../../bot/src/graph/index.ts';
import { isCosmosQuery, isQueryPlanRequest, type ProxiedRequest } from '../fakes/fault-proxy.ts';
import { startFakeGraph, type FakeGraph } from '../fakes/graph-server.ts';
import { API_AUDIENCE, startAppInstance, type AppInstance } from './support/app.ts';
import { startHarness, TENANT, type Harness } from './support/harness.ts';
import { reportId, seedTeam } from './support/org.ts';

const MANAGER = 'manager';
const HEAD = 'head';
const job = (managerIds: string[]): Employee['jobs'] => [
  { id: 'job-1', title: 'Officer', managerIds, isMain: true, contract: 'substantive', startDate: '2024-04-01' },
];

/** Writes of documents to these containers (create or replace), not queries. */
const docWrite =
  (containers: readonly string[]) =>
  (r: ProxiedRequest): boolean =>
    (r.method === 'POST' || r.method === 'PUT') &&
    containers.some((container) => r.path.includes(`/colls/${container}/docs`)) &&
    !isCosmosQuery(r) &&
    !isQueryPlanRequest(r);

/** The store refuses these containers' writes from the (after + 1)-th on: the steps before it land. */
const writesAfter = (containers: readonly string[], after: number) => {
  let seen = 0;
  const matches = docWrite(containers);
  return (r: ProxiedRequest): boolean => matches(r) && ++seen > after;
};

interface Answer {
  readonly status: number;
  readonly headers: Headers;
  readonly json: Record<string, unknown>;
}

describe('#17.7 multi-step writes converge after a fault between the steps', () => {
  let h: Harness;
  let graph: FakeGraph;
  let app: AppInstance;

  const call = async (
    method: string,
    path: string,
    as: string,
    opts: { body?: unknown; ifMatch?: string; key?: string } = {},
  ): Promise<Answer> => {
    const token = await h.issuer.signToken({ tid: TENANT, oid: as, aud: API_AUDIENCE, scp: 'access_as_user' });
    const response = await fetch(`${app.url}/api/v1${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(opts.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(opts.ifMatch === undefined ? {} : { 'if-match': opts.ifMatch }),
        ...(opts.key === undefined ? {} : { 'idempotency-key': opts.key }),
      },
      ...(opts.body === undefined ? {} : { body: JSON.stringify(opts.body) }),
    });
    const text = await response.text();
    return {
      status: response.status,
      headers: response.headers,
      json: text === '' ? {} : (JSON.parse(text) as Record<string, unknown>),
    };
  };
  const recordsOf = async (employeeId: string) =>
    (await app.store.conversations.listForEmployee(TENANT, employeeId)).items;
  const releases = async (subjectId: string) =>
    (await app.store.audit.listForSubject(TENANT, subjectId)).items.filter((e) => e.action === 'rating.released');
  const handovers = () => new CosmosHandoverRepository(app.store);
  const live = (mailbox: string) => graph.events(mailbox).filter((e) => !e.isCancelled);
  const eventCreates = () => graph.requests().filter((r) => r.method === 'POST' && /\/events$/.test(r.path));
  const failWrites = (containers: readonly string[], after: number) => {
    h.proxy.inject({ match: writesAfter(containers, after), count: 1000, status: 503, retryAfterSeconds: 0.02 });
  };

  beforeAll(async () => {
    h = await startHarness({ now: '2027-05-10T09:00:00.000Z' });
    const team = await seedTeam(h.app.store, { tenantId: TENANT, reports: 6, schemeId: 'bexley-pms' });
    await h.app.store.employees.create(
      employee({ tenantId: TENANT, id: HEAD, displayName: 'Avery Head', email: 'head@example.test', jobs: [] }),
    );
    await h.app.store.employees.create(
      employee({
        tenantId: TENANT,
        id: 'transferee',
        displayName: 'Sam Moved',
        email: 'transferee@example.test',
        jobs: job([MANAGER]),
        managerChanges: [{ jobId: 'job-1', previousManagerId: HEAD, newManagerId: MANAGER, on: '2027-05-01' }],
      }),
    );
    const people = [MANAGER, HEAD, 'transferee', ...team.reportIds];
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
    // The same server, now with calendars: Graph over MSAL against the local issuer, on-behalf-of included.
    app = await startAppInstance({
      cosmosEndpoint: h.proxy.url,
      cosmosKey: h.cosmos.key,
      databaseId: h.databaseId,
      tenants: [TENANT],
      issuerUrl: h.issuer.url,
      now: '2027-05-10T09:00:00.000Z',
      graph: createMsGraphGateway({
        tokens: createMsalTokenSource({
          clientId: 'converge-app',
          clientSecret: 'converge-secret',
          authority: h.issuer.msalAuthorityHost,
          networkClient: h.issuer.msalNetworkClient,
        }),
        baseUrl: graph.baseUrl,
      }),
    });
  });
  afterEach(() => {
    h.proxy.reset();
  });
  afterAll(async () => {
    await app.close();
    await graph.close();
    await h.close();
  });

  it('#17.7 booking: a retry with the same Idempotency-Key completes the one record and sends no second invitation pair', async () => {
    const colleague = reportId(1);
    const body = {
      employeeId: colleague,
      type: 'regular',
      start: '2027-05-20T09:00:00.000Z',
      end: '2027-05-20T10:00:00.000Z',
    };
    const creates = eventCreates().length;
    // The record is written; the store stops before the record learns its calendar event.
    failWrites(['conversations'], 1);
    const failed = await call('POST', '/bookings', MANAGER, { body, key: 'booking-retry-0001' });
    expect(failed.status).toBe(503);
    expect(h.proxy.injected.length).toBeGreaterThan(0);
    const [pending] = await recordsOf(colleague);
    expect(pending?.booking?.pending).toBe('invitations');

    h.proxy.reset();
    const retried = await call('POST', '/bookings', MANAGER, { body, key: 'booking-retry-0001' });
    expect(retried.status).toBe(201);
    const again = await call('POST', '/bookings', MANAGER, { body, key: 'booking-retry-0001' });
    expect(again.json.conversationId).toBe(retried.json.conversationId);

    const records = await recordsOf(colleague);
    expect(records).toHaveLength(1);
    const organiser = live(MANAGER).filter((e) => e.start.dateTime.startsWith('2027-05-20T09'));
    const invitee = live(colleague);
    expect(organiser).toHaveLength(1);
    expect(invitee).toHaveLength(1);
    expect(invitee[0]?.iCalUId).toBe(organiser[0]?.iCalUId);
    expect(records[0]?.booking).toMatchObject({ eventIds: { [MANAGER]: organiser[0]?.id } });
    expect(records[0]?.booking?.pending).toBeUndefined();
    // Both creates named the record as Graph's transactionId, in the organiser's calendar with their own token.
    const sent = eventCreates().slice(creates);
    expect(sent.length).toBeGreaterThanOrEqual(2);
    expect(new Set(sent.map((r) => (r.body as { transactionId?: string }).transactionId))).toEqual(
      new Set([records[0]?.id]),
    );
    expect(sent.every((r) => r.token?.oid === MANAGER && r.token.idtyp === 'user')).toBe(true);
  });

  it('#17.7 bulk booking: a retried round with the same Idempotency-Key books each person once', async () => {
    const team = [reportId(2), reportId(3)];
    const body = {
      type: 'regular',
      employeeIds: team,
      days: ['2027-05-21'],
      dayStart: '09:00',
      dayEnd: '12:00',
      durationMinutes: 60,
      gapMinutes: 0,
    };
    // The first person's record and event are made, then the store stops.
    failWrites(['conversations'], 1);
    const failed = await call('POST', '/bookings/bulk', MANAGER, { body, key: 'round-retry-0001' });
    expect(failed.status).toBe(503);
    h.proxy.reset();
    const retried = await call('POST', '/bookings/bulk', MANAGER, { body, key: 'round-retry-0001' });
    expect(retried.status).toBe(201);
    for (const id of team) {
      expect(await recordsOf(id)).toHaveLength(1);
      expect(live(id)).toHaveLength(1);
    }
    expect(live(MANAGER).filter((e) => e.start.dateTime.startsWith('2027-05-21'))).toHaveLength(2);
  });

  it('#17.7 cancelling: a fault after the invitations are withdrawn leaves the record cancelling, and the retry records it cancelled', async () => {
    const colleague = reportId(4);
    const booked = await call('POST', '/bookings', MANAGER, {
      body: {
        employeeId: colleague,
        type: 'regular',
        start: '2027-05-24T09:00:00.000Z',
        end: '2027-05-24T10:00:00.000Z',
      },
      key: 'cancel-case-0001',
    });
    expect(booked.status).toBe(201);
    expect(live(colleague)).toHaveLength(1);
    const path = `/people/${colleague}/bookings/${String(booked.json.conversationId)}`;
    const etag = String(booked.json.etag);

    // The mark lands and the invitations go; the store stops before the record says cancelled.
    failWrites(['conversations'], 1);
    const failed = await call('DELETE', path, MANAGER, { ifMatch: etag });
    expect(failed.status).toBe(503);
    expect(live(colleague)).toHaveLength(0);
    const [marked] = await recordsOf(colleague);
    // Never 'booked' with the invitations gone and nothing saying so.
    expect(marked?.booking?.pending).toBe('cancellation');

    h.proxy.reset();
    // The client retries exactly what it sent, with the ETag it had.
    const retried = await call('DELETE', path, MANAGER, { ifMatch: etag });
    expect(retried.status).toBe(200);
    const records = await recordsOf(colleague);
    expect(records).toHaveLength(1);
    expect(records[0]?.status).toBe('cancelled');
    expect(records[0]?.booking?.pending).toBeUndefined();
    expect(graph.events(MANAGER).filter((e) => e.id === records[0]?.booking?.eventIds[MANAGER])).toHaveLength(0);
  });

  it('#17.7 rating release: the audit event is written first; a retry after the fault releases once, audited once, not 409', async () => {
    const colleague = reportId(5);
    const record = conversation({
      tenantId: TENANT,
      id: 'annual-with-rating',
      employeeId: colleague,
      managerIds: [MANAGER],
      type: 'annual-review',
      status: 'held',
      date: '2027-05-01',
      rating: { value: '1', bonusRecommended: true },
    });
    const created = await app.store.conversations.create(record);
    const path = `/people/${colleague}/conversations/${record.id}/release-rating`;

    // Whichever of the two writes comes first lands; the store stops before the second.
    failWrites(['conversations', 'audit'], 1);
    const failed = await call('POST', path, HEAD, { body: {}, ifMatch: created.etag });
    expect(failed.status).toBe(503);
    expect((await app.store.conversations.get(TENANT, colleague, record.id))?.item.rating?.releasedToEmployeeAt).toBe(
      undefined,
    );
    // The event came first: no release goes unrecorded.
    expect(await releases(colleague)).toHaveLength(1);

    h.proxy.reset();
    const retried = await call('POST', path, HEAD, { body: {}, ifMatch: created.etag });
    expect(retried.status).toBe(200);
    const stored = await app.store.conversations.get(TENANT, colleague, record.id);
    expect(stored?.item.rating?.releasedToEmployeeAt).toEqual(expect.any(String));
    const events = await releases(colleague);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorId: HEAD, resource: { type: 'conversation', id: record.id } });
  });

  it('#17.7 handover: a retry after the fault stores no second note and completes the manager change', async () => {
    const body = { strengths: 'Calm with difficult callers', development: 'Report writing' };
    // The note is stored; the store stops before the change of manager is marked handed over.
    failWrites(['people'], 0);
    const failed = await call('POST', '/people/transferee/handover', MANAGER, { body });
    expect(failed.status).toBe(503);
    expect(await handovers().listForEmployee(TENANT, 'transferee')).toHaveLength(1);

    h.proxy.reset();
    const retried = await call('POST', '/people/transferee/handover', MANAGER, { body });
    expect(retried.status).toBe(201);
    const notes = await handovers().listForEmployee(TENANT, 'transferee');
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ strengths: 'Calm with difficult callers', fromManagerId: HEAD });
    const moved = await app.store.employees.get(TENANT, 'transferee');
    expect(moved?.item.managerChanges[0]?.handoverCompletedOn).toBe('2027-05-10');
  });
});
