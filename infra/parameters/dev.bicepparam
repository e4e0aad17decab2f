// Development: smaller and cheaper, same shape as production.
using '../main.bicep'

param environmentName = 'dev'
param location = 'uksouth'
param entraAppClientId = readEnvironmentVariable('ENTRA_APP_CLIENT_ID')
param entraAppClientSecret = readEnvironmentVariable('ENTRA_APP_CLIENT_SECRET', '')
param botAppType = 'SingleTenant'
param appServiceSku = 'B1'
param cosmosZoneRedundant = false
param cosmosBackupTier = 'Continuous7Days'
param cosmosMaxThroughput = 1000
param logRetentionDays = 30
