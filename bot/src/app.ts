import { systemClock, type Clock } from '@pc/core';
import type { Server } from 'restify';
import botPackage from '../package.json' with { type: 'json' };
import { composeServices, type AppServices, type CompositionOverrides } from './compose.ts';
import type { AppConfig } from './config.ts';
import { createHttpServer, listen, type HealthCheck } from './http/index.ts';
import type { Logger } from './logging.ts';
import type { AppModule, AppModuleContext, AppStore } from './module.ts';
import { closeHttpServer } from './shutdown.ts';

export type { AppModule, AppModuleContext, AppStore } from './module.ts';

export interface AppDeps {
  readonly store: AppStore;
  readonly logger: Logger;
  readonly clock?: Clock;
  /** What the server serves beyond /healthz; `defaultModules()` in modules.ts for the real product. */
  readonly modules?: readonly AppModule[];
  /** Extra probes for /healthz beyond the store's. */
  readonly healthChecks?: readonly HealthCheck[];
  /** Adapters to use instead of those built from config (tests, the local launcher). */
  readonly compose?: CompositionOverrides;
}

export interface App {
  readonly server: Server;
  readonly version: string;
  listen(port: number, host?: string): Promise<{ port: number; url: string }>;
  /**
   * Stops the modules' background work, then stops accepting and lets in-flight
   * requests finish for up to `graceMs`. Does not close the store.
   */
  close(graceMs?: number): Promise<void>;
}

export const APP_VERSION: string = botPackage.version;

// A tenant id no real tenant has: reading it proves the store answers without touching data.
const PROBE_TENANT = '00000000-0000-0000-0000-000000000000';

export const storeHealthCheck = (store: AppStore): HealthCheck => ({
  name: 'store',
  check: async () => {
    await store.tenants.get(PROBE_TENANT);
  },
});

export const createApp = async (config: AppConfig, deps: AppDeps): Promise<App> => {
  const server = createHttpServer({
    logger: deps.logger,
    version: APP_VERSION,
    healthChecks: [storeHealthCheck(deps.store), ...(deps.healthChecks ?? [])],
    requestLogLevel: config.env === 'production' ? 'info' : 'debug',
    // Pages may call the sign-in authority (the local issuer when the fakes are on) and nothing else.
    security: { production: config.env === 'production', connectSources: [config.auth.authorityHost] },
  });
  const clock = deps.clock ?? systemClock;
  // Built once, on first use: a server of static modules only never touches the store.
  let services: AppServices | undefined;
  const context: AppModuleContext = {
    server,
    config,
    store: deps.store,
    logger: deps.logger,
    clock,
    version: APP_VERSION,
    get services() {
      services ??= composeServices(config, deps.store, clock, deps.compose);
      return services;
    },
  };
  for (const module of deps.modules ?? []) {
    await module.register(context);
    deps.logger.debug({ module: module.name }, 'module registered');
  }
  return {
    server,
    version: APP_VERSION,
    listen: (port, host) => listen(server, port, host),
    close: async (graceMs = 10_000) => {
      for (const module of deps.modules ?? []) await module.close?.();
      await closeHttpServer(server.server, graceMs);
    },
  };
};
