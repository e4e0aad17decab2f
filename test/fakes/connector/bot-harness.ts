import { randomUUID } from 'node:crypto';
import { createApp, type App } from '../../../bot/src/app.ts';
import { loadConfig } from '../../../bot/src/config.ts';
import { createCosmosStore, type Store } from '../../../bot/src/cosmos/index.ts';
import { createLogger } from '../../../bot/src/logging.ts';
import { createTeamsModule } from '../../../bot/src/teams/module.ts';
import { fixedClock, type Clock } from '@pc/core';
import { startCosmosServer, type CosmosServer } from '../../support/cosmos-server.ts';
import { startFakeBotConnector, type FakeBotConnector, type FakeConnectorOptions } from '../bot-connector.ts';

/** The real server pieces (restify app, Teams module, Cosmos store) over a fake Bot Connector. */
export interface BotHarness {
  readonly botUrl: string;
  readonly connector: FakeBotConnector;
  readonly store: Store;
  readonly clock: Clock;
  close(): Promise<void>;
}

export interface BotHarnessOptions {
  readonly tenants: readonly string[];
  readonly connector?: FakeConnectorOptions;
  readonly now?: string;
  /** Extra environment, e.g. MICROSOFT_APP_ID to run with authentication on. */
  readonly env?: Readonly<Record<string, string>>;
}

export const startBotHarness = async (options: BotHarnessOptions): Promise<BotHarness> => {
  const cosmos: CosmosServer = await startCosmosServer();
  const store = await createCosmosStore({
    endpoint: cosmos.endpoint,
    key: cosmos.key,
    databaseId: `bot-${randomUUID()}`,
    allowSelfSigned: true,
  });
  const connector = await startFakeBotConnector(options.connector);
  const config = loadConfig({
    APP_ENV: 'local',
    CHECKIN_SCHEDULER: 'false',
    LOCAL_DEV_FAKES: 'true',
    ALLOWED_TENANTS: options.tenants.join(','),
    LOG_LEVEL: 'silent',
    ...options.env,
  });
  const logger = createLogger({ level: 'silent' });
  const clock = fixedClock(options.now ?? '2027-05-10T09:00:00.000Z');
  const app: App = await createApp(config, {
    store,
    logger,
    clock,
    modules: [createTeamsModule()],
  });
  const { url } = await app.listen(0);
  return {
    botUrl: url,
    connector,
    store,
    clock,
    close: async () => {
      await app.close(1_000);
      await connector.close();
      store.close();
      await cosmos.close();
    },
  };
};
