import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CONTAINER_DEFINITIONS } from '../../bot/src/cosmos/containers.ts';
import { at, literal, sourceOf, type BicepFile, type Declaration } from './bicep/ast.ts';
import { checkInfra, fileNamed, resourcesOfType, type Resource } from './bicep/project.ts';

const project = checkInfra(fileURLToPath(new URL('..', import.meta.url)));
const main = fileNamed(project, 'infra/main.bicep')!;

const only = (type: string): Resource => {
  const found = resourcesOfType(project, type);
  expect(found, type).toHaveLength(1);
  return found[0]!;
};
const prop = (r: Resource, path: string): unknown => literal(at(r.value, path));
const decl = (file: BicepFile, kind: Declaration['kind'], name: string): Declaration | undefined =>
  file.declarations.find((d) => d.kind === kind && 'name' in d && d.name === name);
const paramDefault = (file: BicepFile, name: string): unknown => {
  const d = decl(file, 'param', name);
  return d?.kind === 'param' ? literal(d.value) : undefined;
};
const moduleArg = (name: string, param: string): string | undefined => {
  const m = decl(main, 'module', name);
  return m?.kind === 'module' ? sourceOf(at(m.value, `params.${param}`)) : undefined;
};

describe('infra passes the offline Bicep check', () => {
  it('every .bicep and .bicepparam file parses with no findings', () => {
    expect(project.findings).toEqual([]);
    expect(project.files.length).toBeGreaterThanOrEqual(9);
  });

  it('defaults to UK South', () => {
    expect(paramDefault(main, 'location')).toBe('uksouth');
    for (const env of ['dev', 'prod'])
      expect(paramDefault(fileNamed(project, `parameters/${env}.bicepparam`)!, 'location')).toBe('uksouth');
  });
});

describe('Cosmos DB keeps data safe and keyless', () => {
  const account = only('Microsoft.DocumentDB/databaseAccounts');

  it('uses Session consistency, continuous backup and no keys', () => {
    expect(prop(account, 'properties.consistencyPolicy.defaultConsistencyLevel')).toBe('Session');
    expect(prop(account, 'properties.backupPolicy.type')).toBe('Continuous');
    expect(paramDefault(main, 'cosmosBackupTier')).toBe('Continuous30Days');
    expect(prop(account, 'properties.disableLocalAuth')).toBe(true);
    expect(prop(account, 'properties.disableKeyBasedMetadataWriteAccess')).toBe(true);
  });

  it('is zone redundant in production', () => {
    const regions = at(account.value, 'properties.locations');
    expect(regions?.kind === 'array' && sourceOf(at(regions.items[0], 'isZoneRedundant'))).toBe('zoneRedundant');
    expect(moduleArg('cosmos', 'zoneRedundant')).toBe('cosmosZoneRedundant');
    expect(paramDefault(main, 'cosmosZoneRedundant')).toBe(true);
    expect(paramDefault(fileNamed(project, 'parameters/prod.bicepparam')!, 'cosmosZoneRedundant')).toBe(true);
  });

  it('grants the managed identity the built-in data contributor role', () => {
    const assignment = only('Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments');
    expect(sourceOf(at(assignment.value, 'properties.roleDefinitionId'))).toMatch(
      /sqlRoleDefinitions\/\$\{dataContributorRoleId\}/,
    );
    const cosmos = fileNamed(project, 'modules/cosmos.bicep')!;
    const roleVar = decl(cosmos, 'var', 'dataContributorRoleId');
    expect(roleVar?.kind === 'var' && literal(roleVar.value)).toBe('00000000-0000-0000-0000-000000000002');
    expect(moduleArg('cosmos', 'dataContributorPrincipalId')).toBe('identity . outputs . principalId');
  });

  it('creates the containers and partition keys the code expects (bot/src/cosmos/containers.ts)', () => {
    const containers = paramDefault(main, 'cosmosContainers');
    const expected = CONTAINER_DEFINITIONS.map((c) => ({
      name: c.id,
      partitionKeyPath:
        c.partitionKey && typeof c.partitionKey === 'object' && 'paths' in c.partitionKey
          ? c.partitionKey.paths[0]
          : undefined,
      excludedPaths: (c.indexingPolicy?.excludedPaths ?? []).map((p) => p.path).filter((p) => p !== '/"_etag"/?'),
    }));
    expect(containers).toEqual(expected);
  });
});

describe('the web app', () => {
  const site = only('Microsoft.Web/sites');

  it('runs Node 20 LTS on Linux, HTTPS only with TLS 1.2, FTPS off, always on, health-checked', () => {
    expect(prop(site, 'kind')).toBe('app,linux');
    expect(prop(site, 'properties.httpsOnly')).toBe(true);
    expect(prop(site, 'properties.siteConfig.linuxFxVersion')).toBe('NODE|20-lts');
    expect(prop(site, 'properties.siteConfig.minTlsVersion')).toBe('1.2');
    expect(prop(site, 'properties.siteConfig.ftpsState')).toBe('Disabled');
    expect(prop(site, 'properties.siteConfig.alwaysOn')).toBe(true);
    expect(prop(site, 'properties.siteConfig.healthCheckPath')).toBe('/healthz');
    expect(prop(site, 'identity.type')).toBe('UserAssigned');
  });

  it('reads its secret from Key Vault and talks to Cosmos DB with its managed identity', () => {
    const settings = at(site.value, 'properties.siteConfig.appSettings');
    const byName = new Map(
      (settings?.kind === 'array' ? settings.items : []).map((s) => [literal(at(s, 'name')), at(s, 'value')] as const),
    );
    expect(sourceOf(byName.get('ENTRA_APP_CLIENT_SECRET'))).toMatch(/^@Microsoft\.KeyVault\(SecretUri=/);
    expect(sourceOf(byName.get('MICROSOFT_APP_PASSWORD'))).toContain('@Microsoft.KeyVault(SecretUri=');
    expect(literal(byName.get('COSMOS_USE_MANAGED_IDENTITY'))).toBe('true');
    expect(byName.has('COSMOS_KEY')).toBe(false);
    expect(sourceOf(at(site.value, 'properties.keyVaultReferenceIdentity'))).toBe('identityId');
  });
});

describe('Key Vault and the bot', () => {
  it('Key Vault uses RBAC, soft delete and purge protection', () => {
    const vault = only('Microsoft.KeyVault/vaults');
    expect(prop(vault, 'properties.enableRbacAuthorization')).toBe(true);
    expect(prop(vault, 'properties.enableSoftDelete')).toBe(true);
    expect(prop(vault, 'properties.enablePurgeProtection')).toBe(true);
  });

  it('the Azure Bot is single-tenant or managed-identity, messages /api/messages and has Teams enabled', () => {
    const bot = only('Microsoft.BotService/botServices');
    expect(sourceOf(at(bot.value, 'properties.msaAppType'))).toBe('appType');
    expect(sourceOf(at(bot.value, 'properties.msaAppTenantId'))).toBe('tenantId');
    const botModule = fileNamed(project, 'modules/bot.bicep')!;
    const appType = decl(botModule, 'param', 'appType');
    expect(appType?.kind === 'param' && literal(appType.decorators.find((d) => d.name === 'allowed')?.args[0])).toEqual(
      ['SingleTenant', 'UserAssignedMSI'],
    );
    expect(moduleArg('bot', 'messagingEndpoint')).toBe('https://${publicHostname}/api/messages');
    const channel = only('Microsoft.BotService/botServices/channels');
    expect(prop(channel, 'properties.channelName')).toBe('MsTeamsChannel');
    expect(prop(channel, 'properties.properties.isEnabled')).toBe(true);
  });

  it('no output carries a secret', () => {
    const outputs = project.files.flatMap((f) => f.declarations.filter((d) => d.kind === 'output'));
    expect(outputs.length).toBeGreaterThan(0);
    for (const o of outputs)
      expect(JSON.stringify(o)).not.toMatch(/listKeys|ConnectionString|Secret['"]?\s*$|clientSecret'/);
  });
});

describe('operations: alerts, workbook and throughput', () => {
  const monitoring = fileNamed(project, 'modules/monitoring.bicep')!;
  const metricsSource = readFileSync(new URL('../../bot/src/telemetry/metrics.ts', import.meta.url), 'utf8');
  const varValue = (name: string): unknown => {
    const d = decl(monitoring, 'var', name);
    return d?.kind === 'var' ? literal(d.value) : undefined;
  };

  it('alerts on the 5xx rate, failed sends and sync failures, through one action group', () => {
    const rules = varValue('alertRules') as { name: string; query: string }[];
    expect(rules.map((r) => r.name)).toEqual(['server-errors', 'failed-sends', 'sync-failures']);
    expect(only('Microsoft.Insights/scheduledQueryRules')).toBeDefined();
    expect(only('Microsoft.Insights/actionGroups')).toBeDefined();
    expect(moduleArg('monitoring', 'alertEmail')).toBe('alertEmail');
  });

  it('every metric an alert or the workbook reads is one the server records (bot/src/telemetry/metrics.ts)', () => {
    const queries = [
      ...(varValue('alertRules') as { query: string }[]),
      ...(varValue('workbookTiles') as { query: string }[]),
    ].map((r) => r.query);
    const named = queries.flatMap((q) => [...q.matchAll(/name == "([^"]+)"/g)].map((m) => m[1]!));
    expect(named.length).toBeGreaterThanOrEqual(6);
    for (const metric of named) expect(metricsSource, metric).toContain(`'${metric}'`);
    expect(only('Microsoft.Insights/workbooks')).toBeDefined();
  });

  it('gives the busiest containers their own autoscale throughput, each a container the code has', () => {
    const dedicated = paramDefault(main, 'cosmosDedicatedThroughput') as Record<string, number>;
    const names = CONTAINER_DEFINITIONS.map((c) => c.id);
    for (const [name, max] of Object.entries(dedicated)) {
      expect(names).toContain(name);
      // Autoscale maxima are multiples of 1,000 RU/s, from 1,000.
      expect(max % 1000).toBe(0);
      expect(max).toBeGreaterThanOrEqual(1000);
    }
    expect(moduleArg('cosmos', 'dedicatedThroughput')).toBe('cosmosDedicatedThroughput');
  });
});
