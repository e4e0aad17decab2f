import { AppError, type FieldIssue } from '@pc/core';
import {
  EnvSchema,
  LOCAL_FAKE_GRAPH_URL,
  LOCAL_FAKE_ISSUER_URL,
  LOCAL_ISSUER_CLIENT_ID,
  MICROSOFT_HOST_CLIENTS,
  EMULATOR_KEY,
  type ParsedEnv,
} from './config-env.ts';
import { DEFAULT_DIRECTORY_CACHE_SECONDS } from './cosmos/cached-directory.ts';
import { DEFAULT_RATE_LIMITS } from './http/rate-limits.ts';
import { DEFAULT_TURNS_IN_FLIGHT } from './http/turn-gate.ts';

export {
  EMULATOR_KEY,
  LOCAL_FAKE_GRAPH_URL,
  LOCAL_FAKE_ISSUER_URL,
  LOCAL_ISSUER_CLIENT_ID,
  MICROSOFT_HOST_CLIENTS,
} from './config-env.ts';

/**
 * The only place that reads process.env. Every setting has a safe local
 * default except secrets; production refuses to start without the settings
 * listed in PRODUCTION_REQUIRED. No setting turns authentication off:
 * LOCAL_DEV_FAKES only points the identity and Graph URLs at local fakes.
 */

/** A process is local or production; tests are local processes configured like any other. */
export type AppEnv = 'local' | 'production';
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
export type BotAppType = 'SingleTenant' | 'UserAssignedMSI';

export interface AppConfig {
  readonly env: AppEnv;
  readonly port: number;
  readonly publicBaseUrl: string;
  readonly tabBaseUrl: string;
  readonly logLevel: LogLevel;
  readonly localDevFakes: boolean;
  readonly cosmos: {
    readonly endpoint: string;
    readonly key: string | undefined;
    readonly databaseId: string;
    readonly useManagedIdentity: boolean;
    readonly managedIdentityClientId: string | undefined;
    /** Only for the local emulator's self-signed certificate; refused in production. */
    readonly allowSelfSigned: boolean;
  };
  readonly bot: {
    readonly appId: string | undefined;
    readonly appPassword: string | undefined;
    readonly appTenantId: string | undefined;
    readonly appType: BotAppType;
    /** Bot turns one process runs at once; later activities wait in arrival order. */
    readonly turnsInFlight: number;
    /** Seconds a bot turn may reuse an employee record it read; 0 reads the store every time. */
    readonly directoryCacheSeconds: number;
  };
  readonly auth: {
    readonly authorityHost: string;
    readonly audiences: readonly string[];
    readonly allowedTenants: readonly string[];
    /** The delegated scope a caller's token must grant (`scp`); app-only tokens carry none. */
    readonly apiScope: string;
    /** Client applications (`azp`/`appid`) whose tokens the REST API accepts. */
    readonly allowedClients: readonly string[];
  };
  readonly graph: { readonly baseUrl: string };
  /** The Teams app's id, for activity feed notifications that open its tab; unset, nobody can choose the feed. */
  readonly activityFeed: { readonly teamsAppId: string | undefined };
  /** Traces and metrics to Application Insights when a connection string is set; off otherwise. */
  readonly telemetry: { readonly connectionString: string | undefined };
  /** Proactive check-ins: on unless CHECKIN_SCHEDULER=false. */
  readonly checkins: { readonly scheduler: boolean; readonly intervalMinutes: number };
  /** Directory sync from Graph for every allowed tenant: minutes between rounds, 0 = off. */
  readonly directorySync: { readonly intervalMinutes: number };
  /** Bookings a client left with invitations pending: minutes between sweeps (0 = off), and after how long one is swept. */
  readonly bookingSweep: { readonly intervalMinutes: number; readonly pendingMinutes: number };
  /** Minutes between checks of every person's status digest against their records (0 = off). */
  readonly statusDigests: { readonly reconcileMinutes: number };
  /** Hours between looks for leavers to archive and keeping periods ended (0 = off); each tenant runs once a day. */
  readonly retention: { readonly runHours: number };
  /** How often calendar subscriptions are renewed and calendars caught up by delta query (0: never). */
  readonly calendarWatch: { readonly intervalMinutes: number };
  /** Proactive sends across instances: the per-tenant send lease and the sweep for sends left open. */
  readonly proactive: { readonly leaseSeconds: number; readonly sweepSeconds: number };
  /** REST API request budgets per user and per tenant, per second across all instances. */
  readonly rateLimits: {
    readonly enabled: boolean;
    readonly userPerSecond: number;
    readonly tenantPerSecond: number;
    readonly instances: number;
  };
}

/**
 * APP_ENV and NODE_ENV must agree: NODE_ENV=production is a production process whatever APP_ENV
 * says, so a stray APP_ENV=local cannot switch on the local fakes there, and APP_ENV=production
 * beside a development or test NODE_ENV is as likely a mistake. Unset, each follows the other.
 */
const resolveEnv = (e: ParsedEnv): AppEnv => {
  const fromNode: AppEnv | undefined =
    e.NODE_ENV === undefined ? undefined : e.NODE_ENV === 'production' ? 'production' : 'local';
  if (e.APP_ENV !== undefined && fromNode !== undefined && e.APP_ENV !== fromNode) {
    throw new AppError('validation', 'Configuration is invalid: APP_ENV and NODE_ENV disagree', {
      details: [
        {
          path: 'APP_ENV',
          message: `must agree with NODE_ENV (${fromNode === 'production' ? 'production' : 'not production'})`,
        },
      ],
    });
  }
  return e.APP_ENV ?? fromNode ?? 'local';
};

/** Empty strings count as unset so a blank line in an env file does not defeat a default. */
const withoutBlanks = (env: Readonly<Record<string, string | undefined>>): Record<string, string> =>
  Object.fromEntries(
    Object.entries(env).filter((e): e is [string, string] => e[1] !== undefined && e[1].trim() !== ''),
  );

const productionIssues = (e: ParsedEnv, c: AppConfig): FieldIssue[] => {
  const issues: FieldIssue[] = [];
  const need = (key: keyof ParsedEnv, ok: boolean, message = 'is required in production'): void => {
    if (!ok) issues.push({ path: key, message });
  };
  need('MICROSOFT_APP_ID', e.MICROSOFT_APP_ID !== undefined);
  need('MICROSOFT_APP_TENANT_ID', e.MICROSOFT_APP_TENANT_ID !== undefined);
  need('COSMOS_ENDPOINT', e.COSMOS_ENDPOINT !== undefined);
  need('API_AUDIENCES', c.auth.audiences.length > 0);
  need('ALLOWED_TENANTS', c.auth.allowedTenants.length > 0);
  need('PUBLIC_BASE_URL', e.PUBLIC_BASE_URL !== undefined);
  need(
    'COSMOS_KEY',
    c.cosmos.useManagedIdentity || e.COSMOS_KEY !== undefined,
    'is required unless COSMOS_USE_MANAGED_IDENTITY',
  );
  need(
    'MICROSOFT_APP_PASSWORD',
    c.bot.appType !== 'SingleTenant' || e.MICROSOFT_APP_PASSWORD !== undefined,
    'is required for a SingleTenant bot',
  );
  need('LOCAL_DEV_FAKES', !c.localDevFakes, 'must not be enabled in production');
  need('COSMOS_ALLOW_SELF_SIGNED', !c.cosmos.allowSelfSigned, 'must not be enabled in production');
  need('API_RATE_LIMITS', c.rateLimits.enabled, 'must not be disabled in production');
  for (const [key, value] of [
    ['PUBLIC_BASE_URL', c.publicBaseUrl],
    ['ENTRA_AUTHORITY_HOST', c.auth.authorityHost],
    ['GRAPH_BASE_URL', c.graph.baseUrl],
    ['COSMOS_ENDPOINT', c.cosmos.endpoint],
  ] as const) {
    if (e[key] !== undefined && !value.startsWith('https://'))
      issues.push({ path: key, message: 'must use https in production' });
  }
  return issues;
};

export const loadConfig = (env: Readonly<Record<string, string | undefined>> = process.env): AppConfig => {
  const parsed = EnvSchema.safeParse(withoutBlanks(env));
  if (!parsed.success) {
    // Only the key and the rule are reported, never the offending value (it may be a secret).
    const details = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    throw new AppError('validation', `Configuration is invalid: ${details.map((d) => d.path).join(', ')}`, { details });
  }
  const e = parsed.data;
  const appEnv = resolveEnv(e);
  const dev = appEnv !== 'production';
  const port = e.PORT ?? 3978;
  const fakes = e.LOCAL_DEV_FAKES ?? false;
  const config: AppConfig = {
    env: appEnv,
    port,
    publicBaseUrl: e.PUBLIC_BASE_URL ?? `http://localhost:${port}`,
    tabBaseUrl: e.TAB_BASE_URL ?? e.PUBLIC_BASE_URL ?? `http://localhost:${port}`,
    logLevel: e.LOG_LEVEL ?? 'info',
    localDevFakes: fakes,
    cosmos: {
      endpoint: e.COSMOS_ENDPOINT ?? 'https://localhost:8081',
      key: e.COSMOS_KEY ?? (dev ? EMULATOR_KEY : undefined),
      databaseId: e.COSMOS_DATABASE ?? 'performance-conversations',
      useManagedIdentity: e.COSMOS_USE_MANAGED_IDENTITY ?? false,
      managedIdentityClientId: e.AZURE_CLIENT_ID,
      allowSelfSigned: e.COSMOS_ALLOW_SELF_SIGNED ?? dev,
    },
    bot: {
      appId: e.MICROSOFT_APP_ID,
      appPassword: e.MICROSOFT_APP_PASSWORD,
      appTenantId: e.MICROSOFT_APP_TENANT_ID,
      appType: e.MICROSOFT_APP_TYPE ?? 'SingleTenant',
      turnsInFlight: e.BOT_TURNS_IN_FLIGHT ?? DEFAULT_TURNS_IN_FLIGHT,
      directoryCacheSeconds: e.BOT_DIRECTORY_CACHE_SECONDS ?? DEFAULT_DIRECTORY_CACHE_SECONDS,
    },
    auth: {
      authorityHost: e.ENTRA_AUTHORITY_HOST ?? (fakes ? LOCAL_FAKE_ISSUER_URL : 'https://login.microsoftonline.com'),
      audiences: e.API_AUDIENCES ?? (dev ? ['api://localhost/performance-conversations'] : []),
      // No default tenants: an empty list admits nobody, even locally.
      allowedTenants: e.ALLOWED_TENANTS ?? [],
      apiScope: e.API_SCOPE ?? 'access_as_user',
      allowedClients: [
        ...(e.API_ALLOWED_CLIENTS ?? MICROSOFT_HOST_CLIENTS),
        ...(e.TAB_APP_ID === undefined ? [] : [e.TAB_APP_ID]),
        ...(dev ? [LOCAL_ISSUER_CLIENT_ID] : []),
      ],
    },
    graph: { baseUrl: e.GRAPH_BASE_URL ?? (fakes ? LOCAL_FAKE_GRAPH_URL : 'https://graph.microsoft.com/v1.0') },
    activityFeed: { teamsAppId: e.TEAMS_APP_ID },
    telemetry: { connectionString: e.APPLICATIONINSIGHTS_CONNECTION_STRING },
    checkins: {
      scheduler: e.CHECKIN_SCHEDULER ?? true,
      intervalMinutes: e.CHECKIN_INTERVAL_MINUTES ?? 60,
    },
    directorySync: { intervalMinutes: e.DIRECTORY_SYNC_MINUTES ?? 60 },
    calendarWatch: { intervalMinutes: e.CALENDAR_WATCH_MINUTES ?? 60 },
    bookingSweep: {
      intervalMinutes: e.BOOKING_SWEEP_MINUTES ?? 5,
      pendingMinutes: e.BOOKING_SWEEP_PENDING_MINUTES ?? 5,
    },
    statusDigests: { reconcileMinutes: e.STATUS_DIGEST_CHECK_MINUTES ?? 360 },
    retention: { runHours: e.RETENTION_RUN_HOURS ?? 6 },
    proactive: { leaseSeconds: e.SEND_LEASE_SECONDS ?? 30, sweepSeconds: e.SEND_SWEEP_SECONDS ?? 60 },
    rateLimits: {
      enabled: e.API_RATE_LIMITS ?? !dev,
      userPerSecond: e.API_USER_REQUESTS_PER_SECOND ?? DEFAULT_RATE_LIMITS.userPerSecond,
      tenantPerSecond: e.API_TENANT_REQUESTS_PER_SECOND ?? DEFAULT_RATE_LIMITS.tenantPerSecond,
      instances: e.APP_INSTANCE_COUNT ?? DEFAULT_RATE_LIMITS.instances,
    },
  };
  if (!dev) {
    const issues = productionIssues(e, config);
    if (issues.length > 0) {
      throw new AppError(
        'validation',
        `Configuration is incomplete for production: ${issues.map((i) => i.path).join(', ')}`,
        {
          details: issues,
        },
      );
    }
  }
  return config;
};
