// Which inspector fields each element kind has, typed by how they are edited. Enum choices are read
// from the zod schemas, so the inspector never offers a value the document would refuse.
import type { z } from 'zod';
import { elementSchema, type Element } from '../../src/core/model/schema';

export type FieldSpec =
  | { readonly key: string; readonly label: string; readonly type: 'text' | 'guid' | 'cidr' | 'cidrList' | 'ipList' | 'stringList' | 'bool' | 'number' | 'geography' | 'region' }
  | { readonly key: string; readonly label: string; readonly type: 'enum'; readonly options: readonly string[]; readonly optionLabels?: Readonly<Record<string, string>> }
  | { readonly key: string; readonly label: string; readonly type: 'nsgRules' | 'routes' | 'forwardingRules' | 'firewallRules' | 'dataPolicyConnectors' | 'endpointRules' | 'customConnectorPatterns' };

function enumOptions(kind: Element['kind'], key: string): readonly string[] {
  const option = elementSchema.options.find((o) => o.shape.kind.value === kind);
  let s = option?.shape[key as keyof typeof option.shape] as z.ZodType | undefined;
  // Unwrap .optional() to reach the enum.
  while (s && 'unwrap' in s && typeof (s as { unwrap?: unknown }).unwrap === 'function') s = (s as unknown as { unwrap(): z.ZodType }).unwrap();
  const options = (s as { options?: unknown } | undefined)?.options;
  return Array.isArray(options) ? options.map(String) : [];
}

/** Business / Non-business / Blocked, as the admin center names the connector groups. */
export const DATA_POLICY_GROUP_LABELS: Readonly<Record<string, string>> = { Business: 'Business', NonBusiness: 'Non-business', Blocked: 'Blocked', Ignore: 'Ignore' };

const en = (kind: Element['kind'], key: string, label: string, optionLabels?: Readonly<Record<string, string>>): FieldSpec =>
  ({ key, label, type: 'enum', options: enumOptions(kind, key), ...(optionLabels ? { optionLabels } : {}) });
const placement: FieldSpec[] = [
  { key: 'subscriptionId', label: 'Subscription id', type: 'guid' },
  { key: 'resourceGroup', label: 'Resource group', type: 'text' },
];

export const FIELDS: Readonly<Record<Element['kind'], readonly FieldSpec[]>> = {
  environment: [
    { key: 'geography', label: 'Geography', type: 'geography' },
    en('environment', 'environmentType', 'Environment type'),
    en('environment', 'stage', 'Stage'),
    { key: 'managed', label: 'Managed Environment', type: 'bool' },
    en('environment', 'releaseCycle', 'Release cycle'),
    { key: 'azureRegion', label: 'Azure region', type: 'region' },
    { key: 'environmentId', label: 'Environment id', type: 'guid' },
  ],
  enterprisePolicy: [{ key: 'geography', label: 'Geography', type: 'geography' }, ...placement],
  vnet: [
    { key: 'region', label: 'Region', type: 'region' },
    { key: 'addressSpaces', label: 'Address spaces', type: 'cidrList' },
    { key: 'dnsServers', label: 'DNS servers (empty = Azure DNS)', type: 'ipList' },
    ...placement,
  ],
  subnet: [
    { key: 'addressPrefix', label: 'Address prefix', type: 'cidr' },
    { key: 'delegations', label: 'Delegations', type: 'stringList' },
    en('subnet', 'privateEndpointNetworkPolicies', 'Private endpoint network policies'),
    { key: 'defaultOutboundAccess', label: 'Default outbound access', type: 'bool' },
    { key: 'serviceEndpoints', label: 'Service endpoints', type: 'stringList' },
  ],
  natGateway: [
    { key: 'region', label: 'Region', type: 'region' },
    { key: 'publicIpCount', label: 'Public IPs', type: 'number' },
    { key: 'idleTimeoutMinutes', label: 'Idle timeout (minutes)', type: 'number' },
    ...placement,
  ],
  nsg: [{ key: 'region', label: 'Region', type: 'region' }, ...placement, { key: 'rules', label: 'Security rules', type: 'nsgRules' }],
  routeTable: [
    { key: 'region', label: 'Region', type: 'region' },
    { key: 'bgpRoutePropagation', label: 'BGP route propagation', type: 'bool' },
    ...placement,
    { key: 'routes', label: 'Routes', type: 'routes' },
  ],
  vpnGateway: [{ key: 'sku', label: 'SKU', type: 'text' }, { key: 'activeActive', label: 'Active-active', type: 'bool' }],
  expressRouteGateway: [{ key: 'sku', label: 'SKU', type: 'text' }],
  onPremises: [{ key: 'addressSpaces', label: 'Address spaces', type: 'cidrList' }],
  privateEndpoint: [{ key: 'groupId', label: 'Group id (sub-resource)', type: 'text' }, { key: 'region', label: 'Region', type: 'region' }, ...placement],
  privateDnsZone: [...placement],
  azureService: [
    en('azureService', 'serviceType', 'Service type'),
    { key: 'region', label: 'Region', type: 'region' },
    { key: 'publicNetworkAccess', label: 'Public network access', type: 'bool' },
    { key: 'resourceType', label: 'ARM resource type', type: 'text' },
    ...placement,
  ],
  connector: [
    en('connector', 'connectorType', 'Connector type'),
    en('connector', 'authKind', 'Authentication'),
    { key: 'host', label: 'Host', type: 'text' },
    { key: 'thirdPartyDriver', label: 'Third-party driver', type: 'bool' },
    { key: 'clientSecretRef', label: 'Client secret (Key Vault secret name)', type: 'text' },
  ],
  vnetDataGateway: [{ key: 'memberCount', label: 'Gateway members (one IP each)', type: 'number' }],
  networkWatcher: [{ key: 'region', label: 'Region', type: 'region' }, ...placement],
  flowLog: [
    { key: 'enabled', label: 'Enabled', type: 'bool' },
    { key: 'retentionDays', label: 'Retention (days, 0 = forever)', type: 'number' },
    { key: 'trafficAnalyticsIntervalMinutes', label: 'Traffic analytics interval (10 or 60 minutes)', type: 'number' },
  ],
  logAnalyticsWorkspace: [
    { key: 'region', label: 'Region', type: 'region' },
    { key: 'retentionDays', label: 'Retention (days)', type: 'number' },
    ...placement,
  ],
  // The resolver's region is its VNet's; its endpoints are its connections to subnets.
  dnsResolver: [...placement],
  dnsForwardingRuleset: [{ key: 'region', label: 'Region', type: 'region' }, ...placement, { key: 'rules', label: 'Forwarding rules', type: 'forwardingRules' }],
  firewall: [
    en('firewall', 'appliance', 'Appliance'),
    en('firewall', 'skuTier', 'SKU tier'),
    { key: 'privateIpAddress', label: 'Private IP (the next hop routes name)', type: 'text' },
    { key: 'region', label: 'Region', type: 'region' },
    ...placement,
    { key: 'ruleCollectionGroups', label: 'Policy rules', type: 'firewallRules' },
  ],
  dataPolicy: [
    // The admin center's words for the scope and the groups; the document keeps the provider's values.
    en('dataPolicy', 'environmentScope', 'Environments (connect the ones "only these" or "all except" names)', {
      AllEnvironments: 'All environments', OnlyEnvironments: 'Only these environments', ExceptEnvironments: 'All except these environments',
    }),
    en('dataPolicy', 'defaultGroup', 'Default group (connectors not listed, new connectors)', DATA_POLICY_GROUP_LABELS),
    { key: 'connectors', label: 'Connector groups', type: 'dataPolicyConnectors' },
    { key: 'endpointRules', label: 'Endpoint filtering (per connector, in order; last *)', type: 'endpointRules' },
    { key: 'customConnectorPatterns', label: 'Custom connector URL patterns (in order; last *)', type: 'customConnectorPatterns' },
  ],
};
