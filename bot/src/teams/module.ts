import { withActivityFeed } from '@pc/core/usecases';
import type { AppModule } from '../module.ts';
import { CheckinScheduler, SendLeases, SendQueueWorker } from '../proactive/index.ts';
import { createBotAdapter, registerBotRoutes } from './adapter.ts';
import { PerformanceBot } from './bot.ts';
import { createCloudProactiveSender } from './proactive-sender.ts';
import { TurnGate } from '../http/turn-gate.ts';
import { tabAddressOf } from '../tab-links.ts';
import type { TeamsContext } from './turn.ts';

/**
 * Registers POST /api/messages over the shared services, and starts the check-in scheduler
 * when configured. Unauthenticated activities are accepted only when no bot app id is
 * configured and the process is a local one with local fakes on (the Agents Playground);
 * production config always has an app id.
 */
export const createTeamsModule = (): AppModule => {
  // One scheduler per module instance, started on register and stopped by App.close.
  let scheduler: CheckinScheduler | undefined;
  return {
    name: 'teams',
    close: async () => {
      await scheduler?.stop();
    },
    register: ({ server, config, logger, services }) => {
      const localPlayground = config.env !== 'production' && config.localDevFakes;
      if (config.bot.appId === undefined && !localPlayground) {
        // Production config always has an app id; elsewhere the API still serves without a bot.
        logger.warn('bot endpoint not registered: no MICROSOFT_APP_ID and local fakes are off');
        return;
      }
      const adapter = createBotAdapter({ ...config.bot, localPlayground }, logger);
      const ctx: TeamsContext = {
        deps: services.deps,
        references: services.references,
        logger,
        allowedTenants: config.auth.allowedTenants,
        tabUrl: tabAddressOf(config),
      };
      registerBotRoutes(server, adapter, new PerformanceBot(ctx), new TurnGate(config.bot.turnsInFlight));
      if (!config.checkins.scheduler) return;
      // Nudges a person chose to get in their activity feed go through Graph, at the same pace.
      const sender = withActivityFeed(
        createCloudProactiveSender({ adapter, botAppId: config.bot.appId ?? '', references: services.references }),
        services.deps.activityFeed,
      );
      scheduler = new CheckinScheduler({
        deps: services.deps,
        references: services.references,
        logger,
        worker: new SendQueueWorker({ store: services.sendQueue, sender, logger }),
        tenants: config.auth.allowedTenants,
        intervalMs: config.checkins.intervalMinutes * 60_000,
        // One sender per tenant across instances; the lease outlasts the tenant's rate window.
        leases: new SendLeases({
          store: services.sendLeases,
          logger,
          leaseMs: config.proactive.leaseSeconds * 1000,
          quietMs: 1_100,
        }),
        sweepIntervalMs: config.proactive.sweepSeconds * 1000,
        instances: config.rateLimits.instances,
      });
      scheduler.start();
    },
  };
};
