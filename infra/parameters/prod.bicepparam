// Production: zone-redundant data in UK South, 30 days of point-in-time restore.
using '../main.bicep'

param environmentName = 'prod'
param location = 'uksouth'
param customHostname = readEnvironmentVariable('PUBLIC_HOSTNAME', '')
param entraAppClientId = readEnvironmentVariable('ENTRA_APP_CLIENT_ID')
param entraAppClientSecret = readEnvironmentVariable('ENTRA_APP_CLIENT_SECRET', '')
param botAppType = 'SingleTenant'
param appServiceSku = 'P1v3'
param cosmosZoneRedundant = true
param cosmosBackupTier = 'Continuous30Days'
param cosmosMaxThroughput = 4000
param logRetentionDays = 90
