/**
 * `npm start`: the whole product on this machine with no cloud account. An embedded
 * Cosmos DB (persisted to .data/), the demo organisation seeded once, a local Entra-like
 * issuer and a fake Microsoft Graph, then the real server with local configuration.
 * Ctrl-C closes everything and saves the data.
 */
import { realpathSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { systemClock } from '@pc/core';
import { LOCAL_FAKE_GRAPH_URL, LOCAL_FAKE_ISSUER_URL } from '../bot/src/config.ts';
import { createCosmosStore } from '../bot/src/cosmos/index.ts';
import { createGraphWatch } from '../bot/src/calendar-truth/graph-watch.ts';
import { createDirectoryDelta } from '../bot/src/graph/directory-delta.ts';
import { createLogger } from '../bot/src/logging.ts';
import { createShutdown, installSignalHandlers, type Shutdown } from '../bot/src/shutdown.ts';
import { startFakeGraph } from '@pc/testing/fakes/graph-server.ts';
import { startOidcIssuer } from '@pc/testing/fakes/oidc-issuer.ts';
import { buildDemoOrg, demoAppRoles, type DemoOrg } from './demo-org.ts';
import { startEmbeddedCosmos } from './embedded-cosmos.ts';
import { bringInDemoOrg, type BroughtIn } from './bring-in.ts';
import { LOCAL_GRAPH_CLIENT, localAppToken, localGraphGateway } from './local-graph.ts';
import { ancestorPids, importQuietly, watchLauncher } from './launcher.ts';
import { startPlayground } from './playground.ts';
import { demoDataPresent } from './seed.ts';

const ROOT = resolve(import.meta.dirname, '..');
const DEFAULT_SNAPSHOT = join(ROOT, '.data', 'cosmos-snapshot.json');
const portOf = (url: string): number => Number(new URL(url).port);

export interface LocalOptions {
  /** 0 everywhere picks free ports (tests); the defaults are the documented local ports. */
  readonly serverPort?: number;
  readonly cosmosPort?: number;
  readonly issuerPort?: number;
  readonly graphPort?: number;
  readonly snapshotFile?: string;
  readonly org?: DemoOrg;
  readonly logLevel?: 'info' | 'warn' | 'silent';
  /**
   * Also start the Microsoft 365 Agents Playground against the bot (on by default only for
   * `npm start`). A playground that fails to start is reported and the rest keeps running.
   */
  readonly playground?: boolean;
  /** The playground's web UI port (default 56150; a random one when that is taken). */
  readonly playgroundPort?: number;
  /** Hourly proactive check-ins (default on, as in any local run); tests turn it off for determinism. */
  readonly checkinScheduler?: boolean;
}

export interface LocalStack {
  readonly urls: Readonly<Record<'server' | 'health' | 'cosmos' | 'issuer' | 'signIn' | 'graph', string>> & {
    /** Present when the Agents Playground was asked for and started. */
    readonly playground?: string;
  };
  /** True when this start seeded the demo data (first run or after deleting the snapshot). */
  readonly seeded: boolean;
  /** Per demo tenant, what the directory sync and the HR import did on a first start. */
  readonly broughtIn: readonly BroughtIn[];
  readonly shutdown: Shutdown;
}

export const startLocal = async (options: LocalOptions = {}): Promise<LocalStack> => {
  const org = options.org ?? buildDemoOrg(systemClock.today());
  const logLevel = options.logLevel ?? 'info';
  const shutdown = createShutdown({ logger: createLogger({ level: logLevel, name: 'local' }) });

  const cosmos = await startEmbeddedCosmos({
    port: options.cosmosPort ?? 8081,
    snapshotFile: options.snapshotFile ?? DEFAULT_SNAPSHOT,
  });
  shutdown.register('cosmos', () => cosmos.close());
  try {
    const databaseId = 'performance-conversations';
    const store = await createCosmosStore({
      endpoint: cosmos.endpoint,
      key: cosmos.key,
      databaseId,
      allowSelfSigned: true,
    });
    shutdown.register('store', async () => {
      store.close();
      await Promise.resolve();
    });
    const issuer = await startOidcIssuer({
      port: options.issuerPort ?? portOf(LOCAL_FAKE_ISSUER_URL),
      devSignIn: true,
      clients: { [LOCAL_GRAPH_CLIENT.id]: { secret: LOCAL_GRAPH_CLIENT.secret } },
      appRolesOf: demoAppRoles(org),
    });
    shutdown.register('issuer', () => issuer.close());
    const graph = await startFakeGraph({
      orgs: org.graphOrgs,
      port: options.graphPort ?? portOf(LOCAL_FAKE_GRAPH_URL),
    });
    shutdown.register('graph', () => graph.close());

    // The first start brings the demo organisation in as a real tenant comes: sync, then HR import.
    const seeded = !(await demoDataPresent(store, org));
    const directory = createDirectoryDelta({ appToken: localAppToken(issuer.url), baseUrl: graph.baseUrl });
    const broughtIn = seeded
      ? await bringInDemoOrg({
          store,
          org,
          directory,
          hrDir: join(dirname(options.snapshotFile ?? DEFAULT_SNAPSHOT), 'demo-hr'),
        })
      : [];

    // Loaded here, quietly: restify's HTTP/2 helper trips a deprecation notice (DEP0111) as it loads.
    const { startServer } = await importQuietly(() => import('../bot/src/main.ts'));
    const server = await startServer(
      {
        APP_ENV: 'local',
        LOCAL_DEV_FAKES: 'true',
        PORT: String(options.serverPort ?? 3978),
        LOG_LEVEL: logLevel,
        COSMOS_ENDPOINT: cosmos.endpoint,
        COSMOS_KEY: cosmos.key,
        COSMOS_DATABASE: databaseId,
        COSMOS_ALLOW_SELF_SIGNED: 'true',
        ENTRA_AUTHORITY_HOST: issuer.url,
        GRAPH_BASE_URL: graph.baseUrl,
        ALLOWED_TENANTS: org.tenants.map((t) => t.tenantId).join(','),
        CHECKIN_SCHEDULER: String(options.checkinScheduler ?? true),
      },
      {
        store,
        compose: {
          graph: localGraphGateway(issuer, graph.baseUrl),
          directory,
          // Moves, cancellations and declines made "in Outlook" come back through the fake Graph's notifications.
          calendarWatch: createGraphWatch({ appToken: localAppToken(issuer.url), baseUrl: graph.baseUrl }),
        },
      },
    );
    shutdown.register('server', () => server.shutdown.run('local stop').then(() => undefined));
    const playground =
      options.playground === true ? await startPlaygroundSafely(server.url, options, shutdown) : undefined;

    return {
      seeded,
      broughtIn,
      shutdown,
      urls: {
        server: server.url,
        health: `${server.url}/healthz`,
        cosmos: cosmos.endpoint,
        issuer: issuer.url,
        signIn: `${issuer.url}/local/sign-in?tid=<tenant id>&oid=<person id>&aud=api://localhost/performance-conversations`,
        graph: graph.baseUrl,
        ...(playground === undefined ? {} : { playground }),
      },
    };
  } catch (error) {
    // Whatever started before the failure still closes, so a retry finds the ports free.
    await shutdown.run('start failed');
    throw error;
  }
};

/** The playground is a convenience: when it cannot start, say why and keep the product running. */
const startPlaygroundSafely = async (
  serverUrl: string,
  options: LocalOptions,
  shutdown: Shutdown,
): Promise<string | undefined> => {
  try {
    const playground = await startPlayground({
      endpoint: `${serverUrl}/api/messages`,
      logFile: join(ROOT, '.data', 'playground', 'm365agentsplayground.log'),
      ...(options.playgroundPort === undefined ? {} : { port: options.playgroundPort }),
    });
    shutdown.register('playground', () => playground.stop());
    return playground.url;
  } catch (error) {
    console.warn('The Agents Playground did not start:', error instanceof Error ? error.message : error);
    console.warn('The bot still runs; try `npm run playground` in another terminal.');
    return undefined;
  }
};

const broughtInLine = (report: readonly BroughtIn[]): string => {
  const joined = report.reduce((n, t) => n + t.sync.counts.joined, 0);
  const imported = report.reduce((n, t) => n + t.hrImport.changed, 0);
  return `${String(joined)} people synced from the local Graph, ${String(imported)} updated by the HR files in .data/demo-hr/, history seeded`;
};

const isEntryPoint = (): boolean => {
  const entry = process.argv[1];
  return entry !== undefined && realpathSync(entry) === realpathSync(fileURLToPath(import.meta.url));
};

if (isEntryPoint()) {
  try {
    const stack = await startLocal({ playground: true });
    console.log(`
Performance Conversations is running locally.
  Server        ${stack.urls.server}   (health: ${stack.urls.health})
  Cosmos DB     ${stack.urls.cosmos}   (data kept in .data/cosmos-snapshot.json)
  Entra issuer  ${stack.urls.issuer}
  Sign in       ${stack.urls.signIn}
  Graph         ${stack.urls.graph}
  Playground    ${stack.urls.playground ?? 'not running (npm run playground starts it)'}   (chat with the bot as Kate Hughes, Assembly Secretariat)
  Demo data     ${stack.seeded ? broughtInLine(stack.broughtIn) : 'already present, left as it was'}
  People        npm run cli -- people --scheme bexley-pms
Press Ctrl-C to stop; the data is saved on the way out.
`);
    const exit = (code: number): void => {
      process.exit(code);
    };
    installSignalHandlers(stack.shutdown, exit);
    // A signal sent to the npm process alone never reaches us: stop when npm or its shell ends.
    watchLauncher(ancestorPids(), () => {
      void stack.shutdown.run('launcher ended').then((clean) => {
        exit(clean ? 0 : 1);
      });
    });
  } catch (error) {
    console.error('Local start failed:', error instanceof Error ? error.message : error);
    console.error('If a port is busy (3978, 8081, 3990, 3991), stop whatever holds it and try again.');
    process.exit(1);
  }
}
