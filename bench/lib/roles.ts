/**
 * The processes a bench starts (see child.ts): 'cosmos' runs the Cosmos server, 'connector' the fake
 * Bot Connector (each on its own event loop, as each is another machine in production), 'echo-app'
 * the echo bot, 'real-app' the real server with the Teams bot and the API.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { systemClock } from '@pc/core';
import { createApp } from '../../bot/src/app.ts';
import { loadConfig } from '../../bot/src/config.ts';
import { createLogger } from '../../bot/src/logging.ts';
import { startFakeBotConnector } from '../../test/fakes/bot-connector.ts';
import { startAppInstance } from '../../test/reliability/support/app.ts';
import { startCosmosServer } from '../../test/support/cosmos-server.ts';
import { createEchoBotModule } from '../echo-bot.ts';
import { ready } from './child.ts';

export interface CosmosInfo {
  readonly cosmosEndpoint: string;
  readonly cosmosKey: string;
}

export interface ConnectorInfo {
  readonly connectorUrl: string;
  /** GET → ConnectorStats. */
  readonly statsUrl: string;
}

export type PeersInfo = CosmosInfo & ConnectorInfo;

export interface ConnectorStats {
  readonly activities: number;
  /** Activities whose JSON contains the `text` query parameter. */
  readonly matching: number;
  /** Distinct conversations that received an activity. */
  readonly conversations: number;
  readonly throttled: number;
  readonly violations: number;
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
  const server = await startCosmosServer();
  ready({ cosmosEndpoint: server.endpoint, cosmosKey: server.key } satisfies CosmosInfo);
  untilStopped(() => server.close());
};

const connector = async (): Promise<void> => {
  // BENCH_TEAMS_LIMITS=1 enforces Teams' limits: 50 requests/s per tenant, 1 message/s per conversation.
  const fake = await startFakeBotConnector(
    process.env.BENCH_TEAMS_LIMITS === '1'
      ? { perTenant: { max: 50, windowMs: 1000 }, perConversation: { max: 1, windowMs: 1000 } }
      : {},
  );
  const stats = createServer((req, res) => {
    const text = new URL(req.url ?? '/', 'http://localhost').searchParams.get('text') ?? '';
    const matching = text === '' ? 0 : fake.activities.filter((a) => JSON.stringify(a.activity).includes(text)).length;
    res.writeHead(200, { 'content-type': 'application/json' });
    const body: ConnectorStats = {
      activities: fake.activities.length,
      matching,
      conversations: new Set(fake.activities.map((a) => a.conversationId)).size,
      throttled: fake.stats.throttled,
      violations: fake.stats.violations,
    };
    res.end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => stats.listen(0, '127.0.0.1', resolve));
  ready({
    connectorUrl: fake.url,
    statsUrl: `http://127.0.0.1:${String((stats.address() as AddressInfo).port)}/stats`,
  } satisfies ConnectorInfo);
  untilStopped(async () => {
    stats.close();
    await fake.close();
  });
};

const echoApp = async (): Promise<void> => {
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
    modules: [createEchoBotModule()],
  });
  const { url } = await app.listen(0, '127.0.0.1');
  ready({ url } satisfies AppInfo);
  untilStopped(() => app.close(1_000));
};

const realApp = async (): Promise<void> => {
  const instance = await startAppInstance({
    cosmosEndpoint: env('BENCH_COSMOS_ENDPOINT'),
    cosmosKey: env('BENCH_COSMOS_KEY'),
    databaseId: env('BENCH_DATABASE'),
    tenants: env('BENCH_TENANTS').split(','),
    issuerUrl: process.env.BENCH_ISSUER_URL ?? 'http://127.0.0.1:9',
  });
  ready({ url: instance.url } satisfies AppInfo);
  untilStopped(() => instance.close());
};

const ROLES: Readonly<Record<string, () => Promise<void>>> = {
  cosmos,
  connector,
  'echo-app': echoApp,
  'real-app': realApp,
};

const role = ROLES[process.argv[2] ?? ''];
if (role === undefined) {
  process.stderr.write(`unknown bench role ${process.argv[2] ?? ''}\n`);
  process.exit(2);
}
await role();
