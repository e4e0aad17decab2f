/**
 * The ceiling for a bot turn: the same restify app, middleware and botbuilder CloudAdapter as the
 * real bot, checking the same Bot Framework tokens, with a turn that only echoes the text back
 * through the Bot Connector. Whatever the real turn costs beyond this is ours.
 */
import { ActivityHandler } from 'botbuilder';
import type { AppModule } from '../bot/src/module.ts';
import { createBotAdapter, registerBotRoutes, type BotAdapterSettings } from '../bot/src/teams/adapter.ts';

class EchoBot extends ActivityHandler {
  constructor() {
    super();
    this.onMessage(async (context, next) => {
      const text = context.activity.text;
      await context.sendActivity(`echo: ${typeof text === 'string' ? text.slice(0, 100) : ''}`);
      await next();
    });
  }
}

export const createEchoBotModule = (
  registration: Pick<BotAdapterSettings, 'appId' | 'appPassword' | 'appTenantId' | 'endpoints'>,
): AppModule => ({
  name: 'echo-bot',
  register: ({ server, logger }) => {
    const adapter = createBotAdapter({ ...registration, appType: 'SingleTenant', localPlayground: false }, logger);
    registerBotRoutes(server, adapter, new EchoBot());
  },
});
