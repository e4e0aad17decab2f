import { systemClock, type Clock } from '@pc/core';
import type { Server } from 'restify';
import botPackage from '../package.json' with { type: 'json' };
import type { AppConfig } from './config.ts';
import type { Store } from './cosmos/index.ts';
import { createHttpServer, listen, type HealthCheck } from './http/index.ts';
import type { Logger } from './logging.ts';
import { closeHttpServer } from './shutdown.ts';

/** The store every module shares: the Cosmos store, with key-value collections for later features. */
export type AppStore = Store;

export interface AppModuleContext {
  readonly server: Server;
  readonly config: AppConfig;
  readonly store: AppStore;
  readonly logger: Logger;
  readonly clock: Clock;
}

/** A surface that registers routes: the Teams bot endpoint, the REST API for the tab and add-in. */
export interface AppModule {
  readonly name: string;
  register(context: AppModuleContext): void | Promise<void>;
  /** Stops background work the module started (timers, queues); called by App.close. */
  close?(): Promise<void>;
}

export interface AppDeps {
  readonly store: AppStore;
  readonly logger: Logger;
  readonly clock?: Clock;
  /** What the server serves beyond /healthz; `defaultModules()` in modules.ts for the real product. */
  readonly modules?: readonly AppModule[];
  /** Extra probes for /healthz beyond the store's. */
  readonly healthChecks?: readonly HealthCheck[];
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
  });
  const context: AppModuleContext = {
    server,
    config,
    store: deps.store,
    logger: deps.logger,
    clock: deps.clock ?? systemClock,
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
