export { PerformanceBot } from './bot.ts';
export { createBotAdapter, registerBotRoutes, BOT_MESSAGES_PATH, type BotAdapterSettings } from './adapter.ts';
export type { TeamsBotDeps, TeamsBotStore, SchemeContent } from './deps.ts';
export { createCloudProactiveSender, type CloudProactiveSenderOptions } from './proactive-sender.ts';
export { SendQueueWorker, type SendQueueOptions, type DrainResult } from './send-queue.ts';
export { enqueueCheckins, checkinSendId, type CheckinTarget } from './checkins.ts';
export {
  createTeamsState,
  createConversationReferenceStore,
  createSendQueueStore,
  createStarterStore,
  createNudgeSettingsStore,
  type KeyValueFactory,
  type TeamsState,
} from './cosmos-state.ts';
export type * from './ports.ts';
export { TENANT_REFERENCE_KEY } from './ports.ts';
export { ConnectorThrottled, KeyedThrottle, parseRetryAfter } from './throttle.ts';
export { createTeamsModule, type TeamsModuleOptions } from './module.ts';
export {
  CheckinScheduler,
  isoWeekKey,
  isQuietTime,
  DEFAULT_QUIET_HOURS,
  type SchedulerRun,
  type CheckinSchedulerOptions,
} from './scheduler.ts';
