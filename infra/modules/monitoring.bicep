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

@description('Who is told when an alert fires; empty sends no e-mail (the alerts still show in the portal).')
param alertEmail string

var receivers = [
  {
    name: 'operations'
    emailAddress: alertEmail
    useCommonAlertSchema: true
  }
]

resource actionGroup 'Microsoft.Insights/actionGroups@2023-01-01' = {
  name: '${baseName}-alerts'
  location: 'global'
  tags: tags
  properties: {
    groupShortName: 'pc-alerts'
    enabled: true
    emailReceivers: filter(receivers, r => !empty(r.emailAddress))
  }
}

// The server's own telemetry (bot/src/telemetry): request spans arrive as requests, metrics as customMetrics.
var alertRules = [
  {
    name: 'server-errors'
    description: 'More than 5% of requests answered 5xx over 15 minutes (at least 20 requests)'
    severity: 1
    query: 'requests | summarize total = count(), failed = countif(toint(resultCode) >= 500) | where total >= 20 and failed * 100.0 / total > 5'
  }
  {
    name: 'failed-sends'
    description: 'Proactive messages failed or left in doubt: check `cli sends in-doubt`'
    severity: 2
    query: 'customMetrics | where name == "pc.proactive.sends" and tostring(customDimensions.outcome) in ("failed", "in-doubt") | summarize n = sum(valueSum) | where n > 0'
  }
  {
    name: 'sync-failures'
    description: 'A directory sync run failed: staff changes in Microsoft 365 are not reaching the app'
    severity: 2
    query: 'customMetrics | where name == "pc.directory.sync.runs" and tostring(customDimensions.outcome) == "failed" | summarize n = sum(valueSum) | where n > 0'
  }
]

resource alerts 'Microsoft.Insights/scheduledQueryRules@2023-03-15-preview' = [
  for rule in alertRules: {
    name: '${baseName}-${rule.name}'
    location: location
    tags: tags
    properties: {
      displayName: '${baseName}: ${rule.name}'
      description: rule.description
      severity: rule.severity
      enabled: true
      scopes: [
        appInsights.id
      ]
      evaluationFrequency: 'PT5M'
      windowSize: 'PT15M'
      criteria: {
        allOf: [
          {
            query: rule.query
            timeAggregation: 'Count'
            operator: 'GreaterThan'
            threshold: 0
            failingPeriods: {
              numberOfEvaluationPeriods: 1
              minFailingPeriodsToAlert: 1
            }
          }
        ]
      }
      actions: {
        actionGroups: [
          actionGroup.id
        ]
      }
    }
  }
]

// One workbook for the operators: turns, requests, sends, throttling and sync runs.
var workbookTiles = [
  {
    title: 'Bot turn latency (ms), p50 and p99'
    query: 'customMetrics | where name == "pc.bot.turn.duration" | summarize p50 = percentile(value, 50), p99 = percentile(value, 99) by bin(timestamp, 5m) | render timechart'
  }
  {
    title: 'Requests by route and status'
    query: 'requests | summarize count() by name, resultCode | order by count_ desc'
  }
  {
    title: 'Proactive sends by outcome'
    query: 'customMetrics | where name == "pc.proactive.sends" | summarize sends = sum(valueSum) by tostring(customDimensions.outcome), bin(timestamp, 15m) | render columnchart'
  }
  {
    title: 'Queue depth'
    query: 'customMetrics | where name == "pc.proactive.queue.depth" | summarize depth = max(value) by bin(timestamp, 5m) | render timechart'
  }
  {
    title: '429s by peer (Teams, Graph, Cosmos)'
    query: 'customMetrics | where name == "pc.throttled" | summarize n = sum(valueSum) by tostring(customDimensions.peer), bin(timestamp, 15m) | render columnchart'
  }
  {
    title: 'Directory sync runs'
    query: 'customMetrics | where name == "pc.directory.sync.runs" | summarize runs = sum(valueSum) by tostring(customDimensions.outcome), bin(timestamp, 1h)'
  }
]

resource workbook 'Microsoft.Insights/workbooks@2023-06-01' = {
  name: guid(resourceGroup().id, baseName, 'operations-workbook')
  location: location
  tags: tags
  kind: 'shared'
  properties: {
    displayName: '${baseName}: operations'
    category: 'workbook'
    sourceId: appInsights.id
    serializedData: string({
      version: 'Notebook/1.0'
      items: map(workbookTiles, t => {
        type: 3
        content: {
          version: 'KqlItem/1.0'
          title: t.title
          query: t.query
          queryType: 0
          resourceType: 'microsoft.insights/components'
        }
      })
    })
  }
}
