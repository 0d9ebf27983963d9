// TeamsCrm in one resource group: a Linux App Service (.NET 10) running the bot under a user-assigned managed
// identity, an Azure Bot (single-tenant, Teams channel) whose identity is that same managed identity — so no
// secret exists anywhere — and Application Insights. Graph permissions for the identity (the SharePoint site,
// the directory) are granted outside Bicep by a tenant admin: see infra/README.md.
targetScope = 'resourceGroup'

@description('Short name used in every resource name (letters and digits).')
@minLength(3)
@maxLength(16)
param name string = 'teamscrm'

@description('Region of the App Service, identity and monitoring (the Azure Bot itself is global).')
param location string = resourceGroup().location

@description('The SharePoint site holding the lists: its Graph id (contoso.sharepoint.com,{site guid},{web guid}) or path (contoso.sharepoint.com:/sites/crm:).')
@minLength(1)
param sharePointSiteId string

@description('Entra security group id per role: Rep, Supervisor, SalesManager, KeyAccountDirector, GeneralManager, CustomerService.')
param roleGroups object

@description('Optional: each team\'s approvals channel (19:…@thread.tacv2); a request card is posted to the channel of each team its requester is in.')
param approvalsChannels array = []

@description('Entra object ids of the people told when an approval request has nobody to decide it.')
param approvalAdmins array = []

@description('App Service plan size: B1 is enough for a few hundred reps; P0v3 and up for zone redundancy and more.')
param appServiceSku string = 'B1'

@description('Instances of the bot (the plan\'s capacity; B1 allows up to 3). The bot is told (Host__Instances): with more than one it needs the shared signing key below, and refuses to start without it.')
@minValue(1)
@maxValue(30)
param instanceCount int = 1

@secure()
@description('Base64 of at least 32 random bytes that signs download links, the same on every instance (Export__SigningKey). Left out, each deployment makes a new one (two new GUIDs: 244 random bits); links made before it then stop working, which is harmless (they last 15 minutes). Never put it in a .bicepparam file: pass it on the command line or from a vault.')
param exportSigningKey string = base64('${newGuid()}${newGuid()}')

@description('Azure Cache for Redis tier, deployed only when instanceCount is more than 1 (C0: 250 MB, enough for dedup keys and send budgets): Basic has no replica, Standard does.')
@allowed(['Basic', 'Standard'])
param redisSku string = 'Standard'

@description('Azure Bot pricing tier: F0 is free (standard channels such as Teams are free in either).')
@allowed(['F0', 'S1'])
param botSku string = 'F0'

var suffix = uniqueString(resourceGroup().id, name)
var tenantId = subscription().tenantId

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-${name}-${suffix}'
  location: location
}

resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: 'log-${name}-${suffix}'
  location: location
  properties: {
    sku: { name: 'PerGB2018' }
    retentionInDays: 30
  }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: 'appi-${name}-${suffix}'
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logs.id
    DisableLocalAuth: false
  }
}

// More than one instance: what they must share (redelivery dedup, Teams' send budget, the conversation-save cache) lives
// in Redis; one instance keeps it in memory and gets none. TLS only (6380), no port without it, TLS 1.2 at least.
var scaledOut = instanceCount > 1

resource redis 'Microsoft.Cache/redis@2024-11-01' = if (scaledOut) {
  name: 'redis-${name}-${suffix}'
  location: location
  properties: {
    sku: { name: redisSku, family: 'C', capacity: 0 }
    enableNonSslPort: false
    minimumTlsVersion: '1.2'
    publicNetworkAccess: 'Enabled'
    redisConfiguration: {}
  }
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: 'plan-${name}-${suffix}'
  location: location
  kind: 'linux'
  sku: { name: appServiceSku, capacity: instanceCount }
  properties: {
    reserved: true // Linux
  }
}

// Settings the bot reads (README "Configuration"); ':' is '__' in environment variables.
var roleGroupSettings = [for role in items(roleGroups): { name: 'Directory__Graph__RoleGroups__${role.key}', value: role.value }]
var adminSettings = [for (admin, i) in approvalAdmins: { name: 'Approvals__Admins__${i}', value: admin }]
var channelSettings = [for (channel, i) in approvalsChannels: { name: 'Approvals__Channels__${i}', value: channel }]
// StackExchange.Redis's connection string (Scale:Redis); the key is read at deployment, never written down.
var scaleSettings = scaledOut ? [
  { name: 'Scale__Redis', value: '${redis!.properties.hostName}:${redis!.properties.sslPort},password=${redis!.listKeys().primaryKey},ssl=True,abortConnect=False' }
] : []
var settings = [
  { name: 'Urls', value: 'http://+:8080' } // replaces the loopback address in appsettings.json
  { name: 'Export__BaseUrl', value: 'https://app-${name}-${suffix}.azurewebsites.net' } // download links (its default is the first of Urls)
  { name: 'Export__SigningKey', value: exportSigningKey } // shared by every instance: a link made on one works on the others
  { name: 'Host__Instances', value: string(instanceCount) } // more than one and no signing key: the bot refuses to start
  { name: 'WEBSITES_PORT', value: '8080' }
  { name: 'Bot__AppId', value: identity.properties.clientId }
  { name: 'Bot__TenantId', value: tenantId }
  { name: 'Bot__ManagedIdentityClientId', value: identity.properties.clientId }
  { name: 'Archive__Provider', value: 'SharePoint' }
  { name: 'Archive__SharePoint__SiteId', value: sharePointSiteId }
  { name: 'Archive__SharePoint__ManagedIdentityClientId', value: identity.properties.clientId }
  { name: 'Directory__Provider', value: 'Graph' }
  { name: 'Logging__Console__FormatterName', value: 'json' }
  // TeamsCrm's traces and metrics, requests and logs, sent by the app itself (the Azure Monitor distro); App Service's
  // agent (ApplicationInsightsAgent_EXTENSION_VERSION) stays off so that requests are not reported twice.
  { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: insights.properties.ConnectionString }
  { name: 'OTEL_SERVICE_NAME', value: 'TeamsCrm' }
]

resource app 'Microsoft.Web/sites@2024-04-01' = {
  name: 'app-${name}-${suffix}'
  location: location
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identity.id}': {} }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identity.id
    siteConfig: {
      linuxFxVersion: 'DOTNETCORE|10.0'
      appCommandLine: 'dotnet TeamsCrm.Bot.dll'
      alwaysOn: true // the hourly purge and the reminders run inside the app
      http20Enabled: true
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      healthCheckPath: '/health/ready'
      appSettings: concat(settings, scaleSettings, roleGroupSettings, adminSettings, channelSettings)
    }
  }
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: 'bot-${name}-${suffix}'
  location: 'global'
  kind: 'azurebot'
  sku: { name: botSku }
  properties: {
    displayName: 'TeamsCrm'
    endpoint: 'https://${app.properties.defaultHostName}/api/messages'
    msaAppType: 'UserAssignedMSI'
    msaAppId: identity.properties.clientId
    msaAppTenantId: tenantId
    msaAppMSIResourceId: identity.id
    developerAppInsightKey: insights.properties.InstrumentationKey
    disableLocalAuth: true
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

@description('BOT_ID for the app package (the managed identity\'s client id is the bot\'s app id).')
output botId string = identity.properties.clientId
@description('BOT_DOMAIN for the app package.')
output botDomain string = app.properties.defaultHostName
output webAppName string = app.name
@description('The object id to grant Graph permissions to (infra/README.md).')
output identityPrincipalId string = identity.properties.principalId
output botName string = bot.name
