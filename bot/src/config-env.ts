import { z } from 'zod';

/** The environment variables the server reads, as parsed and checked before config is built. */

/** The well-known key of the Cosmos DB emulator; public, not a secret. */
export const EMULATOR_KEY = 'C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==';
export const LOCAL_FAKE_ISSUER_URL = 'http://localhost:3990';
export const LOCAL_FAKE_GRAPH_URL = 'http://localhost:3991/v1.0';
/** The client the local issuer names in the tokens it signs in with; accepted only by a local process. */
export const LOCAL_ISSUER_CLIENT_ID = '10ca1000-0000-4000-a000-00000000c11e';

/**
 * Microsoft's own clients that obtain tokens for the tab and add-in (Microsoft's list of client ids
 * to pre-authorise for single sign-on in Teams and Outlook). API_ALLOWED_CLIENTS replaces it.
 */
export const MICROSOFT_HOST_CLIENTS: readonly string[] = [
  '1fec8e78-bce4-4aaf-ab1b-5451cc387264', // Teams desktop and mobile
  '5e3ce6c0-2b1f-4285-8d4b-75ee78787346', // Teams on the web
  '4765445b-32c6-49b0-83e6-1d93765276ca', // Microsoft 365 on the web
  '0ec893e0-5785-4de6-99da-4ed124e5296c', // Microsoft 365 desktop
  'd3590ed6-52b3-4102-aeff-aad2292ab01c', // Microsoft 365 mobile, Outlook desktop
  'bc59ab01-8403-45c6-8796-ac3ef710b3e3', // Outlook on the web
  '27922004-5251-4030-b22d-91ecd9a37ea4', // Outlook mobile
];

const booleanText = z.enum(['true', 'false', '1', '0', 'yes', 'no']).transform((v) => ['true', '1', 'yes'].includes(v));
const csv = z.string().transform((v) =>
  v
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0),
);
const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const url = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });

export const EnvSchema = z.object({
  APP_ENV: z.enum(['local', 'production'], { error: 'must be local or production' }).optional(),
  NODE_ENV: z.string().optional(),
  PORT: z.coerce.number({ error: 'must be a port number' }).int().min(0).max(65535).optional(),
  PUBLIC_BASE_URL: url.optional(),
  TAB_BASE_URL: url.optional(),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], { error: 'must be a pino level' })
    .optional(),
  LOCAL_DEV_FAKES: booleanText.optional(),
  COSMOS_ENDPOINT: url.optional(),
  COSMOS_KEY: z.string().min(1).optional(),
  COSMOS_DATABASE: z
    .string()
    .regex(/^[A-Za-z0-9-_]{1,255}$/, 'must be a Cosmos database id')
    .optional(),
  COSMOS_USE_MANAGED_IDENTITY: booleanText.optional(),
  /** Client id of the user-assigned managed identity (absent: the system-assigned one). */
  AZURE_CLIENT_ID: z.string().regex(guid, 'must be a GUID').optional(),
  COSMOS_ALLOW_SELF_SIGNED: booleanText.optional(),
  MICROSOFT_APP_ID: z.string().regex(guid, 'must be a GUID').optional(),
  MICROSOFT_APP_PASSWORD: z.string().min(1).optional(),
  MICROSOFT_APP_TENANT_ID: z.string().regex(guid, 'must be a GUID').optional(),
  MICROSOFT_APP_TYPE: z
    .enum(['SingleTenant', 'UserAssignedMSI'], { error: 'must be SingleTenant or UserAssignedMSI' })
    .optional(),
  ENTRA_AUTHORITY_HOST: url.optional(),
  API_AUDIENCES: csv.optional(),
  ALLOWED_TENANTS: csv.pipe(z.array(z.string().regex(guid, 'must list tenant GUIDs'))).optional(),
  API_SCOPE: z
    .string()
    .regex(/^[A-Za-z0-9._-]{1,120}$/, 'must be a scope name such as access_as_user')
    .optional(),
  API_ALLOWED_CLIENTS: csv.pipe(z.array(z.string().regex(guid, 'must list client GUIDs'))).optional(),
  /** The Entra app id the tab and add-in sign in with themselves (nested app authentication). */
  TAB_APP_ID: z.string().regex(guid, 'must be a GUID').optional(),
  GRAPH_BASE_URL: url.optional(),
  /**
   * The Teams app's id (the manifest's `id`): cards sent into Teams link to the app's tab with it (web addresses
   * without it); with Graph configured, nudges may go to the activity feed.
   */
  TEAMS_APP_ID: z.string().regex(guid, 'must be a GUID').optional(),
  BOT_TURNS_IN_FLIGHT: z.coerce.number({ error: 'must be a number' }).int().min(1).max(10_000).optional(),
  BOT_DIRECTORY_CACHE_SECONDS: z.coerce
    .number({ error: 'must be a number of seconds' })
    .int()
    .min(0)
    .max(3_600)
    .optional(),
  CHECKIN_SCHEDULER: booleanText.optional(),
  CHECKIN_INTERVAL_MINUTES: z.coerce
    .number({ error: 'must be a number of minutes' })
    .int()
    .min(1)
    .max(24 * 60)
    .optional(),
  /** How long a tenant's send lease lasts without a heartbeat: a stopped instance's tenants are free after it. */
  SEND_LEASE_SECONDS: z.coerce.number({ error: 'must be a number of seconds' }).min(3).max(600).optional(),
  /** How often each instance looks for sends a stopped instance left open. */
  /** Application Insights; App Service sets it from the Bicep. Telemetry is off without it. */
  APPLICATIONINSIGHTS_CONNECTION_STRING: z.string().min(1).optional(),
  DIRECTORY_SYNC_MINUTES: z.coerce.number({ error: 'must be a number of minutes' }).min(0).max(10_080).optional(),
  /** Minutes between sweeps for bookings left with their invitations pending (0 = off), and how old one must be. */
  CALENDAR_WATCH_MINUTES: z.coerce.number({ error: 'must be a number of minutes' }).min(0).max(1_440).optional(),
  BOOKING_SWEEP_MINUTES: z.coerce.number({ error: 'must be a number of minutes' }).min(0).max(1_440).optional(),
  BOOKING_SWEEP_PENDING_MINUTES: z.coerce.number({ error: 'must be a number of minutes' }).min(1).max(1_440).optional(),
  STATUS_DIGEST_CHECK_MINUTES: z.coerce.number({ error: 'must be a number of minutes' }).min(0).max(10_080).optional(),
  /** Hours between looks for leavers to archive (0 = off); each tenant is run at most once a day. */
  RETENTION_RUN_HOURS: z.coerce.number({ error: 'must be a number of hours' }).min(0).max(24).optional(),
  SEND_SWEEP_SECONDS: z.coerce.number({ error: 'must be a number of seconds' }).min(1).max(3_600).optional(),
  /** Per-user and per-tenant REST API budgets: on in production, off locally unless set. */
  API_RATE_LIMITS: booleanText.optional(),
  API_USER_REQUESTS_PER_SECOND: z.coerce.number({ error: 'must be a number' }).int().min(1).max(10_000).optional(),
  API_TENANT_REQUESTS_PER_SECOND: z.coerce.number({ error: 'must be a number' }).int().min(1).max(1_000_000).optional(),
  /** The most instances App Service runs; each keeps 1/N of every request budget. */
  APP_INSTANCE_COUNT: z.coerce.number({ error: 'must be a number' }).int().min(1).max(100).optional(),
});
export type ParsedEnv = z.infer<typeof EnvSchema>;
