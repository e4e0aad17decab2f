export type {
  CalendarEvent,
  DelegatedCaller,
  EventAttendee,
  EventChanges,
  FreeBusyStatus,
  GraphGateway,
  MailboxAccess,
  MeetingTimeSuggestion,
  MeetingTimesQuery,
  NewEvent,
  TimeSlot,
} from './gateway.ts';
export { createMsalClient, type MsalClientOptions } from './msal-client.ts';
export { createMsalTokenSource, type GraphTokenSource, type MsalTokenSourceOptions } from './token-source.ts';
export { createMsGraphGateway, type MsGraphGatewayOptions } from './ms-graph-gateway.ts';
export { DEFAULT_RETRY_POLICY, parseRetryAfter, withRetry, type RetryPolicy } from './retry.ts';
export { createKeyedLimiter, type KeyedLimiter } from './keyed-limiter.ts';
