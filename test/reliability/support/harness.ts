/**
 * What the reliability tests share: a Cosmos server behind a fault proxy, a local token issuer,
 * a fake Bot Connector, and the real app over them. Helpers speak HTTP as the tab and Teams do.
 */
import { randomUUID } from 'node:crypto';
import { startFakeBotConnector, type FakeBotConnector } from '../../fakes/bot-connector.ts';
import { cardSubmit, type TeamsUser } from '../../fakes/connector/teams-activities.ts';
import { startFaultProxy, type FaultProxy } from '../../fakes/fault-proxy.ts';
import { startOidcIssuer, type OidcIssuer } from '../../fakes/oidc-issuer.ts';
import { startCosmosServer, type CosmosServer } from '../../support/cosmos-server.ts';
import { API_AUDIENCE, startAppInstance, type AppInstance } from './app.ts';

export const TENANT = 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb';

export interface Harness {
  readonly cosmos: CosmosServer;
  readonly proxy: FaultProxy;
  readonly issuer: OidcIssuer;
  readonly connector: FakeBotConnector;
  readonly app: AppInstance;
  readonly databaseId: string;
  api(method: string, path: string, as: string, options?: { body?: unknown; ifMatch?: string }): Promise<ApiAnswer>;
  /** Posts a classic card submit from `as` and returns the HTTP status and the reply card's text. */
  submit(as: string, data: Record<string, unknown>, activityId?: string): Promise<{ status: number; reply: string }>;
  close(): Promise<void>;
}

export interface ApiAnswer {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  readonly json: unknown;
}

export const startHarness = async (options: { now?: string } = {}): Promise<Harness> => {
  const cosmos = await startCosmosServer();
  const proxy = await startFaultProxy({ target: cosmos.endpoint });
  const issuer = await startOidcIssuer();
  const connector = await startFakeBotConnector();
  const databaseId = `reliability-${randomUUID()}`;
  const app = await startAppInstance({
    cosmosEndpoint: proxy.url,
    cosmosKey: cosmos.key,
    databaseId,
    tenants: [TENANT],
    issuerUrl: issuer.url,
    ...(options.now === undefined ? {} : { now: options.now }),
  });
  const user = (id: string): TeamsUser => ({ tenantId: TENANT, aadObjectId: id, name: id });
  return {
    cosmos,
    proxy,
    issuer,
    connector,
    app,
    databaseId,
    api: async (method, path, as, opts = {}) => {
      const token = await issuer.signToken({ tid: TENANT, oid: as, aud: API_AUDIENCE, scp: 'access_as_user' });
      const response = await fetch(`${app.url}/api/v1${path}`, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(opts.body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(opts.ifMatch === undefined ? {} : { 'if-match': opts.ifMatch }),
        },
        ...(opts.body === undefined ? {} : { body: JSON.stringify(opts.body) }),
      });
      const text = await response.text();
      let json: unknown;
      try {
        json = text === '' ? undefined : JSON.parse(text);
      } catch {
        json = undefined; // not JSON: the caller asserts on text
      }
      return { status: response.status, headers: response.headers, text, json };
    },
    submit: async (as, data, activityId) => {
      const activity = cardSubmit(
        { serviceUrl: connector.url, user: user(as), ...(activityId === undefined ? {} : { id: activityId }) },
        data,
      );
      const before = connector.activities.length;
      const response = await fetch(`${app.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(activity),
      });
      await response.arrayBuffer();
      return { status: response.status, reply: JSON.stringify(connector.activities.slice(before)) };
    },
    close: async () => {
      await app.close();
      await connector.close();
      await issuer.close();
      await proxy.close();
      await cosmos.close();
    },
  };
};

/** Text that only a leaked stack trace or internal path would put in a response. */
export const STACK_PATTERN = /\n\s+at |\bat \S+ \(|node_modules|\.ts:\d+|file:\/\//;
