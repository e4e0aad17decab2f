/**
 * The whole product in one process for end-to-end tests: a real Cosmos wire-protocol server
 * seeded with the demo organisation, the local Entra-like issuer, the fake Microsoft Graph with
 * the demo people's calendars, and the real app server on a free port configured against them.
 */
import { randomUUID } from 'node:crypto';
import type { Clock } from '@pc/core';
import { createApp, type App } from '../../bot/src/app.ts';
import { loadConfig } from '../../bot/src/config.ts';
import { createCosmosStore, type Store } from '../../bot/src/cosmos/index.ts';
import { createGraphWatch } from '../../bot/src/calendar-truth/graph-watch.ts';
import { createCalendarTruthModule } from '../../bot/src/calendar-truth/module.ts';
import { createDirectoryDelta } from '../../bot/src/graph/directory-delta.ts';
import { createMsalTokenSource, createMsGraphGateway } from '../../bot/src/graph/index.ts';
import { createApiModule } from '../../bot/src/http/api/module.ts';
import { createLocalDevModule } from '../../bot/src/http/local/index.ts';
import { createStaticModule } from '../../bot/src/http/static.ts';
import { createLogger } from '../../bot/src/logging.ts';
import { startFakeGraph, type FakeGraph } from '../fakes/graph-server.ts';
import type { FakeOrg } from '../fakes/org.ts';
import { startOidcIssuer, type OidcIssuer } from '../fakes/oidc-issuer.ts';
import { buildDemoOrg, demoAppRoles, type DemoOrg } from '@pc/demo/demo-org.ts';
import { startCosmosServer } from './cosmos-server.ts';
import { seedDemo } from './demo-seed.ts';

export const STACK_AUDIENCE = 'api://localhost/performance-conversations';
const APP_ID = '5eed0000-0000-4000-a000-00000000a991';
const APP_SECRET = 'stack-local-secret';

export interface TokenOptions {
  /** Seconds from now; negative for an expired token. */
  readonly expiresInSeconds?: number;
  readonly audience?: string;
  readonly tenantId?: string;
  /** Signed with a key the issuer does not publish. */
  readonly forged?: boolean;
  readonly scopes?: string;
}

export interface Stack {
  readonly baseUrl: string;
  readonly issuerUrl: string;
  /** The fake Graph's base URL, ending in /v1.0. */
  readonly graphUrl: string;
  readonly apiAudience: string;
  tokenFor(personIdOrEmail: string, opts?: TokenOptions): Promise<string>;
  readonly demo: DemoOrg;
  readonly store: Store;
  readonly issuer: OidcIssuer;
  readonly graph: FakeGraph;
  close(): Promise<void>;
}

/** Real time of day, on the reference date: the app and the demo data agree on "today". */
const clockAt = (referenceDate: string | undefined): Clock | undefined => {
  if (referenceDate === undefined) return undefined;
  const offset = Date.parse(`${referenceDate}T10:00:00Z`) - Date.now();
  const now = (): string => new Date(Date.now() + offset).toISOString();
  return { now, today: () => now().slice(0, 10) };
};

export interface StackOptions {
  readonly referenceDate?: string;
  /** Settings beyond the stack's own, e.g. rate limits a test turns on. */
  readonly env?: Readonly<Record<string, string>>;
  /** Directories the fake Graph serves besides the demo's (a tenant brought in during a test). */
  readonly orgs?: readonly FakeOrg[];
}

export const startStack = async (opts: StackOptions = {}): Promise<Stack> => {
  const cosmos = await startCosmosServer();
  const database = { endpoint: cosmos.endpoint, key: cosmos.key, databaseId: `stack-${randomUUID()}` };
  const store = await createCosmosStore({ ...database, allowSelfSigned: true });
  const demo = buildDemoOrg(opts.referenceDate);
  await seedDemo(store, demo, database);
  const issuer = await startOidcIssuer({
    devSignIn: true,
    clients: { [APP_ID]: { secret: APP_SECRET } },
    appRolesOf: demoAppRoles(demo),
  });
  const clock = clockAt(opts.referenceDate);
  const graph = await startFakeGraph({
    orgs: [...demo.graphOrgs, ...(opts.orgs ?? [])],
    // Subscription expiry is judged on the same clock as the server's.
    ...(clock === undefined ? {} : { now: () => Date.parse(clock.now()) }),
  });
  const config = loadConfig({
    APP_ENV: 'local',
    CHECKIN_SCHEDULER: 'false',
    LOCAL_DEV_FAKES: 'true',
    LOG_LEVEL: 'silent',
    PORT: '0',
    ENTRA_AUTHORITY_HOST: issuer.url,
    API_AUDIENCES: STACK_AUDIENCE,
    ALLOWED_TENANTS: demo.tenants.map((t) => t.tenantId).join(','),
    GRAPH_BASE_URL: graph.baseUrl,
    COSMOS_ENDPOINT: cosmos.endpoint,
    MICROSOFT_APP_ID: APP_ID,
    MICROSOFT_APP_PASSWORD: APP_SECRET,
    ...opts.env,
  });
  const tokens = createMsalTokenSource({
    clientId: APP_ID,
    clientSecret: APP_SECRET,
    authority: issuer.msalAuthorityHost,
    networkClient: issuer.msalNetworkClient,
  });
  const gateway = createMsGraphGateway({
    tokens,
    baseUrl: graph.baseUrl,
    retry: { maxRetries: 3, maxDelaySeconds: 5 },
  });
  let listening = '';
  const app: App = await createApp(config, {
    store,
    logger: createLogger({ level: 'silent' }),
    ...(clock === undefined ? {} : { clock }),
    compose: {
      graph: gateway,
      directory: createDirectoryDelta({
        appToken: (t) => tokens.appToken(t),
        baseUrl: graph.baseUrl,
        clientId: APP_ID,
      }),
      calendarWatch: createGraphWatch({ appToken: (t) => tokens.appToken(t), baseUrl: graph.baseUrl }),
      publicBaseUrl: () => listening,
    },
    modules: [createApiModule(), createLocalDevModule(), createStaticModule(), createCalendarTruthModule()],
  });
  const { url } = await app.listen(0);
  listening = url;

  const tokenFor = (personIdOrEmail: string, o: TokenOptions = {}): Promise<string> => {
    const key = personIdOrEmail.trim().toLowerCase();
    const person = demo.employees.find((e) => e.id === key || e.email === key);
    if (person === undefined) throw new Error(`No demo person ${personIdOrEmail}`);
    const now = Math.floor(Date.now() / 1000);
    return issuer.signToken(
      {
        tid: o.tenantId ?? person.tenantId,
        oid: person.id,
        aud: o.audience ?? STACK_AUDIENCE,
        scp: o.scopes ?? 'access_as_user',
        name: person.displayName,
        preferred_username: person.email,
        ...(o.expiresInSeconds === undefined
          ? {}
          : { iat: now - 3600, nbf: now - 3600, exp: now + o.expiresInSeconds }),
      },
      o.forged === true ? { key: 'forged' } : {},
    );
  };

  return {
    baseUrl: url,
    issuerUrl: issuer.url,
    graphUrl: graph.baseUrl,
    apiAudience: STACK_AUDIENCE,
    tokenFor,
    demo,
    store,
    issuer,
    graph,
    close: async () => {
      await app.close(1000);
      await graph.close();
      await issuer.close();
      store.close();
      await cosmos.close();
    },
  };
};
