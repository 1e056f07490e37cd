// The public host name a workload calls for a service (Azure public cloud), from the service's resource name
// and the private endpoint sub-resource it uses: what a live connectivity test must resolve and connect to.
// The private link zone is not enough to derive it (Key Vault is `*.vault.azure.net` behind
// `privatelink.vaultcore.azure.net`), so the suffixes are listed, one per sub-resource.
import type { ElementOf } from '../model/schema';
import { DEFAULT_GROUP_IDS, SERVICE_RESOURCE_TYPES } from '../rules/analysis/private-dns-zones';

interface HostEntry {
  readonly groupId: string;
  readonly resourceType: string;
  readonly suffix: string;
}

// Sub-resources whose host is not `<resource name>.<suffix>` (secondary blob endpoints, static websites with a
// zone number in the host, Synapse on-demand, Databricks workspace URLs) are left out: their host is not derivable.
const HOSTS: readonly HostEntry[] = [
  { groupId: 'vault', resourceType: 'Microsoft.KeyVault/vaults', suffix: 'vault.azure.net' },
  { groupId: 'sqlServer', resourceType: 'Microsoft.Sql/servers', suffix: 'database.windows.net' },
  { groupId: 'blob', resourceType: 'Microsoft.Storage/storageAccounts', suffix: 'blob.core.windows.net' },
  { groupId: 'file', resourceType: 'Microsoft.Storage/storageAccounts', suffix: 'file.core.windows.net' },
  { groupId: 'queue', resourceType: 'Microsoft.Storage/storageAccounts', suffix: 'queue.core.windows.net' },
  { groupId: 'table', resourceType: 'Microsoft.Storage/storageAccounts', suffix: 'table.core.windows.net' },
  { groupId: 'dfs', resourceType: 'Microsoft.Storage/storageAccounts', suffix: 'dfs.core.windows.net' },
  { groupId: 'sites', resourceType: 'Microsoft.Web/sites', suffix: 'azurewebsites.net' },
  { groupId: 'Gateway', resourceType: 'Microsoft.ApiManagement/service', suffix: 'azure-api.net' },
  { groupId: 'searchService', resourceType: 'Microsoft.Search/searchServices', suffix: 'search.windows.net' },
  { groupId: 'Sql', resourceType: 'Microsoft.Synapse/workspaces', suffix: 'sql.azuresynapse.net' },
  { groupId: 'Dev', resourceType: 'Microsoft.Synapse/workspaces', suffix: 'dev.azuresynapse.net' },
  { groupId: 'account', resourceType: 'Microsoft.CognitiveServices/accounts', suffix: 'cognitiveservices.azure.com' },
  { groupId: 'namespace', resourceType: 'Microsoft.ServiceBus/namespaces', suffix: 'servicebus.windows.net' },
  { groupId: 'namespace', resourceType: 'Microsoft.EventHub/namespaces', suffix: 'servicebus.windows.net' },
  { groupId: 'Sql', resourceType: 'Microsoft.DocumentDB/databaseAccounts', suffix: 'documents.azure.com' },
];

/** Azure resource names that are also one DNS label; anything else (an unresolved IaC name, spaces) has no host. */
const DNS_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

export type ServiceHost = { readonly host: string } | { readonly reason: string };

/**
 * The host of `service` reached through sub-resource `groupId` (the private endpoint's, or the service's
 * usual one when it is reached publicly), or why it cannot be told.
 */
export function serviceHost(service: ElementOf<'azureService'>, groupId?: string): ServiceHost {
  const resourceType = service.serviceType === 'other' ? service.resourceType : SERVICE_RESOURCE_TYPES[service.serviceType];
  if (resourceType === undefined) return { reason: `the design does not say what kind of resource "${service.name}" is` };
  const group = groupId ?? (service.serviceType === 'other' ? undefined : DEFAULT_GROUP_IDS[service.serviceType]);
  const entry = HOSTS.find((h) => h.resourceType.toLowerCase() === resourceType.toLowerCase() && (group === undefined || h.groupId.toLowerCase() === group.toLowerCase()));
  if (!entry) return { reason: `the host of a ${resourceType}${group ? ` '${group}' endpoint` : ''} is not derived from its name` };
  const name = service.name.toLowerCase();
  if (!DNS_LABEL.test(name)) return { reason: `"${service.name}" is not a resource name that can be a host name` };
  return { host: `${name}.${entry.suffix}` };
}
