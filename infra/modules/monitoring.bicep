// Log Analytics workspace and workspace-based Application Insights.
param baseName string
param location string
param retentionDays int
param tags object

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: '${baseName}-logs'
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: retentionDays
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: '${baseName}-ai'
  location: location
  kind: 'web'
  tags: tags
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    // Telemetry is sent with the connection string; Entra-only ingestion can be enabled later.
    DisableLocalAuth: false
  }
}

output workspaceId string = workspace.id
// The connection string is read by the app module from the resource itself, not passed through an output.
output appInsightsName string = appInsights.name
output appInsightsAppId string = appInsights.properties.AppId
