import { ManagedIdentityCredential } from '@azure/identity';
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isAppError } from '@pc/core';
import type { DestinationStream } from 'pino';
import { createApp, type App } from './app.ts';
import type { CompositionOverrides } from './compose.ts';
import { loadConfig, type AppConfig } from './config.ts';
import { redactedSummary } from './config-summary.ts';
import { createCosmosStore } from './cosmos/index.ts';
import { checkGraphAtStart } from './graph/startup-check.ts';
import { createLogger, type Logger } from './logging.ts';
import type { AppModule, AppStore } from './module.ts';
import { defaultModules } from './modules.ts';
import { startTelemetry } from './telemetry/index.ts';
import { createShutdown, installSignalHandlers, type Shutdown } from './shutdown.ts';

export interface StartOptions {
  /** Install SIGTERM/SIGINT handlers that exit the process (the real entry point does). */
  readonly handleSignals?: boolean;
  readonly logDestination?: DestinationStream;
  readonly modules?: readonly AppModule[];
  /** Tests and the local launcher may hand in a store; otherwise Cosmos is opened from config. */
  readonly store?: AppStore;
  /** Adapters to use instead of those built from config (the local launcher's fake Graph). */
  readonly compose?: CompositionOverrides;
}

export interface RunningServer {
  readonly config: AppConfig;
  readonly app: App;
  readonly url: string;
  readonly logger: Logger;
  /** Closes the HTTP server (draining in-flight requests) and then the store. */
  readonly shutdown: Shutdown;
}

const openStore = async (config: AppConfig): Promise<AppStore> => {
  const common = { endpoint: config.cosmos.endpoint, databaseId: config.cosmos.databaseId };
  if (config.cosmos.useManagedIdentity) {
    // No keys in production: the app's managed identity holds a Cosmos data-plane role.
    const clientId = config.cosmos.managedIdentityClientId;
    const credential = clientId ? new ManagedIdentityCredential({ clientId }) : new ManagedIdentityCredential();
    return createCosmosStore({ ...common, credential });
  }
  return createCosmosStore({
    ...common,
    ...(config.cosmos.key === undefined ? {} : { key: config.cosmos.key }),
    allowSelfSigned: config.cosmos.allowSelfSigned,
  });
};

export const startServer = async (
  env: Readonly<Record<string, string | undefined>> = process.env,
  options: StartOptions = {},
): Promise<RunningServer> => {
  const config = loadConfig(env);
  const logger = createLogger({
    level: config.logLevel,
    ...(options.logDestination ? { destination: options.logDestination } : {}),
  });
  logger.info({ config: redactedSummary(config) }, 'starting');

  const shutdown = createShutdown({ logger });
  const telemetry = await startTelemetry({ connectionString: config.telemetry.connectionString, logger });
  if (telemetry.enabled) shutdown.register('telemetry', telemetry.shutdown);
  const store = options.store ?? (await openStore(config));
  if (!options.store)
    shutdown.register('store', () => {
      store.close();
      return Promise.resolve();
    });

  const app = await createApp(config, {
    store,
    logger,
    modules: options.modules ?? defaultModules(),
    ...(options.compose === undefined ? {} : { compose: options.compose }),
  });
  // App Service routes to the container's port on every interface; locally only this machine.
  const { url } = await app.listen(config.port, config.env === 'production' ? '0.0.0.0' : '127.0.0.1');
  shutdown.register('http', () => app.close(10_000));
  if (options.handleSignals) {
    installSignalHandlers(shutdown, (code) => {
      process.exit(code);
    });
  }
  logger.info({ url, version: app.version }, 'listening');
  await checkGraphAtStart(config, logger);
  return { config, app, url, logger, shutdown };
};

const writeFatal = (error: unknown): void => {
  // The logger may not exist yet (bad config), so write one JSON line by hand, without values.
  const detail = isAppError(error)
    ? { code: error.code, message: error.message, details: error.details }
    : {
        code: 'internal',
        message: error instanceof Error ? `${error.name}: ${error.message.slice(0, 300)}` : 'unknown error',
      };
  process.stderr.write(
    `${JSON.stringify({ level: 60, time: new Date().toISOString(), msg: 'startup failed', ...detail })}\n`,
  );
};

const isEntryPoint = (): boolean => {
  const entry = process.argv[1];
  return entry !== undefined && realpathSync(entry) === realpathSync(fileURLToPath(import.meta.url));
};

if (isEntryPoint()) {
  startServer(process.env, { handleSignals: true }).catch((error: unknown) => {
    writeFatal(error);
    process.exit(1);
  });
}
