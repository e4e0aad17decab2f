/**
 * The app scaled out as App Service runs it: several server processes over one Cosmos server, one
 * token issuer and one Bot Connector that enforces Teams' limits and times every request per
 * tenant on its own clock (each in a process of its own). Any instance can be killed outright
 * (SIGKILL) mid-work.
 *
 *   const scaled = await startInstances(3, { tenants: [TENANT] });
 *   await seedTeam(scaled.store, { tenantId: TENANT, reports: 5 });
 *   await scaled.api(1, 'GET', '/me', 'manager', { tenantId: TENANT });
 *   await scaled.kill(0);
 *   await scaled.stop();
 */
import { randomUUID } from 'node:crypto';
import { TENANT_REFERENCE_KEY } from '@pc/core';
import { createConversationReferenceStore } from '../../../bot/src/cosmos/bot-state.ts';
import { createCosmosStore, type Store } from '../../../bot/src/cosmos/index.ts';
import { startOidcIssuer, type OidcIssuer } from '../../fakes/oidc-issuer.ts';
import { startChild } from '../../../bench/lib/child.ts';
import type { CosmosInfo } from '../../../bench/lib/roles.ts';
import type { CosmosServer } from '../../support/cosmos-server.ts';
import { API_AUDIENCE } from './app.ts';
import { startConnectorProcess, type ConnectorProcess } from './connector.ts';
import type { ApiAnswer } from './harness.ts';
import { spawnAppProcess, type AppProcess } from './process.ts';

/**
 * Requests the connector sees within this of a 429 were already on their way when the instance
 * could have read it (one request leaves every ~21 ms per tenant), so they do not count as
 * ignoring the Retry-After.
 */
export const ON_THE_WIRE_MS = 250;

export interface InstancesOptions {
  readonly tenants: readonly string[];
  /** Server settings for every instance, e.g. { CHECKIN_SCHEDULER: 'true' }. */
  readonly env?: Readonly<Record<string, string>>;
}

export interface ApiCallOptions {
  /** The caller's tenant; the first of the options' tenants by default. */
  readonly tenantId?: string;
  readonly body?: unknown;
  readonly ifMatch?: string;
}

export interface Instances {
  readonly cosmos: CosmosServer;
  /** The shared store, for seeding and for reading what the instances wrote. */
  readonly store: Store;
  readonly databaseId: string;
  readonly issuer: OidcIssuer;
  /** The Bot Connector enforcing Teams' limits (50 requests a second per tenant); its URL is the service URL. */
  readonly connector: ConnectorProcess;
  /** Base URL of each instance, by index; a killed instance keeps its slot. */
  readonly urls: readonly string[];
  readonly processes: readonly AppProcess[];
  /** Starts one more instance (extra settings on top of the options' env); resolves with its index. */
  add(env?: Readonly<Record<string, string>>): Promise<number>;
  /** SIGKILL: the process ends at once, mid-request, with no clean-up. */
  kill(index: number): Promise<void>;
  /** Records where each tenant's app is installed (at the connector), as an install does. */
  install(tenantIds?: readonly string[]): Promise<void>;
  /** One REST API call to instance `index` as person `as`, with a token from the local issuer. */
  api(index: number, method: string, path: string, as: string, options?: ApiCallOptions): Promise<ApiAnswer>;
  stop(): Promise<void>;
}

export const startInstances = async (count: number, options: InstancesOptions): Promise<Instances> => {
  // The store in a process of its own, as it is another machine in production: its work then never
  // holds up the connector's clock, which times requests on arrival.
  const [cosmosProcess, connector, issuer] = await Promise.all([
    startChild<CosmosInfo>('cosmos'),
    startConnectorProcess({ onTheWireMs: ON_THE_WIRE_MS }),
    startOidcIssuer(),
  ]);
  const cosmos: CosmosServer = {
    endpoint: cosmosProcess.info.cosmosEndpoint,
    key: cosmosProcess.info.cosmosKey,
    close: () => cosmosProcess.stop(),
  };
  const databaseId = `instances-${randomUUID()}`;
  const store = await createCosmosStore({
    endpoint: cosmos.endpoint,
    key: cosmos.key,
    databaseId,
    allowSelfSigned: true,
  });
  const urls: string[] = [];
  const processes: AppProcess[] = [];

  const add = async (env: Readonly<Record<string, string>> = {}): Promise<number> => {
    const app = await spawnAppProcess({
      RELIABILITY_COSMOS_ENDPOINT: cosmos.endpoint,
      RELIABILITY_COSMOS_KEY: cosmos.key,
      RELIABILITY_DATABASE: databaseId,
      RELIABILITY_TENANTS: options.tenants.join(','),
      RELIABILITY_ISSUER_URL: issuer.url,
      RELIABILITY_APP_ENV: JSON.stringify({ ...options.env, ...env }),
    });
    processes.push(app);
    urls.push(app.url);
    return processes.length - 1;
  };

  const instance = (index: number): AppProcess => {
    const app = processes[index];
    if (app === undefined) throw new Error(`no instance ${String(index)}`);
    return app;
  };

  // The first one alone creates the database and containers; the rest start side by side.
  await add();
  await Promise.all(Array.from({ length: count - 1 }, () => add()));

  return {
    cosmos,
    store,
    databaseId,
    issuer,
    connector,
    urls,
    processes,
    add,
    kill: (index) => instance(index).kill(),
    install: async (tenantIds = options.tenants) => {
      const references = createConversationReferenceStore((kind, partition) => store.keyValues(kind, partition));
      for (const tenantId of tenantIds) {
        await references.put({
          tenantId,
          id: TENANT_REFERENCE_KEY,
          serviceUrl: connector.url,
          botId: '28:bot-app',
          channelId: 'msteams',
          updatedAt: new Date().toISOString(),
        });
      }
    },
    api: async (index, method, path, as, call = {}) => {
      const tid = call.tenantId ?? options.tenants[0] ?? '';
      const token = await issuer.signToken({ tid, oid: as, aud: API_AUDIENCE, scp: 'access_as_user' });
      const response = await fetch(`${instance(index).url}/api/v1${path}`, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(call.body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(call.ifMatch === undefined ? {} : { 'if-match': call.ifMatch }),
        },
        ...(call.body === undefined ? {} : { body: JSON.stringify(call.body) }),
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
    stop: async () => {
      await Promise.all(processes.map((p) => p.kill()));
      store.close();
      await connector.stop();
      await issuer.close();
      await cosmos.close();
    },
  };
};
