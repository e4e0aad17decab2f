import type { Logger } from '../logging.ts';
import { resetInstruments } from './metrics.ts';

export interface TelemetryOptions {
  /** Application Insights connection string; without it telemetry stays off (the local default). */
  readonly connectionString: string | undefined;
  readonly logger: Logger;
}

export interface Telemetry {
  readonly enabled: boolean;
  readonly shutdown: () => Promise<void>;
}

/**
 * Sends traces and metrics to Application Insights through Azure Monitor's OpenTelemetry
 * distribution. Its automatic HTTP and SDK instrumentations stay off: they would record full
 * URLs and queries, which can carry names and search text. The server records its own request,
 * turn and send telemetry with route patterns and outcomes only (metrics.ts, tracing.ts).
 */
export const startTelemetry = async (options: TelemetryOptions): Promise<Telemetry> => {
  if (options.connectionString === undefined || options.connectionString === '') {
    return { enabled: false, shutdown: () => Promise.resolve() };
  }
  const { useAzureMonitor, shutdownAzureMonitor } = await import('@azure/monitor-opentelemetry');
  useAzureMonitor({
    azureMonitorExporterOptions: { connectionString: options.connectionString },
    instrumentationOptions: {
      http: { enabled: false },
      azureSdk: { enabled: false },
      mongoDb: { enabled: false },
      mySql: { enabled: false },
      postgreSql: { enabled: false },
      redis: { enabled: false },
      redis4: { enabled: false },
      bunyan: { enabled: false },
      winston: { enabled: false },
    },
    enableLiveMetrics: false,
  });
  // App Service names the role after the site (WEBSITE_SITE_NAME); the metrics' meter names the product.
  resetInstruments();
  options.logger.info('telemetry to Application Insights is on');
  return { enabled: true, shutdown: () => shutdownAzureMonitor() };
};
