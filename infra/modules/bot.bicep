// Azure Bot registration with the Teams channel. New multi-tenant registrations are deprecated,
// so the bot is single-tenant or uses the managed identity.
param name string
param displayName string
param messagingEndpoint string
@allowed([
  'SingleTenant'
  'UserAssignedMSI'
])
param appType string
param appId string
param tenantId string
param identityId string
param appInsightsAppId string
param tags object

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: name
  location: 'global'
  kind: 'azurebot'
  tags: tags
  sku: {
    name: 'S1'
  }
  properties: {
    displayName: displayName
    endpoint: messagingEndpoint
    msaAppId: appId
    msaAppType: appType
    msaAppTenantId: tenantId
    msaAppMSIResourceId: appType == 'UserAssignedMSI' ? identityId : null
    developerAppInsightsApplicationId: appInsightsAppId
    publicNetworkAccess: 'Enabled'
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
    }
  }
}

output name string = bot.name
