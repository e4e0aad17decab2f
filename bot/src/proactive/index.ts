export { SendQueueWorker, type SendQueueOptions, type DrainResult } from './queue.ts';
export { SendLeases, type SendPermit } from './leases.ts';
export { CheckinScheduler, type SchedulerRun, type CheckinSchedulerOptions } from './scheduler.ts';
export {
  ConnectorThrottled,
  KeyedThrottle,
  parseRetryAfter,
  TEAMS_CONVERSATION_LIMIT,
  TEAMS_TENANT_LIMIT,
  type LimitSpec,
} from './pacing.ts';
