import type { DueInput, DueReport, SchemeId } from '@pc/core';
import type { AppModule } from '../app.ts';
import { createBotAdapter, registerBotRoutes } from './adapter.ts';
import { PerformanceBot } from './bot.ts';
import { createTeamsState, type KeyValueFactory } from './cosmos-state.ts';
import type { SchemeContent } from './deps.ts';

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
export const createTeamsModule = (options: TeamsModuleOptions): AppModule => ({
  name: 'teams',
  register: ({ server, config, store, logger, clock }) => {
    const localPlayground = config.env !== 'production' && config.localDevFakes;
    if (config.bot.appId === undefined && !localPlayground) {
      // Production config always has an app id; elsewhere the API still serves without a bot.
      logger.warn('bot endpoint not registered: no MICROSOFT_APP_ID and local fakes are off');
      return;
    }
    const adapter = createBotAdapter({ ...config.bot, localPlayground }, logger);
    const state = createTeamsState(options.keyValues ?? ((kind, partition) => store.keyValues(kind, partition)));
    const bot = new PerformanceBot({
      store,
      references: state.references,
      starters: state.starters,
      nudges: state.nudges,
      clock,
      logger,
      scheme: options.scheme,
      due: options.due,
      allowedTenants: config.auth.allowedTenants,
      tabUrl: config.tabBaseUrl,
    });
    registerBotRoutes(server, adapter, bot);
  },
});
