// The public host name a workload calls for a service (Azure public cloud), from the service's resource name
// and the private endpoint sub-resource it uses: what a live connectivity test must resolve and connect to.
// The suffixes live beside the private DNS zones, in the one table of sub-resources.
import type { ElementOf } from '../model/schema';
import { DEFAULT_GROUP_IDS, PRIVATE_DNS_ZONES, SERVICE_RESOURCE_TYPES } from '../rules/analysis/private-dns-zones';

/** Azure resource names that are also one DNS label; anything else (an unresolved IaC name, spaces) has no host. */
const DNS_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

export type ServiceHost = { readonly host: string } | { readonly reason: string };

// Every flow to a service asks: the table is searched once per (resource type, sub-resource).
const entries = new Map<string, Map<string | undefined, (typeof PRIVATE_DNS_ZONES)[number] | undefined>>();
function hostEntry(resourceType: string, group: string | undefined): (typeof PRIVATE_DNS_ZONES)[number] | undefined {
  let byGroup = entries.get(resourceType);
  if (!byGroup) {
    if (entries.size >= 10_000) entries.clear();
    entries.set(resourceType, (byGroup = new Map()));
  }
  if (byGroup.has(group)) return byGroup.get(group);
  const entry = PRIVATE_DNS_ZONES.find((h) => h.hostSuffix !== undefined && h.resourceType.toLowerCase() === resourceType.toLowerCase() && (group === undefined || h.groupId.toLowerCase() === group.toLowerCase()));
  byGroup.set(group, entry);
  return entry;
}

/**
 * The host of `service` reached through sub-resource `groupId` (the private endpoint's, or the service's
 * usual one when it is reached publicly), or why it cannot be told.
 */
export function serviceHost(service: ElementOf<'azureService'>, groupId?: string): ServiceHost {
  const resourceType = service.serviceType === 'other' ? service.resourceType : SERVICE_RESOURCE_TYPES[service.serviceType];
  if (resourceType === undefined) return { reason: `the design does not say what kind of resource "${service.name}" is` };
  const group = groupId ?? (service.serviceType === 'other' ? undefined : DEFAULT_GROUP_IDS[service.serviceType]);
  const entry = hostEntry(resourceType, group);
  if (!entry?.hostSuffix) return { reason: `the host of a ${resourceType}${group ? ` '${group}' endpoint` : ''} is not derived from its name` };
  const name = service.name.toLowerCase();
  if (!DNS_LABEL.test(name)) return { reason: `"${service.name}" is not a resource name that can be a host name` };
  return { host: `${name}.${entry.hostSuffix}` };
}
