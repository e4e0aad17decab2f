/**
 * One instance of the real server (restify app with the Teams bot and the /api/v1 REST API)
 * over a Cosmos endpoint that the caller owns. Several instances may share one Cosmos server,
 * one after another or side by side, which is how a restarted or scaled-out process behaves.
 * The endpoint may be a fault proxy in front of the Cosmos server.
 */
import { randomUUID } from 'node:crypto';
import { fixedClock, systemClock } from '@pc/core';
import { createApp, type App, type AppModule } from '../../../bot/src/app.ts';
import { loadConfig } from '../../../bot/src/config.ts';
import { createCosmosStore, type Store } from '../../../bot/src/cosmos/index.ts';
import { CosmosHandoverRepository } from '../../../bot/src/cosmos/handover-repository.ts';
import { CosmosTeamThemesRepository } from '../../../bot/src/cosmos/team-themes-repository.ts';
import type { GraphGateway } from '../../../bot/src/graph/index.ts';
import { createApiModule } from '../../../bot/src/http/api/module.ts';
import { createLogger } from '../../../bot/src/logging.ts';
import { createTeamsModule } from '../../../bot/src/teams/module.ts';

export const API_AUDIENCE = 'api://localhost/performance-conversations';

export interface AppInstanceOptions {
  readonly cosmosEndpoint: string;
  readonly cosmosKey: string;
  readonly databaseId: string;
  readonly tenants: readonly string[];
  /** The local OIDC issuer's URL: API tokens are checked against its keys. */
  readonly issuerUrl: string;
  readonly graph?: GraphGateway;
  /** A fixed instant for the clock; the system clock otherwise. */
  readonly now?: string;
  readonly port?: number;
  /** Modules beyond the bot and the API, e.g. the static tab. */
  readonly extraModules?: readonly AppModule[];
  /** Server settings on top of the test defaults, e.g. CHECKIN_SCHEDULER=true. */
  readonly env?: Readonly<Record<string, string>>;
}

export interface AppInstance {
  readonly url: string;
  readonly app: App;
  readonly store: Store;
  close(graceMs?: number): Promise<void>;
}

export const startAppInstance = async (options: AppInstanceOptions): Promise<AppInstance> => {
  const store = await createCosmosStore({
    endpoint: options.cosmosEndpoint,
    key: options.cosmosKey,
    databaseId: options.databaseId,
    allowSelfSigned: true,
  });
  const config = loadConfig({
    APP_ENV: 'local',
    CHECKIN_SCHEDULER: 'false',
    LOCAL_DEV_FAKES: 'true',
    ALLOWED_TENANTS: options.tenants.join(','),
    ENTRA_AUTHORITY_HOST: options.issuerUrl,
    API_AUDIENCES: API_AUDIENCE,
    LOG_LEVEL: 'silent',
    ...options.env,
  });
  const app = await createApp(config, {
    store,
    // Silent unless the options ask for a level: a process's log lines reach its parent as JSON.
    logger: createLogger({ level: config.logLevel }),
    clock: options.now === undefined ? systemClock : fixedClock(options.now),
    compose: {
      teamThemes: new CosmosTeamThemesRepository(store),
      handovers: new CosmosHandoverRepository(store),
      newId: randomUUID,
      ...(options.graph === undefined ? {} : { graph: options.graph }),
    },
    modules: [createTeamsModule(), createApiModule(), ...(options.extraModules ?? [])],
  });
  const { url } = await app.listen(options.port ?? 0, '127.0.0.1');
  return {
    url,
    app,
    store,
    close: async (graceMs = 1_000) => {
      await app.close(graceMs);
      store.close();
    },
  };
};
