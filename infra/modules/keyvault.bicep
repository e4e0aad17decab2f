// Key Vault with RBAC authorization; the app's identity may read secrets, nothing more.
param name string
param location string
param tenantId string
param readerPrincipalId string
@secure()
param entraAppClientSecret string
param tags object

var keyVaultSecretsUserRoleId = '4633458b-17de-408a-b874-0445c86b69e6'
var clientSecretName = 'entra-app-client-secret'

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
    publicNetworkAccess: 'Enabled'
  }
}

resource clientSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(entraAppClientSecret)) {
  parent: vault
  name: clientSecretName
  properties: {
    value: entraAppClientSecret
    contentType: 'Entra app registration client secret'
  }
}

resource secretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, readerPrincipalId, keyVaultSecretsUserRoleId)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUserRoleId)
    principalId: readerPrincipalId
    principalType: 'ServicePrincipal'
  }
}

output name string = vault.name
// The secret's URI without a version, so App Service always resolves the latest value.
output clientSecretUri string = '${vault.properties.vaultUri}secrets/${clientSecretName}'
