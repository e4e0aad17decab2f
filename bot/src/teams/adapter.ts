import { AppError } from '@pc/core';
import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type ActivityHandlerBase } from 'botbuilder';
import type { Server } from 'restify';
import type { Logger } from '../logging.ts';
import { DEFAULT_TURNS_IN_FLIGHT, TurnGate } from './turn-gate.ts';

export interface BotAdapterSettings {
  readonly appId: string | undefined;
  readonly appPassword: string | undefined;
  readonly appTenantId: string | undefined;
  readonly appType: 'SingleTenant' | 'UserAssignedMSI';
  /**
   * Accept unsigned activities (the Microsoft 365 Agents Playground). Honoured
   * only when no app id is configured, and callers pass it only for local dev.
   */
  readonly localPlayground: boolean;
}

/**
 * The Bot Framework adapter. With an app id, every incoming activity must
 * carry a valid Bot Framework JWT for that app; there is no switch to turn
 * that off. Without one, the adapter starts only in explicit local playground mode.
 */
export const createBotAdapter = (settings: BotAdapterSettings, logger: Logger): CloudAdapter => {
  if (settings.appId === undefined && !settings.localPlayground) {
    throw new AppError('internal', 'The bot needs MICROSOFT_APP_ID (or local playground mode for local development)');
  }
  const options =
    settings.appId === undefined
      ? {}
      : {
          MicrosoftAppId: settings.appId,
          MicrosoftAppPassword: settings.appPassword ?? '',
          MicrosoftAppTenantId: settings.appTenantId ?? '',
          MicrosoftAppType: settings.appType,
        };
  // The credential factory defaults to one built from the same options.
  const auth = new ConfigurationBotFrameworkAuthentication(options);
  const adapter = new CloudAdapter(auth);
  adapter.onTurnError = (context, error) => {
    // Handlers turn failures into cards; reaching here means the reply itself failed.
    logger.error({ err: error, activityType: context.activity.type }, 'bot turn failed');
    return Promise.resolve();
  };
  if (settings.appId === undefined)
    logger.warn('bot running in local playground mode: activities are not authenticated');
  return adapter;
};

export const BOT_MESSAGES_PATH = '/api/messages';

/** POST /api/messages: the Bot Connector delivers every Teams activity here. */
export const registerBotRoutes = (
  server: Server,
  adapter: CloudAdapter,
  bot: ActivityHandlerBase,
  gate = new TurnGate(DEFAULT_TURNS_IN_FLIGHT),
): void => {
  server.post(BOT_MESSAGES_PATH, async (req, res) => {
    await gate.run(() => adapter.process(req, res, (context) => bot.run(context)));
  });
};
