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
