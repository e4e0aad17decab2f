// Performance Conversations: one resource group holding the App Service that
// serves the bot, REST API, tab and add-in, with its data, secrets and telemetry.
targetScope = 'resourceGroup'

@description('Short environment name used in resource names, e.g. dev or prod.')
@allowed([
  'dev'
  'test'
  'prod'
])
param environmentName string

@description('Azure region for every regional resource. UK South keeps employee data in the UK.')
param location string = 'uksouth'

@description('Prefix for resource names; lower-case letters and digits.')
@minLength(3)
@maxLength(12)
param namePrefix string = 'perfconv'

@description('Public host name of the app (custom domain). Empty uses the default azurewebsites.net host.')
param customHostname string = ''

@description('Entra ID tenant that owns the app registration and whose users sign in.')
param tenantId string = subscription().tenantId

@description('Client id of the single-tenant Entra app registration used for SSO and, for SingleTenant bots, the bot.')
param entraAppClientId string

@description('How the Azure Bot authenticates: the app registration (SingleTenant) or the managed identity (UserAssignedMSI).')
@allowed([
  'SingleTenant'
  'UserAssignedMSI'
])
param botAppType string = 'SingleTenant'

@description('Client secret of the app registration, stored in Key Vault. Leave empty to set it in Key Vault yourself.')
@secure()
param entraAppClientSecret string = ''

@description('App Service plan SKU; P0v3 or larger keeps always-on and deployment slots available.')
param appServiceSku string = 'P0v3'

@description('Cosmos DB: spread the UK South replica over availability zones.')
param cosmosZoneRedundant bool = true

@description('Cosmos DB continuous backup tier (point-in-time restore window).')
@allowed([
  'Continuous7Days'
  'Continuous30Days'
])
param cosmosBackupTier string = 'Continuous30Days'

@description('Highest autoscale throughput shared by the database containers (RU/s).')
param cosmosMaxThroughput int = 1000

@description('Containers with their own autoscale throughput (highest RU/s; autoscale runs from a tenth of it). Figures behind the choice: docs/deploy.md, "Cosmos DB throughput".')
param cosmosDedicatedThroughput object = {
  people: 4000
  conversations: 4000
  feedback: 1000
  state: 4000
}

@description('Containers the app expects; mirrors bot/src/cosmos/containers.ts (checked by infra tests).')
param cosmosContainers array = [
  { name: 'tenants', partitionKeyPath: '/pk', excludedPaths: [] }
  { name: 'people', partitionKeyPath: '/pk', excludedPaths: [] }
  {
    name: 'conversations'
    partitionKeyPath: '/pk'
    excludedPaths: ['/notes/?', '/sections/*', '/disagreement/*', '/appeal/*', '/issuesRaised/*']
  }
  { name: 'objectives', partitionKeyPath: '/pk', excludedPaths: ['/description/?', '/progressNotes/*'] }
  { name: 'feedback', partitionKeyPath: '/pk', excludedPaths: ['/text/?'] }
  { name: 'audit', partitionKeyPath: '/pk', excludedPaths: ['/reason/*'] }
  { name: 'state', partitionKeyPath: '/pk', excludedPaths: [] }
]

@description('E-mail address told when an alert fires (5xx rate, failed sends, sync failures); empty for none.')
param alertEmail string = ''

@description('Days to keep logs and telemetry.')
param logRetentionDays int = 90

@description('Command App Service runs to start the server.')
param startupCommand string = 'node --import tsx bot/src/main.ts'

var suffix = uniqueString(resourceGroup().id)
var baseName = '${namePrefix}-${environmentName}'
var webAppName = '${baseName}-${suffix}'
var publicHostname = empty(customHostname) ? '${webAppName}.azurewebsites.net' : customHostname
var databaseName = 'performance-conversations'
var tags = {
  application: 'performance-conversations'
  environment: environmentName
}

module identity 'modules/identity.bicep' = {
  name: 'identity'
  params: {
    name: '${baseName}-id'
    location: location
    tags: tags
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    baseName: baseName
    location: location
    retentionDays: logRetentionDays
    alertEmail: alertEmail
    tags: tags
  }
}

module vault 'modules/keyvault.bicep' = {
  name: 'keyvault'
  params: {
    name: take('${namePrefix}${environmentName}kv${suffix}', 24)
    location: location
    tenantId: tenantId
    readerPrincipalId: identity.outputs.principalId
    entraAppClientSecret: entraAppClientSecret
    tags: tags
  }
}

module cosmos 'modules/cosmos.bicep' = {
  name: 'cosmos'
  params: {
    accountName: '${baseName}-cosmos-${suffix}'
    location: location
    databaseName: databaseName
    containers: cosmosContainers
    zoneRedundant: cosmosZoneRedundant
    backupTier: cosmosBackupTier
    maxThroughput: cosmosMaxThroughput
    dedicatedThroughput: cosmosDedicatedThroughput
    dataContributorPrincipalId: identity.outputs.principalId
    tags: tags
  }
}

module app 'modules/appservice.bicep' = {
  name: 'appservice'
  params: {
    planName: '${baseName}-plan'
    webAppName: webAppName
    location: location
    sku: appServiceSku
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    publicHostname: publicHostname
    tenantId: tenantId
    entraAppClientId: entraAppClientId
    botAppId: botAppType == 'UserAssignedMSI' ? identity.outputs.clientId : entraAppClientId
    botAppType: botAppType
    clientSecretUri: vault.outputs.clientSecretUri
    cosmosEndpoint: cosmos.outputs.endpoint
    cosmosDatabase: databaseName
    appInsightsName: monitoring.outputs.appInsightsName
    logAnalyticsWorkspaceId: monitoring.outputs.workspaceId
    startupCommand: startupCommand
    tags: tags
  }
}

module bot 'modules/bot.bicep' = {
  name: 'bot'
  params: {
    name: '${baseName}-bot-${suffix}'
    displayName: environmentName == 'prod' ? 'Performance Conversations' : 'Performance Conversations (${environmentName})'
    messagingEndpoint: 'https://${publicHostname}/api/messages'
    appType: botAppType
    appId: botAppType == 'UserAssignedMSI' ? identity.outputs.clientId : entraAppClientId
    tenantId: tenantId
    identityId: identity.outputs.id
    appInsightsAppId: monitoring.outputs.appInsightsAppId
    tags: tags
  }
}

output webAppName string = app.outputs.webAppName
@description('The App Service the Agents Toolkit zip-deploys to (infra/toolkit).')
output webAppResourceId string = app.outputs.webAppResourceId
output publicHostname string = publicHostname
output botId string = botAppType == 'UserAssignedMSI' ? identity.outputs.clientId : entraAppClientId
output managedIdentityClientId string = identity.outputs.clientId
output cosmosEndpoint string = cosmos.outputs.endpoint
output keyVaultName string = vault.outputs.name
