// The vocabulary of the design document: element kinds, relation kinds, and which element kinds each
// relation may connect. Shared by the schema, the canvas (valid connections), the rules and the exporters.

export const ELEMENT_KINDS = [
  'environment',
  'enterprisePolicy',
  'vnet',
  'subnet',
  'natGateway',
  'nsg',
  'routeTable',
  'vpnGateway',
  'expressRouteGateway',
  'onPremises',
  'privateEndpoint',
  'privateDnsZone',
  'azureService',
  'connector',
  'vnetDataGateway',
  'networkWatcher',
  'flowLog',
  'logAnalyticsWorkspace',
  'dnsResolver',
  'dnsForwardingRuleset',
  'firewall',
  'dataPolicy',
] as const;
export type ElementKind = (typeof ELEMENT_KINDS)[number];

export const RELATION_KINDS = [
  'policyLink',
  'policySubnet',
  'peering',
  'natAssociation',
  'nsgAssociation',
  'routeTableAssociation',
  'peTarget',
  'peSubnet',
  'peDnsZone',
  'dnsZoneLink',
  'gatewayConnection',
  'connectorTarget',
  'connectorSecret',
  'workload',
  'dataGatewaySubnet',
  'flowLogTarget',
  'flowLogWatcher',
  'flowLogStorage',
  'trafficAnalytics',
  'diagnostics',
  'resolverInbound',
  'resolverOutbound',
  'rulesetOutbound',
  'rulesetLink',
  'firewallSubnet',
  'dataPolicyScope',
] as const;
export type RelationKind = (typeof RELATION_KINDS)[number];

export interface RelationSpec {
  readonly from: readonly ElementKind[];
  readonly to: readonly ElementKind[];
  /** At most one relation of this kind may leave one `from` element (e.g. one policy per environment is a rule, not this). */
  readonly singleFrom?: boolean;
  /** At most one relation of this kind may arrive at one `to` element per `from` kind (e.g. one NSG per subnet). */
  readonly singleTo?: boolean;
}

export const RELATION_SPECS: Readonly<Record<RelationKind, RelationSpec>> = {
  policyLink: { from: ['environment'], to: ['enterprisePolicy'] },
  policySubnet: { from: ['enterprisePolicy'], to: ['subnet'] },
  peering: { from: ['vnet'], to: ['vnet'] },
  natAssociation: { from: ['natGateway'], to: ['subnet'], singleTo: true },
  nsgAssociation: { from: ['nsg'], to: ['subnet'], singleTo: true },
  routeTableAssociation: { from: ['routeTable'], to: ['subnet'], singleTo: true },
  peTarget: { from: ['privateEndpoint'], to: ['azureService'], singleFrom: true },
  peSubnet: { from: ['privateEndpoint'], to: ['subnet'], singleFrom: true },
  peDnsZone: { from: ['privateEndpoint'], to: ['privateDnsZone'] },
  dnsZoneLink: { from: ['privateDnsZone'], to: ['vnet'] },
  gatewayConnection: { from: ['vpnGateway', 'expressRouteGateway'], to: ['onPremises'] },
  connectorTarget: { from: ['connector'], to: ['azureService', 'onPremises'] },
  connectorSecret: { from: ['connector'], to: ['azureService'] },
  workload: { from: ['environment'], to: ['connector'] },
  dataGatewaySubnet: { from: ['vnetDataGateway'], to: ['subnet'], singleFrom: true },
  flowLogTarget: { from: ['flowLog'], to: ['vnet'], singleFrom: true },
  flowLogWatcher: { from: ['flowLog'], to: ['networkWatcher'], singleFrom: true },
  flowLogStorage: { from: ['flowLog'], to: ['azureService'], singleFrom: true },
  trafficAnalytics: { from: ['flowLog'], to: ['logAnalyticsWorkspace'], singleFrom: true },
  // One setting per resource and workspace; a resource may send to several workspaces.
  diagnostics: { from: ['natGateway', 'azureService'], to: ['logAnalyticsWorkspace'] },
  // Each endpoint of a DNS private resolver is one relation to its dedicated subnet (one endpoint per subnet).
  resolverInbound: { from: ['dnsResolver'], to: ['subnet'], singleTo: true },
  resolverOutbound: { from: ['dnsResolver'], to: ['subnet'], singleTo: true },
  // A ruleset forwards through the outbound endpoints of the resolvers it names, for the VNets it is linked to.
  rulesetOutbound: { from: ['dnsForwardingRuleset'], to: ['dnsResolver'] },
  rulesetLink: { from: ['dnsForwardingRuleset'], to: ['vnet'] },
  // A firewall or appliance sits in one subnet (Azure Firewall: the hub's AzureFirewallSubnet).
  firewallSubnet: { from: ['firewall'], to: ['subnet'], singleFrom: true },
  // The environments a data policy names: the ones it covers (OnlyEnvironments) or leaves out (ExceptEnvironments).
  dataPolicyScope: { from: ['dataPolicy'], to: ['environment'] },
};

/** Element kinds that live inside a VNet on the canvas and in ARM (their `parent` is a VNet id). */
export const PARENT_KINDS: Partial<Record<ElementKind, readonly ElementKind[]>> = {
  subnet: ['vnet'],
  vpnGateway: ['vnet'],
  expressRouteGateway: ['vnet'],
  dnsResolver: ['vnet'],
};

/** The relation kinds that may join `from` to `to`, in declaration order. */
export function relationKindsBetween(from: ElementKind, to: ElementKind): RelationKind[] {
  return RELATION_KINDS.filter((k) => RELATION_SPECS[k].from.includes(from) && RELATION_SPECS[k].to.includes(to));
}

export const POWER_PLATFORM_DELEGATION = 'Microsoft.PowerPlatform/enterprisePolicies';
export const VNET_DATA_GATEWAY_DELEGATION = 'Microsoft.PowerPlatform/vnetaccesslinks';
export const DNS_RESOLVER_DELEGATION = 'Microsoft.Network/dnsResolvers';
/** Azure Firewall runs only in a subnet of exactly this name, /26 or larger. */
export const AZURE_FIREWALL_SUBNET = 'AzureFirewallSubnet';
export const AZURE_FIREWALL_SUBNET_MIN_PREFIX = 26;
