import type { AppConfig } from './config.ts';

const presence = (value: string | undefined): 'set' | 'missing' => (value === undefined ? 'missing' : 'set');

/** One flat object for the startup log line: secrets appear only as "set" or "missing". */
export const redactedSummary = (config: AppConfig): Record<string, string | number | boolean> => ({
  env: config.env,
  port: config.port,
  publicBaseUrl: config.publicBaseUrl,
  tabBaseUrl: config.tabBaseUrl,
  logLevel: config.logLevel,
  localDevFakes: config.localDevFakes,
  cosmosEndpoint: config.cosmos.endpoint,
  cosmosDatabase: config.cosmos.databaseId,
  cosmosKey: presence(config.cosmos.key),
  cosmosManagedIdentity: config.cosmos.useManagedIdentity,
  cosmosAllowSelfSigned: config.cosmos.allowSelfSigned,
  botAppId: config.bot.appId ?? 'missing',
  botAppPassword: presence(config.bot.appPassword),
  botAppTenantId: config.bot.appTenantId ?? 'missing',
  botAppType: config.bot.appType,
  authorityHost: config.auth.authorityHost,
  apiAudiences: config.auth.audiences.join(','),
  allowedTenants: config.auth.allowedTenants.length,
  apiScope: config.auth.apiScope,
  allowedClients: config.auth.allowedClients.length,
  graphBaseUrl: config.graph.baseUrl,
  telemetry: config.telemetry.connectionString === undefined ? 'off' : 'Application Insights',
  checkinScheduler: config.checkins.scheduler,
  checkinIntervalMinutes: config.checkins.intervalMinutes,
  directorySyncMinutes: config.directorySync.intervalMinutes,
  bookingSweep: `every ${String(config.bookingSweep.intervalMinutes)} min, pending over ${String(config.bookingSweep.pendingMinutes)} min`,
  sendLease: `${String(config.proactive.leaseSeconds)} s, sweep every ${String(config.proactive.sweepSeconds)} s`,
  rateLimits: config.rateLimits.enabled
    ? `${String(config.rateLimits.userPerSecond)}/s per user, ${String(config.rateLimits.tenantPerSecond)}/s per tenant over ${String(config.rateLimits.instances)} instance(s)`
    : 'off',
});
