/**
 * Issue #17 point 12: calendar writes on behalf of the user. The signed-in organiser's booking is
 * written to their own calendar with their delegated Graph token (on-behalf-of); only a
 * coordinator booking for a pair (004) uses the app's own permission; and a tenant whose
 * administrator has not consented to the delegated permissions gets a 403 that says which.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMsalTokenSource, createMsGraphGateway } from '../../bot/src/graph/index.ts';
import { startFakeGraph, type FakeGraph } from '../fakes/graph-server.ts';
import { startOidcIssuer, type OidcIssuer } from '../fakes/oidc-issuer.ts';
import { API_AUDIENCE, startAppInstance, type AppInstance } from '../reliability/support/app.ts';
import { startHarness, TENANT, type Harness } from '../reliability/support/harness.ts';
import { reportId, seedTeam } from '../reliability/support/org.ts';
import { startStack, type Stack } from '../support/stack.ts';
import { api, REFERENCE_DATE, who } from './api-helpers.ts';

const creates = (graph: FakeGraph, since: number) =>
  graph
    .requests()
    .slice(since)
    .filter((r) => r.method === 'POST' && /\/events$/.test(r.path));

describe('#17.12 calendar writes use the organiser’s delegated token; the app’s permission only for a coordinator', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ referenceDate: REFERENCE_DATE });
  }, 120_000);
  afterAll(async () => {
    await stack.close();
  });

  it('#17.12 a manager’s booking goes to their own calendar on their behalf; a coordinator’s for a pair with the app’s permission', async () => {
    const manager = who(5, 6);
    const before = stack.graph.requests().length;
    const own = await api(stack, manager, 'POST', '/api/v1/bookings', {
      body: {
        employeeId: who(5, 20),
        type: 'regular',
        start: '2027-05-13T09:00:00.000Z',
        end: '2027-05-13T10:00:00.000Z',
      },
    });
    expect(own.status).toBe(201);
    const [delegated] = creates(stack.graph, before);
    expect(delegated?.path).toBe(`/users/${manager}/events`);
    expect(delegated?.token).toMatchObject({ oid: manager, idtyp: 'user', aud: 'https://graph.microsoft.com' });
    expect(delegated?.token?.roles).toBeUndefined();

    // 004: the coordinator books for a colleague without a PC; the line manager organises it.
    const next = stack.graph.requests().length;
    const forPair = await api(stack, who(5, 13), 'POST', '/api/v1/bookings', {
      body: {
        employeeId: who(5, 25),
        type: 'regular',
        start: '2027-05-13T11:00:00.000Z',
        end: '2027-05-13T12:00:00.000Z',
      },
    });
    expect(forPair.status).toBe(201);
    const [application] = creates(stack.graph, next);
    expect(application?.path).toBe(`/users/${who(5, 7)}/events`);
    expect(application?.token).toMatchObject({ idtyp: 'app' });
    expect(application?.token?.scp).toBeUndefined();
  });
});

describe('#17.12 a tenant without consent to the delegated permissions', () => {
  let h: Harness;
  let entra: OidcIssuer;
  let graph: FakeGraph;
  let app: AppInstance;
  beforeAll(async () => {
    h = await startHarness({ now: '2027-05-10T09:00:00.000Z' });
    await seedTeam(h.app.store, { tenantId: TENANT, reports: 2 });
    entra = await startOidcIssuer({ clients: { 'unconsented-app': { secret: 's', delegatedConsent: false } } });
    graph = await startFakeGraph({
      orgs: [{ tenantId: TENANT, users: [{ id: 'manager', displayName: 'Morgan Lee', mail: 'morgan@example.test' }] }],
    });
    app = await startAppInstance({
      cosmosEndpoint: h.proxy.url,
      cosmosKey: h.cosmos.key,
      databaseId: h.databaseId,
      tenants: [TENANT],
      issuerUrl: h.issuer.url,
      now: '2027-05-10T09:00:00.000Z',
      graph: createMsGraphGateway({
        tokens: createMsalTokenSource({
          clientId: 'unconsented-app',
          clientSecret: 's',
          authority: entra.msalAuthorityHost,
          networkClient: entra.msalNetworkClient,
        }),
        baseUrl: graph.baseUrl,
      }),
    });
  });
  afterAll(async () => {
    await app.close();
    await graph.close();
    await entra.close();
    await h.close();
  });

  it('#17.12 booking answers 403 naming the delegated permissions an administrator must grant, and sends nothing to Graph', async () => {
    const token = await h.issuer.signToken({ tid: TENANT, oid: 'manager', aud: API_AUDIENCE, scp: 'access_as_user' });
    const response = await fetch(`${app.url}/api/v1/bookings`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': 'consent-1' },
      body: JSON.stringify({
        employeeId: reportId(1),
        type: 'regular',
        start: '2027-05-20T09:00:00.000Z',
        end: '2027-05-20T10:00:00.000Z',
      }),
    });
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(response.status).toBe(403);
    expect(body.error.code).toBe('forbidden');
    expect(body.error.message).toMatch(/administrator/);
    expect(body.error.message).toContain('Calendars.ReadWrite');
    expect(body.error.message).not.toMatch(/AADSTS/);
    expect(graph.requests()).toHaveLength(0);
    // No invitation went, so nothing says booked.
    const records = (await app.store.conversations.listForEmployee(TENANT, reportId(1))).items;
    expect(records.filter((r) => r.status === 'booked')).toEqual([]);
  });
});
