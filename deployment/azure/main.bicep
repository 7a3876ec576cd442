// The job-seeker assistant on Azure: App Service (Linux, Node 20), Azure Bot (Teams and Web Chat
// channels), a storage account (state shared by instances), an Azure AI Language resource (CLU) and
// Application Insights. Deploy: see deployment/README.md.

@description('Prefix of every resource name (lower case letters and digits, 3 to 11 characters).')
@minLength(3)
@maxLength(11)
param name string

param location string = resourceGroup().location

@description('App Service plan: B1 for a trial, P1v3 for production (two instances or more).')
param planSku string = 'B1'

@description('Instances of the web app. More than one needs the shared storage (set here).')
@minValue(1)
param instances int = 1

@description('The bot\'s Microsoft Entra app registration (single tenant).')
param microsoftAppId string
@secure()
param microsoftAppPassword string
param microsoftAppTenantId string = subscription().tenantId

@description('Staff accounts of the review page, name:hash pairs from `npm run admin:hash`; empty = page off.')
@secure()
param adminUsers string = ''
@description('Signs staff sessions: 32 random characters or more.')
@secure()
param adminSessionSecret string = ''

@description('The Web Chat site\'s Direct Line secret (Azure Bot → Channels → Direct Line), set on the second deployment.')
@secure()
param directLineSecret string = ''

@description('Support hours, Nouméa time.')
param supportHours string = 'mon-fri 07:30-16:00'

@description('The open-data feed brought in every 6 hours; empty = HR imports by hand.')
param offersSyncUrl string = ''

var storageName = '${name}store'
var appName = '${name}-bot'
var publicUrl = 'https://${appName}.azurewebsites.net'

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: storageName
  location: location
  sku: { name: 'Standard_LRS' }
  kind: 'StorageV2'
  properties: { minimumTlsVersion: 'TLS1_2', allowBlobPublicAccess: false, supportsHttpsTrafficOnly: true }
}

resource language 'Microsoft.CognitiveServices/accounts@2024-10-01' = {
  name: '${name}-language'
  location: location
  sku: { name: 'S' }
  kind: 'TextAnalytics'
  properties: { customSubDomainName: '${name}-language' }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: '${name}-insights'
  location: location
  kind: 'web'
  properties: { Application_Type: 'Node.JS' }
}

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: '${name}-plan'
  location: location
  sku: { name: planSku, capacity: instances }
  kind: 'linux'
  properties: { reserved: true }
}

var storageConnection = 'DefaultEndpointsProtocol=https;AccountName=${storage.name};AccountKey=${storage.listKeys().keys[0].value};EndpointSuffix=${environment().suffixes.storage}'

// Exactly the settings bot/config.ts reads (test/deployment/azureTemplate.test.ts checks it).
var botSettings = [
  { name: 'PORT', value: '8080' }
  { name: 'MicrosoftAppType', value: 'SingleTenant' }
  { name: 'MicrosoftAppId', value: microsoftAppId }
  { name: 'MicrosoftAppPassword', value: microsoftAppPassword }
  { name: 'MicrosoftAppTenantId', value: microsoftAppTenantId }
  { name: 'OFFERS_FILE', value: 'data/offers.json' }
  { name: 'ELIGIBILITY_RULES_FILE', value: 'data/eligibility-rules.json' }
  { name: 'TRANSCRIPT_RETENTION_DAYS', value: '90' }
  { name: 'ADMIN_USERS', value: adminUsers }
  { name: 'ADMIN_SESSION_SECRET', value: adminSessionSecret }
  { name: 'ADMIN_SESSION_MINUTES', value: '30' }
  { name: 'STATE_DIR', value: '/home/state' }
  { name: 'DIRECTLINE_SECRET', value: directLineSecret }
  { name: 'DIRECTLINE_ENDPOINT', value: 'https://directline.botframework.com/v3/directline' }
  { name: 'PUBLIC_URL', value: publicUrl }
  { name: 'REMINDER_CHECK_SECONDS', value: '30' }
  { name: 'BOT_NOW', value: '' }
  { name: 'BOT_CLOCK_START', value: '' }
  { name: 'OFFERS_SYNC_URL', value: offersSyncUrl }
  { name: 'OFFERS_SYNC_HOURS', value: '6' }
  { name: 'AZURE_STORAGE_CONNECTION_STRING', value: storageConnection }
  { name: 'AZURE_STATE_CONTAINER', value: 'bot-state' }
  { name: 'AZURE_CONVERSATION_CONTAINER', value: 'bot-conversations' }
  { name: 'AZURE_PROACTIVE_CONTAINER', value: 'bot-reminders' }
  { name: 'AZURE_STAFF_CONTAINER', value: 'bot-staff' }
  { name: 'AZURE_HANDOFF_CONTAINER', value: 'bot-handoffs' }
  { name: 'AZURE_TRANSCRIPT_CONTAINER', value: 'bot-transcripts' }
  { name: 'AZURE_OFFERS_CONTAINER', value: 'bot-offers' }
  { name: 'OFFERS_POLL_SECONDS', value: '5' }
  { name: 'WEB_CONCURRENCY', value: '' }
  { name: 'SUPPORT_HOURS', value: supportHours }
  { name: 'HANDOFF_MODE', value: 'review' }
  { name: 'HANDOFF_WAIT_MINUTES', value: '10' }
  { name: 'HANDOFF_IDLE_MINUTES', value: '30' }
  { name: 'CLU_ENDPOINT', value: language.properties.endpoint }
  { name: 'CLU_KEY', value: language.listKeys().key1 }
  { name: 'CLU_PROJECT', value: 'job-seeker-assistant' }
  { name: 'CLU_DEPLOYMENT', value: 'production' }
  { name: 'CLU_TIMEOUT_MS', value: '1500' }
]

// The platform's own: Node's Application Insights agent, the port App Service forwards to.
var platformSettings = [
  { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: insights.properties.ConnectionString }
  { name: 'ApplicationInsightsAgent_EXTENSION_VERSION', value: '~3' }
  { name: 'WEBSITES_PORT', value: '8080' }
  { name: 'SCM_DO_BUILD_DURING_DEPLOYMENT', value: 'false' }
]

resource app 'Microsoft.Web/sites@2023-12-01' = {
  name: appName
  location: location
  kind: 'app,linux'
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    siteConfig: {
      linuxFxVersion: 'NODE|20-lts'
      appCommandLine: 'node dist/bot/cluster.js'
      alwaysOn: planSku != 'F1'
      ftpsState: 'Disabled'
      minTlsVersion: '1.2'
      appSettings: concat(botSettings, platformSettings)
    }
  }
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: '${name}-azure-bot'
  location: 'global'
  sku: { name: 'S1' }
  kind: 'azurebot'
  properties: {
    displayName: 'Assistant emploi'
    endpoint: '${publicUrl}/api/messages'
    msaAppId: microsoftAppId
    msaAppType: 'SingleTenant'
    msaAppTenantId: microsoftAppTenantId
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: { channelName: 'MsTeamsChannel', properties: { isEnabled: true } }
}

resource directLine 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'DirectLineChannel'
  location: 'global'
  properties: {
    channelName: 'DirectLineChannel'
    properties: { sites: [{ siteName: 'Web Chat', isEnabled: true, isV1Enabled: false, isV3Enabled: true, isSecureSiteEnabled: false }] }
  }
}

output botUrl string = publicUrl
output languageEndpoint string = language.properties.endpoint
