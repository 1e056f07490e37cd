// Private endpoint sub-resources (groupId) and the private DNS zone each one needs in Azure public cloud
// (domain.md §3.8/§6). Shared by the DNS rules, the exporters and the connectivity script, so a design and its export agree.

export interface PrivateDnsZoneEntry {
  /** The sub-resource as ARM writes it in `groupIds` (matched case-insensitively). */
  readonly groupId: string;
  /** ARM resource type of the target, which disambiguates groupIds shared by two services (`Sql`). */
  readonly resourceType: string;
  readonly zone: string;
  /**
   * The public host suffix of `<resource name>.<suffix>`, the name a workload calls (the zone alone does not give
   * it: Key Vault is `*.vault.azure.net` behind `privatelink.vaultcore.azure.net`). Absent where the host is not
   * derivable from the name (secondary endpoints, static websites, Synapse on-demand, Databricks workspace URLs).
   */
  readonly hostSuffix?: string;
}

/** Azure public cloud zones; sovereign clouds use other suffixes and are not covered here. */
export const PRIVATE_DNS_ZONES: readonly PrivateDnsZoneEntry[] = [
  { groupId: 'vault', resourceType: 'Microsoft.KeyVault/vaults', zone: 'privatelink.vaultcore.azure.net', hostSuffix: 'vault.azure.net' },
  { groupId: 'sqlServer', resourceType: 'Microsoft.Sql/servers', zone: 'privatelink.database.windows.net', hostSuffix: 'database.windows.net' },
  { groupId: 'blob', resourceType: 'Microsoft.Storage/storageAccounts', zone: 'privatelink.blob.core.windows.net', hostSuffix: 'blob.core.windows.net' },
  { groupId: 'blob_secondary', resourceType: 'Microsoft.Storage/storageAccounts', zone: 'privatelink.blob.core.windows.net' },
  { groupId: 'file', resourceType: 'Microsoft.Storage/storageAccounts', zone: 'privatelink.file.core.windows.net', hostSuffix: 'file.core.windows.net' },
  { groupId: 'queue', resourceType: 'Microsoft.Storage/storageAccounts', zone: 'privatelink.queue.core.windows.net', hostSuffix: 'queue.core.windows.net' },
  { groupId: 'table', resourceType: 'Microsoft.Storage/storageAccounts', zone: 'privatelink.table.core.windows.net', hostSuffix: 'table.core.windows.net' },
  { groupId: 'dfs', resourceType: 'Microsoft.Storage/storageAccounts', zone: 'privatelink.dfs.core.windows.net', hostSuffix: 'dfs.core.windows.net' },
  { groupId: 'web', resourceType: 'Microsoft.Storage/storageAccounts', zone: 'privatelink.web.core.windows.net' },
  { groupId: 'sites', resourceType: 'Microsoft.Web/sites', zone: 'privatelink.azurewebsites.net', hostSuffix: 'azurewebsites.net' },
  { groupId: 'Gateway', resourceType: 'Microsoft.ApiManagement/service', zone: 'privatelink.azure-api.net', hostSuffix: 'azure-api.net' },
  { groupId: 'searchService', resourceType: 'Microsoft.Search/searchServices', zone: 'privatelink.search.windows.net', hostSuffix: 'search.windows.net' },
  { groupId: 'Sql', resourceType: 'Microsoft.Synapse/workspaces', zone: 'privatelink.sql.azuresynapse.net', hostSuffix: 'sql.azuresynapse.net' },
  { groupId: 'SqlOnDemand', resourceType: 'Microsoft.Synapse/workspaces', zone: 'privatelink.sql.azuresynapse.net' },
  { groupId: 'Dev', resourceType: 'Microsoft.Synapse/workspaces', zone: 'privatelink.dev.azuresynapse.net', hostSuffix: 'dev.azuresynapse.net' },
  { groupId: 'databricks_ui_api', resourceType: 'Microsoft.Databricks/workspaces', zone: 'privatelink.azuredatabricks.net' },
  { groupId: 'account', resourceType: 'Microsoft.CognitiveServices/accounts', zone: 'privatelink.cognitiveservices.azure.com', hostSuffix: 'cognitiveservices.azure.com' },
  { groupId: 'namespace', resourceType: 'Microsoft.ServiceBus/namespaces', zone: 'privatelink.servicebus.windows.net', hostSuffix: 'servicebus.windows.net' },
  { groupId: 'namespace', resourceType: 'Microsoft.EventHub/namespaces', zone: 'privatelink.servicebus.windows.net', hostSuffix: 'servicebus.windows.net' },
  { groupId: 'Sql', resourceType: 'Microsoft.DocumentDB/databaseAccounts', zone: 'privatelink.documents.azure.com', hostSuffix: 'documents.azure.com' },
];

/** ARM resource type of each modelled Azure service type (`other` carries its own `resourceType`). */
export const SERVICE_RESOURCE_TYPES: Readonly<Record<string, string>> = {
  keyVault: 'Microsoft.KeyVault/vaults',
  sqlServer: 'Microsoft.Sql/servers',
  storageAccount: 'Microsoft.Storage/storageAccounts',
  appService: 'Microsoft.Web/sites',
  aiSearch: 'Microsoft.Search/searchServices',
};

const SERVICE_TYPE_BY_RESOURCE_TYPE = new Map(Object.entries(SERVICE_RESOURCE_TYPES).map(([service, type]) => [type.toLowerCase(), service]));

/** The modelled service type of an ARM resource type (any case), or undefined for anything else. */
export function serviceTypeOfResourceType(resourceType: string): 'keyVault' | 'sqlServer' | 'storageAccount' | 'appService' | 'aiSearch' | undefined {
  return SERVICE_TYPE_BY_RESOURCE_TYPE.get(resourceType.toLowerCase()) as ReturnType<typeof serviceTypeOfResourceType>;
}

/** The groupId a new private endpoint to a service type should use (storage defaults to blob). */
export const DEFAULT_GROUP_IDS: Readonly<Record<string, string>> = {
  keyVault: 'vault',
  sqlServer: 'sqlServer',
  storageAccount: 'blob',
  appService: 'sites',
  aiSearch: 'searchService',
};

/**
 * The private DNS zone for a private endpoint's groupId. `resourceType` settles groupIds that two
 * services share (`Sql`: Synapse or Cosmos DB); without it an ambiguous groupId gives undefined.
 * App Service deployment slots (`sites-<slot>`) use the site zone.
 */
export function privateDnsZoneFor(groupId: string, resourceType?: string): string | undefined {
  // Rules and the verifier ask for every endpoint of a design: answer each (groupId, type) once.
  let byType = zoneCache.get(groupId);
  if (!byType) {
    if (zoneCache.size >= 10_000) zoneCache.clear();
    zoneCache.set(groupId, (byType = new Map()));
  }
  if (byType.has(resourceType)) return byType.get(resourceType);
  const zone = lookUpZone(groupId, resourceType);
  byType.set(resourceType, zone);
  return zone;
}

const zoneCache = new Map<string, Map<string | undefined, string | undefined>>();

function lookUpZone(groupId: string, resourceType: string | undefined): string | undefined {
  const g = /^sites-/i.test(groupId) ? 'sites' : groupId;
  const matches = PRIVATE_DNS_ZONES.filter((e) => e.groupId.toLowerCase() === g.toLowerCase());
  const byType = resourceType === undefined ? matches : matches.filter((e) => e.resourceType.toLowerCase() === resourceType.toLowerCase());
  const zones = new Set((byType.length > 0 ? byType : matches).map((e) => e.zone));
  return zones.size === 1 ? [...zones][0] : undefined;
}
