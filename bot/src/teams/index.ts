export { PerformanceBot } from './bot.ts';
export { createBotAdapter, registerBotRoutes, BOT_MESSAGES_PATH, type BotAdapterSettings } from './adapter.ts';
export { createCloudProactiveSender, type CloudProactiveSenderOptions } from './proactive-sender.ts';
export { createTeamsModule } from './module.ts';
export type { TeamsContext, TurnIdentity } from './turn.ts';
