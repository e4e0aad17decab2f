/**
 * The processes a bench starts (see child.ts): 'cosmos' runs the Cosmos server, 'connector' the fake
 * Bot Connector (each on its own event loop, as each is another machine in production), 'echo-app'
 * the echo bot, 'real-app' the real server with the Teams bot and the API.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startFakeBotConnector } from '../../test/fakes/bot-connector.ts';
import type { InjectedRefusal, SlidingWindowLimiter } from '../../test/fakes/connector/limits.ts';
import { startCosmosServer } from '../../test/support/cosmos-server.ts';
import { exitWithParent, ready } from './child.ts';
import { linearCosmosQueries } from './linear-queries.ts';
import { resumedCosmosQueries } from './resumed-queries.ts';

export interface CosmosInfo {
  readonly cosmosEndpoint: string;
  readonly cosmosKey: string;
}

export interface ConnectorInfo {
  readonly connectorUrl: string;
  /** GET → ConnectorStats. */
  readonly statsUrl: string;
  /** GET /sent?tenants=, /arrivals?tenant=, /refusals; POST /refuse (an InjectedRefusal). */
  readonly controlUrl: string;
}

export type PeersInfo = CosmosInfo & ConnectorInfo;

export interface ConnectorStats {
  readonly activities: number;
  /** Activities whose JSON contains the `text` query parameter. */
  readonly matching: number;
  /** Distinct conversations that received an activity. */
  readonly conversations: number;
  readonly throttled: number;
  /** Requests that arrived while their tenant or conversation was paused by a Retry-After. */
  readonly violations: number;
  /** Seconds in which a tenant or a conversation saw more requests than Teams allows, refused ones included. */
  readonly overLimitSeconds: number;
}

export interface AppInfo {
  readonly url: string;
}

const env = (name: string): string => {
  const value = process.env[name];
  if (value === undefined) throw new Error(`${name} is required for this bench role`);
  return value;
};

const untilStopped = (close: () => Promise<void>): void => {
  process.once('SIGTERM', () => {
    close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
};

const cosmos = async (): Promise<void> => {
  // BENCH_LINEAR_QUERIES=1: the query engine without its quadratic copying (see linear-queries.ts),
  // queries resumed from their continuation and scoped to their partition (see resumed-queries.ts).
  if (process.env.BENCH_LINEAR_QUERIES === '1') {
    linearCosmosQueries();
    resumedCosmosQueries();
  }
  const server = await startCosmosServer();
  ready({ cosmosEndpoint: server.endpoint, cosmosKey: server.key } satisfies CosmosInfo);
  untilStopped(() => server.close());
};

/** What the connector's control address answers besides its stats (see connector-control in the tests). */
export interface ConnectorSent {
  /** Conversations that received an activity, one entry per activity, in arrival order. */
  readonly conversations: readonly string[];
}

const connector = async (): Promise<void> => {
  // BENCH_TEAMS_LIMITS=1 enforces Teams' limits: 50 requests/s per tenant, 1 message/s per conversation,
  // counted on this process's own clock as requests arrive.
  const limiters: { perTenant?: SlidingWindowLimiter; perConversation?: SlidingWindowLimiter } = {};
  const onTheWireMs = Number(process.env.BENCH_CONNECTOR_ON_THE_WIRE_MS ?? '0');
  const fake = await startFakeBotConnector(
    process.env.BENCH_TEAMS_LIMITS === '1'
      ? {
          perTenant: { max: 50, windowMs: 1000, onTheWireMs, observe: (l) => (limiters.perTenant = l) },
          perConversation: { max: 1, windowMs: 1000, onTheWireMs, observe: (l) => (limiters.perConversation = l) },
        }
      : {},
  );
  const routes: Readonly<Record<string, (query: URLSearchParams, body: unknown) => unknown>> = {
    'GET /stats': (query) => {
      const text = query.get('text') ?? '';
      const matching =
        text === '' ? 0 : fake.activities.filter((a) => JSON.stringify(a.activity).includes(text)).length;
      return {
        activities: fake.activities.length,
        matching,
        conversations: new Set(fake.activities.map((a) => a.conversationId)).size,
        throttled: fake.stats.throttled,
        violations: fake.stats.violations,
        overLimitSeconds:
          (limiters.perTenant?.overLimitSeconds ?? 0) + (limiters.perConversation?.overLimitSeconds ?? 0),
      } satisfies ConnectorStats;
    },
    'GET /sent': (query) => {
      const tenants = new Set((query.get('tenants') ?? '').split(','));
      return {
        conversations: fake.activities.filter((a) => tenants.has(a.tenantId)).map((a) => a.conversationId),
      } satisfies ConnectorSent;
    },
    'GET /arrivals': (query) => limiters.perTenant?.arrivals(query.get('tenant') ?? '') ?? [],
    'GET /refusals': () => limiters.perTenant?.refusals ?? [],
    'POST /refuse': (_query, body) => {
      limiters.perTenant?.refuseOnce(body as InjectedRefusal);
      return {};
    },
  };
  const control = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const route = routes[`${req.method ?? 'GET'} ${url.pathname}`];
      const text = Buffer.concat(chunks).toString('utf8');
      res.writeHead(route === undefined ? 404 : 200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(route?.(url.searchParams, text === '' ? undefined : JSON.parse(text)) ?? {}));
    });
  });
  await new Promise<void>((resolve) => control.listen(0, '127.0.0.1', resolve));
  const controlUrl = `http://127.0.0.1:${String((control.address() as AddressInfo).port)}`;
  ready({ connectorUrl: fake.url, statsUrl: `${controlUrl}/stats`, controlUrl } satisfies ConnectorInfo);
  untilStopped(async () => {
    control.close();
    await fake.close();
  });
};

// The app roles load the server only when they run, so the store and connector processes start quickly.
const echoApp = async (): Promise<void> => {
  const [
    { systemClock },
    { createApp },
    { loadConfig },
    { createLogger },
    { createEchoBotModule },
    { botAuthFromEnv },
  ] = await Promise.all([
    import('@pc/core'),
    import('../../bot/src/app.ts'),
    import('../../bot/src/config.ts'),
    import('../../bot/src/logging.ts'),
    import('../echo-bot.ts'),
    import('./bot-auth.ts'),
  ]);
  const config = loadConfig({
    APP_ENV: 'local',
    LOCAL_DEV_FAKES: 'true',
    LOG_LEVEL: 'silent',
    CHECKIN_SCHEDULER: 'false',
  });
  const app = await createApp(config, {
    // The echo bot never touches storage; the health check is the only user of the store.
    store: undefined as never,
    logger: createLogger({ level: 'silent' }),
    clock: systemClock,
    modules: [createEchoBotModule(botAuthFromEnv())],
  });
  const { url } = await app.listen(0, '127.0.0.1');
  ready({ url } satisfies AppInfo);
  untilStopped(() => app.close(1_000));
};

/** The real server, its bot checking Bot Framework tokens as in production (see bot-auth.ts). */
const realApp = async (): Promise<void> => {
  const [{ systemClock }, { createApp }, { loadConfig }, { createLogger }, { createCosmosStore }, modules, auth] =
    await Promise.all([
      import('@pc/core'),
      import('../../bot/src/app.ts'),
      import('../../bot/src/config.ts'),
      import('../../bot/src/logging.ts'),
      import('../../bot/src/cosmos/index.ts'),
      Promise.all([import('../../bot/src/teams/module.ts'), import('../../bot/src/http/api/module.ts')]),
      import('./bot-auth.ts'),
    ]);
  const { appId, appPassword, appTenantId, endpoints } = auth.botAuthFromEnv();
  const store = await createCosmosStore({
    endpoint: env('BENCH_COSMOS_ENDPOINT'),
    key: env('BENCH_COSMOS_KEY'),
    databaseId: env('BENCH_DATABASE'),
    allowSelfSigned: true,
  });
  const config = loadConfig({
    APP_ENV: 'local',
    CHECKIN_SCHEDULER: 'false',
    LOG_LEVEL: 'silent',
    ALLOWED_TENANTS: env('BENCH_TENANTS'),
    MICROSOFT_APP_ID: appId,
    MICROSOFT_APP_PASSWORD: appPassword,
    MICROSOFT_APP_TENANT_ID: appTenantId,
    ENTRA_AUTHORITY_HOST: endpoints.authorityHost ?? '',
  });
  // The Teams module hands config.bot to the adapter as it is, endpoints included.
  const bot = { ...config.bot, endpoints };
  const app = await createApp(
    { ...config, bot },
    {
      store,
      logger: createLogger({ level: 'silent' }),
      clock: systemClock,
      modules: [modules[0].createTeamsModule(), modules[1].createApiModule()],
    },
  );
  const { url } = await app.listen(0, '127.0.0.1');
  ready({ url } satisfies AppInfo);
  untilStopped(async () => {
    await app.close(1_000);
    store.close();
  });
};

const ROLES: Readonly<Record<string, () => Promise<void>>> = {
  cosmos,
  connector,
  'echo-app': echoApp,
  'real-app': realApp,
};

exitWithParent();
const role = ROLES[process.argv[2] ?? ''];
if (role === undefined) {
  process.stderr.write(`unknown bench role ${process.argv[2] ?? ''}\n`);
  process.exit(2);
}
await role();
