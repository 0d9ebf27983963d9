// Values for your tenant: copy this file (e.g. contoso.bicepparam), fill it in, and deploy with it (infra/README.md).
// Nothing here is secret: the bot signs in with its managed identity.
using 'main.bicep'

param name = 'teamscrm'

// The site that holds the lists (provision creates them there); find it with
// GET https://graph.microsoft.com/v1.0/sites/contoso.sharepoint.com:/sites/crm
param sharePointSiteId = 'contoso.sharepoint.com:/sites/crm:'

// One Entra security group per role; a person may be in several.
param roleGroups = {
  Rep: '00000000-0000-0000-0000-000000000001'
  Supervisor: '00000000-0000-0000-0000-000000000002'
  SalesManager: '00000000-0000-0000-0000-000000000003'
  KeyAccountDirector: '00000000-0000-0000-0000-000000000004'
  GeneralManager: '00000000-0000-0000-0000-000000000005'
  CustomerService: '00000000-0000-0000-0000-000000000006'
}

param approvalsChannels = []
param approvalAdmins = []
param appServiceSku = 'B1'
// Instances of the bot; with more than one they share exportSigningKey (a secure parameter: made at each deployment
// unless you pass one, e.g. --parameters exportSigningKey="$(openssl rand -base64 32)"; never write it here).
param instanceCount = 1
param botSku = 'F0'
