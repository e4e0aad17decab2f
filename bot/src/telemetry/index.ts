export { startTelemetry, type Telemetry } from './start.ts';
export {
  observeQueueDepth,
  recordRequest,
  recordSend,
  recordSyncRun,
  recordThrottled,
  recordTurn,
  resetInstruments,
} from './metrics.ts';
export { endRequestSpan, startRequestSpan } from './tracing.ts';
