/**
 * Cosmos round trips per user operation, counted twice: by the store (operations the code asked
 * for) and on the wire at a recording proxy in front of the Cosmos server (what the SDK really
 * sent, including query plans). Any query without a partition key on these paths is reported.
 */
import { randomUUID } from 'node:crypto';
import { startFakeBotConnector } from '../test/fakes/bot-connector.ts';
import { cardSubmit } from '../test/fakes/connector/teams-activities.ts';
import {
  isCosmosQuery,
  isCrossPartitionQuery,
  isQueryPlanRequest,
  startFaultProxy,
} from '../test/fakes/fault-proxy.ts';
import { startOidcIssuer } from '../test/fakes/oidc-issuer.ts';
import { API_AUDIENCE, startAppInstance } from '../test/reliability/support/app.ts';
import { reportId, seedTeam } from '../test/reliability/support/org.ts';
import { startCosmosServer } from '../test/support/cosmos-server.ts';

const TENANT = '88888888-8888-4888-8888-888888888888';

export interface RoundTrips {
  readonly operation: string;
  /** Operations the store made (point reads/writes, query pages). */
  readonly store: number;
  /** HTTP requests the SDK sent to Cosmos. */
  readonly wire: number;
  readonly queries: number;
  readonly queryPlans: number;
  readonly crossPartitionQueries: number;
  /** How long the operation took, end to end, on this machine. */
  readonly ms: number;
  readonly ok: boolean;
}

export const benchRoundTrips = async (): Promise<RoundTrips[]> => {
  const cosmos = await startCosmosServer();
  const proxy = await startFaultProxy({ target: cosmos.endpoint });
  const connector = await startFakeBotConnector();
  const issuer = await startOidcIssuer();
  const app = await startAppInstance({
    cosmosEndpoint: proxy.url,
    cosmosKey: cosmos.key,
    databaseId: `bench-${randomUUID()}`,
    tenants: [TENANT],
    issuerUrl: issuer.url,
  });
  try {
    const team = await seedTeam(app.store, { tenantId: TENANT, reports: 30 });
    const tokenFor = (oid: string) => issuer.signToken({ tid: TENANT, oid, aud: API_AUDIENCE, scp: 'access_as_user' });
    const get = async (path: string, oid: string): Promise<boolean> => {
      const response = await fetch(`${app.url}/api/v1${path}`, {
        headers: { authorization: `Bearer ${await tokenFor(oid)}` },
      });
      await response.arrayBuffer();
      return response.ok;
    };
    let n = 0;
    const logFeedback = async (): Promise<boolean> => {
      n += 1;
      const activity = cardSubmit(
        { serviceUrl: connector.url, user: { tenantId: TENANT, aadObjectId: reportId(1), name: 'Colleague 1' } },
        {
          verb: 'feedback.log',
          subjectId: reportId(2),
          kind: 'work-acknowledged',
          text: `Note ${String(n)}`,
          visibility: '',
          addToAgenda: 'false',
        },
      );
      const before = connector.activities.length;
      const response = await fetch(`${app.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(activity),
      });
      await response.arrayBuffer();
      return response.ok && JSON.stringify(connector.activities.slice(before)).includes('Feedback logged');
    };
    const colleague = reportId(3);
    const operations: [string, () => Promise<boolean>][] = [
      ['feedback log (bot turn)', logFeedback],
      [
        'tab first load (me, scheme, due, objectives, conversations)',
        async () =>
          (
            await Promise.all([
              get('/me', colleague),
              get('/scheme', colleague),
              get(`/people/${colleague}/due`, colleague),
              get(`/people/${colleague}/objectives`, colleague),
              get(`/people/${colleague}/conversations?pageSize=100`, colleague),
            ])
          ).every(Boolean),
      ],
      ['tab first load in one call (GET /me/home)', () => get('/me/home', colleague)],
      ['due-list for a manager of 30 (GET /me/team)', () => get('/me/team', team.managerId)],
    ];
    const results: RoundTrips[] = [];
    for (const [operation, run] of operations) {
      await run(); // warm caches (signing keys, container metadata) as a running server has them
      proxy.reset();
      const before = app.store.requestCount();
      const started = performance.now();
      const ok = await run();
      const ms = performance.now() - started;
      const wire = [...proxy.forwarded];
      results.push({
        operation,
        store: app.store.requestCount() - before,
        wire: wire.length,
        queries: wire.filter(isCosmosQuery).length,
        queryPlans: wire.filter(isQueryPlanRequest).length,
        crossPartitionQueries: wire.filter(isCrossPartitionQuery).length,
        ms,
        ok,
      });
    }
    return results;
  } finally {
    await app.close();
    await issuer.close();
    await connector.close();
    await proxy.close();
    await cosmos.close();
  }
};
