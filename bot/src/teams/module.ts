import type { DueInput, DueReport, SchemeId } from '@pc/core';
import type { AppModule } from '../app.ts';
import { createBotAdapter, registerBotRoutes } from './adapter.ts';
import { TurnGate } from './turn-gate.ts';
import { PerformanceBot } from './bot.ts';
import { createTeamsState, type KeyValueFactory } from './cosmos-state.ts';
import type { SchemeContent, TeamsBotDeps } from './deps.ts';
import { CachedDirectory, storeLookup } from './directory.ts';
import { createCloudProactiveSender } from './proactive-sender.ts';
import { CheckinScheduler } from './scheduler.ts';
import { SendQueueWorker } from './send-queue.ts';

export interface TeamsModuleOptions {
  /** Conversation references, the send queue and settings; defaults to the app store's `keyValues`. */
  readonly keyValues?: KeyValueFactory;
  readonly scheme: (id: SchemeId) => SchemeContent;
  readonly due: (input: DueInput) => DueReport;
}

/**
 * Registers POST /api/messages. Unauthenticated activities are accepted only
 * when no bot app id is configured and the process is a local one with local
 * fakes on (the Agents Playground); production config always has an app id.
 */
export const createTeamsModule = (options: TeamsModuleOptions): AppModule => {
  // One scheduler per module instance, started on register and stopped by App.close.
  let scheduler: CheckinScheduler | undefined;
  return {
    name: 'teams',
    close: async () => {
      await scheduler?.stop();
    },
    register: ({ server, config, store, logger, clock }) => {
      const localPlayground = config.env !== 'production' && config.localDevFakes;
      if (config.bot.appId === undefined && !localPlayground) {
        // Production config always has an app id; elsewhere the API still serves without a bot.
        logger.warn('bot endpoint not registered: no MICROSOFT_APP_ID and local fakes are off');
        return;
      }
      const adapter = createBotAdapter({ ...config.bot, localPlayground }, logger);
      const state = createTeamsState(options.keyValues ?? ((kind, partition) => store.keyValues(kind, partition)));
      const deps: TeamsBotDeps = {
        store,
        directory: new CachedDirectory(storeLookup(store.employees), {
          ttlMs: config.bot.directoryCacheSeconds * 1000,
        }),
        references: state.references,
        starters: state.starters,
        nudges: state.nudges,
        clock,
        logger,
        scheme: options.scheme,
        due: options.due,
        allowedTenants: config.auth.allowedTenants,
        tabUrl: config.tabBaseUrl,
      };
      registerBotRoutes(server, adapter, new PerformanceBot(deps), new TurnGate(config.bot.turnsInFlight));
      if (config.checkins.scheduler) {
        const sender = createCloudProactiveSender({
          adapter,
          botAppId: config.bot.appId ?? '',
          references: state.references,
        });
        const worker = new SendQueueWorker({ store: state.sendQueue, sender, logger });
        scheduler = new CheckinScheduler({
          deps,
          worker,
          tenants: config.auth.allowedTenants,
          intervalMs: config.checkins.intervalMinutes * 60_000,
        });
        scheduler.start();
      }
    },
  };
};
