import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { AppError } from '@pc/core';
import { describe, expect, it } from 'vitest';
import { redactedSummary } from './config-summary.ts';
import { EMULATOR_KEY, loadConfig } from './config.ts';

const TENANT = '11111111-2222-4333-8444-555555555555';
const APP = '99999999-8888-4777-8666-555555555555';

const production = {
  APP_ENV: 'production',
  PUBLIC_BASE_URL: 'https://pc.example.org',
  MICROSOFT_APP_ID: APP,
  MICROSOFT_APP_PASSWORD: 'super-secret-password',
  MICROSOFT_APP_TENANT_ID: TENANT,
  COSMOS_ENDPOINT: 'https://pc.documents.azure.com:443/',
  COSMOS_KEY: 'secret-cosmos-key',
  API_AUDIENCES: 'api://pc.example.org/abc, ' + APP,
  ALLOWED_TENANTS: TENANT,
};

const validationError = (env: Record<string, string>): AppError => {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected loadConfig to fail');
};

describe('loadConfig', () => {
  it('starts locally with no settings at all, pointing at the local Cosmos emulator', () => {
    const config = loadConfig({});
    expect(config.env).toBe('local');
    expect(config.port).toBe(3978);
    expect(config.cosmos).toEqual({
      endpoint: 'https://localhost:8081',
      key: EMULATOR_KEY,
      databaseId: 'performance-conversations',
      useManagedIdentity: false,
      allowSelfSigned: true,
    });
    expect(config.graph.baseUrl).toBe('https://graph.microsoft.com/v1.0');
    expect(config.auth.authorityHost).toBe('https://login.microsoftonline.com');
  });

  it('admits no tenant by default, even locally', () => {
    expect(loadConfig({}).auth.allowedTenants).toEqual([]);
  });

  it('points identity and Graph at the local fakes only when LOCAL_DEV_FAKES is set', () => {
    const config = loadConfig({ LOCAL_DEV_FAKES: 'true' });
    expect(config.localDevFakes).toBe(true);
    expect(config.auth.authorityHost).toMatch(/^http:\/\/localhost:/);
    expect(config.graph.baseUrl).toMatch(/^http:\/\/localhost:.*\/v1\.0$/);
  });

  it('parses lists and numbers', () => {
    const config = loadConfig({ PORT: '4000', ALLOWED_TENANTS: `${TENANT} ,`, API_AUDIENCES: 'a,b' });
    expect(config.port).toBe(4000);
    expect(config.auth.allowedTenants).toEqual([TENANT]);
    expect(config.auth.audiences).toEqual(['a', 'b']);
    expect(config.publicBaseUrl).toBe('http://localhost:4000');
    expect(config.bot.directoryCacheSeconds).toBe(60);
    expect(loadConfig({ BOT_DIRECTORY_CACHE_SECONDS: '0' }).bot.directoryCacheSeconds).toBe(0);
    expect(() => loadConfig({ BOT_DIRECTORY_CACHE_SECONDS: '-1' })).toThrow(/BOT_DIRECTORY_CACHE_SECONDS/);
  });

  it('syncs the directory hourly unless DIRECTORY_SYNC_MINUTES says otherwise (0 turns it off)', () => {
    expect(loadConfig({}).directorySync.intervalMinutes).toBe(60);
    expect(loadConfig({ DIRECTORY_SYNC_MINUTES: '15' }).directorySync.intervalMinutes).toBe(15);
    expect(loadConfig({ DIRECTORY_SYNC_MINUTES: '0' }).directorySync.intervalMinutes).toBe(0);
    expect(() => loadConfig({ DIRECTORY_SYNC_MINUTES: 'hourly' })).toThrow(/DIRECTORY_SYNC_MINUTES/);
  });

  it('derives the environment from NODE_ENV when APP_ENV is absent; a test run is a local process', () => {
    expect(loadConfig({ NODE_ENV: 'test' }).env).toBe('local');
    expect(loadConfig({ NODE_ENV: 'development' }).env).toBe('local');
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(AppError);
  });

  it('has no environment of its own for tests: APP_ENV=test is refused', () => {
    expect(validationError({ APP_ENV: 'test' }).details).toEqual([
      { path: 'APP_ENV', message: 'must be local or production' },
    ]);
  });

  it('behaves the same under NODE_ENV=test as locally: scheduler on and info logs unless configured', () => {
    const underTest = loadConfig({ NODE_ENV: 'test' });
    expect(underTest.checkins).toEqual({ scheduler: true, intervalMinutes: 60 });
    expect(underTest.logLevel).toBe('info');
    expect(underTest).toEqual(loadConfig({}));
    expect(loadConfig({ APP_ENV: 'local' }).checkins).toEqual({ scheduler: true, intervalMinutes: 60 });
    expect(
      loadConfig({ NODE_ENV: 'test', CHECKIN_SCHEDULER: 'true', CHECKIN_INTERVAL_MINUTES: '15' }).checkins,
    ).toEqual({ scheduler: true, intervalMinutes: 15 });
    expect(loadConfig({ NODE_ENV: 'test', CHECKIN_SCHEDULER: 'false' }).checkins.scheduler).toBe(false);
    expect(loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }).logLevel).toBe('silent');
  });

  it('17.13: refuses to start when APP_ENV and NODE_ENV disagree, so APP_ENV=local cannot unlock the fakes in production', () => {
    const local = validationError({ ...production, APP_ENV: 'local', NODE_ENV: 'production', LOCAL_DEV_FAKES: 'true' });
    expect(local.message).toContain('APP_ENV and NODE_ENV disagree');
    expect(local.details).toEqual([{ path: 'APP_ENV', message: 'must agree with NODE_ENV (production)' }]);
    expect(validationError({ ...production, NODE_ENV: 'development' }).message).toContain('disagree');
    expect(validationError({ ...production, NODE_ENV: 'test' }).message).toContain('disagree');
    expect(loadConfig({ ...production, NODE_ENV: 'production' }).env).toBe('production');
    expect(loadConfig({ APP_ENV: 'local', NODE_ENV: 'development', LOCAL_DEV_FAKES: 'true' }).localDevFakes).toBe(true);
  });

  it('rejects malformed values naming the key but never echoing the value', () => {
    const error = validationError({ PORT: 'not-a-port', MICROSOFT_APP_ID: 'secret-looking-value' });
    expect(error.code).toBe('validation');
    expect(error.details.map((d) => d.path).sort()).toEqual(['MICROSOFT_APP_ID', 'PORT']);
    expect(JSON.stringify({ m: error.message, d: error.details })).not.toContain('secret-looking-value');
  });

  it('accepts a complete production configuration', () => {
    const config = loadConfig(production);
    expect(config.env).toBe('production');
    expect(config.cosmos.allowSelfSigned).toBe(false);
    expect(config.cosmos.key).toBe('secret-cosmos-key');
    expect(config.auth.allowedTenants).toEqual([TENANT]);
  });

  it('refuses to start in production without the essential settings, listing each missing key', () => {
    const error = validationError({ APP_ENV: 'production' });
    expect(error.code).toBe('validation');
    expect(error.details.map((d) => d.path)).toEqual(
      expect.arrayContaining([
        'MICROSOFT_APP_ID',
        'MICROSOFT_APP_TENANT_ID',
        'COSMOS_ENDPOINT',
        'API_AUDIENCES',
        'ALLOWED_TENANTS',
        'COSMOS_KEY',
        'MICROSOFT_APP_PASSWORD',
      ]),
    );
  });

  it('never uses the emulator key in production', () => {
    const { COSMOS_KEY: _key, ...rest } = production;
    expect(validationError(rest).details.map((d) => d.path)).toEqual(['COSMOS_KEY']);
    expect(loadConfig({ ...rest, COSMOS_USE_MANAGED_IDENTITY: 'true' }).cosmos.key).toBeUndefined();
  });

  it('names the user-assigned managed identity for Cosmos when one is given, and refuses a malformed id', () => {
    const { COSMOS_KEY: _key, ...rest } = production;
    const clientId = '7d1e6a2b-4c3f-4e5a-9b8c-0a1b2c3d4e5f';
    const config = loadConfig({ ...rest, COSMOS_USE_MANAGED_IDENTITY: 'true', AZURE_CLIENT_ID: clientId });
    expect(config.cosmos).toMatchObject({
      useManagedIdentity: true,
      managedIdentityClientId: clientId,
      allowSelfSigned: false,
    });
    expect(
      validationError({ ...rest, COSMOS_USE_MANAGED_IDENTITY: 'true', AZURE_CLIENT_ID: 'nope' }).details.map(
        (d) => d.path,
      ),
    ).toEqual(['AZURE_CLIENT_ID']);
  });

  it('refuses local fakes and self-signed certificates in production', () => {
    const error = validationError({ ...production, LOCAL_DEV_FAKES: 'true', COSMOS_ALLOW_SELF_SIGNED: 'true' });
    expect(error.details.map((d) => d.path).sort()).toEqual(['COSMOS_ALLOW_SELF_SIGNED', 'LOCAL_DEV_FAKES']);
  });

  it('refuses plain http endpoints in production', () => {
    const error = validationError({ ...production, GRAPH_BASE_URL: 'http://graph.local/v1.0' });
    expect(error.details).toEqual([{ path: 'GRAPH_BASE_URL', message: 'must use https in production' }]);
  });

  it('#17.8: API rate limits are on in production (20/s per user, 200/s per tenant), off locally unless set', () => {
    expect(loadConfig(production).rateLimits).toEqual({
      enabled: true,
      userPerSecond: 20,
      tenantPerSecond: 200,
      instances: 1,
    });
    expect(loadConfig({}).rateLimits.enabled).toBe(false);
    const tuned = loadConfig({
      API_RATE_LIMITS: 'true',
      API_USER_REQUESTS_PER_SECOND: '5',
      API_TENANT_REQUESTS_PER_SECOND: '50',
      APP_INSTANCE_COUNT: '3',
    }).rateLimits;
    expect(tuned).toEqual({ enabled: true, userPerSecond: 5, tenantPerSecond: 50, instances: 3 });
    const off = validationError({ ...production, API_RATE_LIMITS: 'false' });
    expect(off.details).toEqual([{ path: 'API_RATE_LIMITS', message: 'must not be disabled in production' }]);
    expect(validationError({ APP_INSTANCE_COUNT: '0' }).details[0]?.path).toBe('APP_INSTANCE_COUNT');
  });

  it('does not need an app password for a managed-identity bot', () => {
    const { MICROSOFT_APP_PASSWORD: _pw, ...rest } = production;
    expect(loadConfig({ ...rest, MICROSOFT_APP_TYPE: 'UserAssignedMSI' }).bot.appType).toBe('UserAssignedMSI');
  });
});

describe('redactedSummary', () => {
  it('shows whether secrets are set without revealing them', () => {
    const summary = redactedSummary(loadConfig(production));
    const text = JSON.stringify(summary);
    expect(text).not.toContain('super-secret-password');
    expect(text).not.toContain('secret-cosmos-key');
    expect(summary).toMatchObject({ cosmosKey: 'set', botAppPassword: 'set', allowedTenants: 1, env: 'production' });
    expect(redactedSummary(loadConfig({ COSMOS_USE_MANAGED_IDENTITY: 'true', APP_ENV: 'local' })).botAppPassword).toBe(
      'missing',
    );
  });
});

describe('the server process', () => {
  it('17.13: exits before listening when APP_ENV=local runs under NODE_ENV=production with the local fakes', () => {
    const main = join(import.meta.dirname, 'main.ts');
    const run = spawnSync(process.execPath, ['--import', 'tsx', main], {
      env: {
        PATH: process.env.PATH,
        ...production,
        APP_ENV: 'local',
        NODE_ENV: 'production',
        LOCAL_DEV_FAKES: 'true',
        PORT: '0',
      },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(run.status).toBe(1);
    const fatal = JSON.parse(run.stderr.trim().split('\n').at(-1) ?? '{}') as Record<string, unknown>;
    expect(fatal).toMatchObject({ msg: 'startup failed', code: 'validation', details: [{ path: 'APP_ENV' }] });
    expect(run.stdout).not.toContain('listening');
    expect(run.stderr).not.toContain('super-secret-password');
  }, 40_000);
});
