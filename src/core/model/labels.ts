// The one vocabulary for element kinds and relations, in words: what the canvas, the SVG picture, the
// inspector and the messages call them. Short labels go on edges; verbs make "<from> <verb> <to>" sentences.
import type { ElementKind, RelationKind } from './kinds';
import type { Element, ElementOf, Relation } from './schema';

/** What each element kind is called in the palette, the inspector, the picture and the messages. */
export const ELEMENT_LABELS: Readonly<Record<ElementKind, string>> = {
  environment: 'Power Platform environment',
  enterprisePolicy: 'Enterprise policy',
  vnet: 'Virtual network',
  subnet: 'Subnet',
  natGateway: 'NAT gateway',
  nsg: 'Network security group',
  routeTable: 'Route table',
  vpnGateway: 'VPN gateway',
  expressRouteGateway: 'ExpressRoute gateway',
  onPremises: 'On-premises network',
  privateEndpoint: 'Private endpoint',
  privateDnsZone: 'Private DNS zone',
  azureService: 'Azure service',
  connector: 'Connector',
  vnetDataGateway: 'VNet data gateway',
  networkWatcher: 'Network Watcher',
  flowLog: 'VNet flow log',
  logAnalyticsWorkspace: 'Log Analytics workspace',
  dnsResolver: 'DNS private resolver',
  dnsForwardingRuleset: 'DNS forwarding ruleset',
  firewall: 'Firewall',
  dataPolicy: 'Data policy (DLP)',
};

/** An Azure service element is named for its service type rather than "Azure service". */
export const SERVICE_LABELS: Readonly<Record<string, string>> = {
  keyVault: 'Key Vault', sqlServer: 'SQL server', storageAccount: 'Storage account', appService: 'App Service / Functions', aiSearch: 'AI Search', other: 'Azure service',
};

export function kindLabelOf(e: Element): string {
  if (e.kind === 'firewall') return e.appliance === 'nva' ? 'Network virtual appliance' : 'Azure Firewall';
  return e.kind === 'azureService' ? SERVICE_LABELS[e.serviceType] ?? ELEMENT_LABELS.azureService : ELEMENT_LABELS[e.kind];
}

/** The wording of a relation in a sentence: "<from> <verb> <to>" (inspector, tooltips, connection refusals). */
export const RELATION_VERBS: Readonly<Record<RelationKind, string>> = {
  policyLink: 'is linked to',
  policySubnet: 'injects into',
  peering: 'peers with',
  natAssociation: 'provides egress for',
  nsgAssociation: 'filters',
  routeTableAssociation: 'routes',
  peTarget: 'connects privately to',
  peSubnet: 'is placed in',
  peDnsZone: 'registers in',
  dnsZoneLink: 'is linked to',
  gatewayConnection: 'connects to',
  connectorTarget: 'calls',
  connectorSecret: 'reads secrets from',
  workload: 'runs',
  dataGatewaySubnet: 'runs in',
  flowLogTarget: 'records the traffic of',
  flowLogWatcher: 'is kept by',
  flowLogStorage: 'stores its records in',
  trafficAnalytics: 'is analysed in',
  diagnostics: 'sends diagnostics to',
  resolverInbound: 'listens in',
  resolverOutbound: 'forwards from',
  rulesetOutbound: 'forwards through',
  rulesetLink: 'applies to',
  firewallSubnet: 'is placed in',
  dataPolicyScope: 'names',
};

/** Short edge labels, for the canvas and the SVG alike: the full verbs crowd a picture. */
export const RELATION_LABELS: Readonly<Record<RelationKind, string>> = {
  policyLink: 'linked', policySubnet: 'injects', peering: 'peering', natAssociation: 'egress', nsgAssociation: 'filters',
  routeTableAssociation: 'routes', peTarget: 'private link', peSubnet: 'placed in', peDnsZone: 'DNS record', dnsZoneLink: 'zone link',
  gatewayConnection: 'connection', connectorTarget: 'calls', connectorSecret: 'secrets', workload: 'runs',
  dataGatewaySubnet: 'runs in', flowLogTarget: 'flow log', flowLogWatcher: 'watcher', flowLogStorage: 'stores in',
  trafficAnalytics: 'traffic analytics', diagnostics: 'diagnostics',
  resolverInbound: 'inbound', resolverOutbound: 'outbound', rulesetOutbound: 'forwards via', rulesetLink: 'ruleset link',
  firewallSubnet: 'placed in', dataPolicyScope: 'scope',
};

/** Short edge label; peering shows which flags are on (VNet access, forwarded, gateway transit, remote gateways). */
export function relationLabel(r: Relation): string {
  if (r.kind !== 'peering') return RELATION_LABELS[r.kind];
  const flags = [
    r.allowVirtualNetworkAccess ? 'access' : undefined,
    r.allowForwardedTraffic ? 'fwd' : undefined,
    r.allowGatewayTransit ? 'gw-transit' : undefined,
    r.useRemoteGateways ? 'remote-gw' : undefined,
  ].filter(Boolean);
  return flags.length ? `peering · ${flags.join(' · ')}` : 'peering';
}

/** "<from> <verb> <to>" for a relation between two named ends. */
export function relationSentence(kind: RelationKind, from: string, to: string): string {
  return `${from} ${RELATION_VERBS[kind]} ${to}`;
}

/** The admin center's words for a data policy's scope. */
export const DATA_POLICY_SCOPE_LABELS: Readonly<Record<NonNullable<ElementOf<'dataPolicy'>['environmentScope']>, string>> = {
  AllEnvironments: 'all environments', OnlyEnvironments: 'only named environments', ExceptEnvironments: 'all except named environments',
};

/** One line for a data policy: its scope, how many connectors it classifies and blocks, how many it endpoint-filters. */
export function dataPolicySummary(p: ElementOf<'dataPolicy'>): string {
  const blocked = p.connectors?.filter((c) => c.group === 'Blocked').length ?? 0;
  const filtered = new Set(p.endpointRules?.map((r) => r.connector.toLowerCase())).size;
  return [
    p.environmentScope && DATA_POLICY_SCOPE_LABELS[p.environmentScope],
    p.connectors && `${p.connectors.length} connector${p.connectors.length === 1 ? '' : 's'}${blocked ? ` (${blocked} blocked)` : ''}`,
    filtered > 0 && `${filtered} endpoint-filtered`,
  ].filter((x): x is string => typeof x === 'string' && x !== '').join(' · ');
}
