import { randomUUID } from 'node:crypto';
import { isAppError } from '@pc/core';
import { runDirectorySync, type DirectorySource } from '@pc/core/usecases';
import { appTokensFor } from './app-tokens.ts';
import type { AppConfig } from './config.ts';
import { CosmosDirectorySyncStore } from './cosmos/directory-sync-store.ts';
import { createDirectoryDelta } from './graph/directory-delta.ts';
import type { AppModule } from './module.ts';
import { recordSyncRun } from './telemetry/index.ts';

export interface DirectorySyncModuleOptions {
  /** Defaults to Graph's /users/delta with the bot's app registration, when one is configured. */
  readonly directory?: DirectorySource;
  /** Minutes between rounds (default: DIRECTORY_SYNC_MINUTES, 60; 0 = off); the first round runs one interval after start. */
  readonly intervalMinutes?: number;
}

export const graphDirectory = (config: AppConfig): DirectorySource | undefined => {
  const tokens = appTokensFor(config);
  if (tokens === undefined || config.bot.appId === undefined) return undefined;
  return createDirectoryDelta({
    appToken: (t) => tokens.appToken(t),
    baseUrl: config.graph.baseUrl,
    clientId: config.bot.appId,
  });
};

/**
 * Keeps every allowed tenant's staff current: a directory sync round per tenant on a timer. Each
 * tenant's sync document is a lease, so with several instances one syncs a tenant and the others
 * pass; a failed round is logged and resumed by the next.
 */
export const createDirectorySyncModule = (options: DirectorySyncModuleOptions = {}): AppModule => {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  return {
    name: 'directory-sync',
    close: async () => {
      clearInterval(timer);
      await running;
    },
    register: ({ config, store, logger, clock }) => {
      const directory = options.directory ?? graphDirectory(config);
      const minutes = options.intervalMinutes ?? config.directorySync.intervalMinutes;
      if (directory === undefined || minutes === 0 || config.auth.allowedTenants.length === 0) return;
      const deps = {
        repos: { tenants: store.tenants, employees: store.employees },
        clock,
        directory,
        syncState: new CosmosDirectorySyncStore((kind, partition) => store.keyValues(kind, partition)),
        instanceId: `server-${randomUUID()}`,
      };
      const round = async (): Promise<void> => {
        for (const tenantId of config.auth.allowedTenants) {
          try {
            const result = await runDirectorySync(deps, tenantId);
            logger.info({ tenantId, outcome: result.outcome, pages: result.pages, ...result.counts }, 'directory sync');
            recordSyncRun('completed', { ...result.counts });
          } catch (error) {
            // Another instance holds the tenant, or the tenant is not set up yet: nothing to do this time.
            const code = isAppError(error) ? error.code : 'internal';
            logger.warn({ tenantId, code }, 'directory sync skipped');
            if (code !== 'conflict') recordSyncRun('failed', { code });
          }
        }
      };
      timer = setInterval(() => {
        running ??= round().finally(() => {
          running = undefined;
        });
      }, minutes * 60_000);
      timer.unref();
    },
  };
};
