// Linux App Service running the single Node 20 process (bot, REST API, tab and add-in).
param planName string
param webAppName string
param location string
param sku string
param identityId string
param identityClientId string
param publicHostname string
param tenantId string
param entraAppClientId string
param botAppId string
param botAppType string
param clientSecretUri string
param cosmosEndpoint string
param cosmosDatabase string
param appInsightsName string
param logAnalyticsWorkspaceId string
param startupCommand string
param tags object

resource appInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: appInsightsName
}

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: planName
  location: location
  kind: 'linux'
  tags: tags
  sku: {
    name: sku
  }
  properties: {
    reserved: true
  }
}

resource site 'Microsoft.Web/sites@2023-12-01' = {
  name: webAppName
  location: location
  kind: 'app,linux'
  tags: tags
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false
    // Key Vault references resolve with the user-assigned identity, not a system one.
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      linuxFxVersion: 'NODE|20-lts'
      appCommandLine: startupCommand
      alwaysOn: true
      ftpsState: 'Disabled'
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      http20Enabled: true
      healthCheckPath: '/healthz'
      appSettings: [
        { name: 'APP_ENV', value: 'production' }
        { name: 'NODE_ENV', value: 'production' }
        { name: 'PUBLIC_BASE_URL', value: 'https://${publicHostname}' }
        { name: 'COSMOS_ENDPOINT', value: cosmosEndpoint }
        { name: 'COSMOS_DATABASE', value: cosmosDatabase }
        { name: 'COSMOS_USE_MANAGED_IDENTITY', value: 'true' }
        // Selects the user-assigned identity for @azure/identity credentials.
        { name: 'AZURE_CLIENT_ID', value: identityClientId }
        { name: 'MICROSOFT_APP_ID', value: botAppId }
        { name: 'MICROSOFT_APP_TYPE', value: botAppType }
        { name: 'MICROSOFT_APP_TENANT_ID', value: tenantId }
        { name: 'MICROSOFT_APP_PASSWORD', value: botAppType == 'SingleTenant' ? '@Microsoft.KeyVault(SecretUri=${clientSecretUri})' : '' }
        { name: 'ENTRA_APP_CLIENT_ID', value: entraAppClientId }
        // The add-in's nested app authentication names this client in its tokens; the API accepts it.
        { name: 'TAB_APP_ID', value: entraAppClientId }
        { name: 'ENTRA_APP_CLIENT_SECRET', value: '@Microsoft.KeyVault(SecretUri=${clientSecretUri})' }
        { name: 'API_AUDIENCES', value: 'api://${publicHostname}/${entraAppClientId},${entraAppClientId}' }
        { name: 'ALLOWED_TENANTS', value: tenantId }
        { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: appInsights.properties.ConnectionString }
        { name: 'LOG_LEVEL', value: 'info' }
        // The deployed zip already holds node_modules from `npm ci`; no build on the server.
        { name: 'SCM_DO_BUILD_DURING_DEPLOYMENT', value: 'false' }
        { name: 'WEBSITE_RUN_FROM_PACKAGE', value: '1' }
      ]
    }
  }
}

resource basicPublishingFtp 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2023-12-01' = {
  parent: site
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource basicPublishingScm 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2023-12-01' = {
  parent: site
  name: 'scm'
  properties: {
    allow: false
  }
}

resource diagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: site
  properties: {
    workspaceId: logAnalyticsWorkspaceId
    logs: [
      { category: 'AppServiceHTTPLogs', enabled: true }
      { category: 'AppServiceConsoleLogs', enabled: true }
      { category: 'AppServiceAppLogs', enabled: true }
    ]
    metrics: [
      { category: 'AllMetrics', enabled: true }
    ]
  }
}

output webAppName string = site.name
output defaultHostname string = site.properties.defaultHostName
output webAppResourceId string = site.id
