// Palette items and the new elements they create: fresh ids and sensible defaults (next free address
// block, the region the policy's geography pairs with the VNets already drawn).
import { freshId } from '../../src/core/model/design-edits';
import { allowedRegions, findGeography } from '../../src/core/geo/geographies';
import { PARENT_KINDS, type ElementKind } from '../../src/core/model/kinds';
import { formatIpv4, overlaps, tryCidr, type Cidr } from '../../src/core/net/cidr';
import type { AZURE_SERVICE_TYPES, Design, Element } from '../../src/core/model/schema';
import { ELEMENT_LABELS, SERVICE_LABELS } from '../../src/core/model/labels';

type ServiceType = (typeof AZURE_SERVICE_TYPES)[number];

export interface PaletteItem {
  /** `palette-<testKey>` is the item's test id: the kind, or `azureService-<serviceType>` for service variants. */
  readonly testKey: string;
  readonly kind: ElementKind;
  readonly serviceType?: ServiceType;
  readonly label: string;
  readonly group: 'Power Platform' | 'Network' | 'Connectivity' | 'Private access' | 'Monitoring' | 'Services';
}

const service = (serviceType: ServiceType): PaletteItem => ({
  testKey: `azureService-${serviceType}`, kind: 'azureService', serviceType, label: SERVICE_LABELS[serviceType]!, group: 'Services',
});
const item = (kind: ElementKind, group: PaletteItem['group'], label = ELEMENT_LABELS[kind]): PaletteItem => ({ testKey: kind, kind, label, group });

export const PALETTE_ITEMS: readonly PaletteItem[] = [
  item('environment', 'Power Platform', 'Environment'),
  item('enterprisePolicy', 'Power Platform'),
  item('connector', 'Power Platform', 'Custom connector'),
  item('vnetDataGateway', 'Power Platform'),
  item('dataPolicy', 'Power Platform'),
  item('vnet', 'Network'),
  item('subnet', 'Network'),
  item('natGateway', 'Network'),
  item('nsg', 'Network'),
  item('routeTable', 'Network'),
  item('firewall', 'Network', 'Azure Firewall'),
  item('vpnGateway', 'Connectivity'),
  item('expressRouteGateway', 'Connectivity'),
  item('onPremises', 'Connectivity'),
  item('privateEndpoint', 'Private access'),
  item('privateDnsZone', 'Private access'),
  item('dnsResolver', 'Private access'),
  item('dnsForwardingRuleset', 'Private access'),
  item('networkWatcher', 'Monitoring'),
  item('flowLog', 'Monitoring'),
  item('logAnalyticsWorkspace', 'Monitoring'),
  service('keyVault'),
  service('sqlServer'),
  service('storageAccount'),
  service('appService'),
  service('aiSearch'),
  { testKey: 'azureService', kind: 'azureService', serviceType: 'other', label: 'Other Azure service', group: 'Services' },
];

export function paletteItem(testKey: string): PaletteItem | undefined {
  return PALETTE_ITEMS.find((p) => p.testKey === testKey);
}

export function needsParent(kind: ElementKind): boolean {
  return PARENT_KINDS[kind] !== undefined;
}

const ID_PREFIX: Record<ElementKind, string> = {
  environment: 'env', enterprisePolicy: 'policy', vnet: 'vnet', subnet: 'snet', natGateway: 'nat', nsg: 'nsg', routeTable: 'rt',
  vpnGateway: 'vpngw', expressRouteGateway: 'ergw', onPremises: 'onprem', privateEndpoint: 'pe', privateDnsZone: 'dns',
  azureService: 'svc', connector: 'conn', vnetDataGateway: 'vdgw', networkWatcher: 'nw', flowLog: 'fl', logAnalyticsWorkspace: 'log',
  dnsResolver: 'dnspr', dnsForwardingRuleset: 'dnsfrs',
  firewall: 'afw',
  dataPolicy: 'dlp',
};
const SERVICE_PREFIX: Record<ServiceType, string> = { keyVault: 'kv', sqlServer: 'sql', storageAccount: 'st', appService: 'app', aiSearch: 'srch', other: 'svc' };

/** The geography a new element should follow: the first policy's, else the first environment's, else Europe. */
export function designGeography(design: Design): string {
  for (const k of ['enterprisePolicy', 'environment'] as const) {
    const e = design.elements.find((x) => x.kind === k && 'geography' in x && x.geography);
    if (e && 'geography' in e && e.geography) return e.geography;
  }
  return 'europe';
}

/** The first region of the design's geography no VNet uses yet: the second VNet lands in the pair region. */
export function nextRegion(design: Design): string {
  const geo = findGeography(designGeography(design));
  const regions = geo ? allowedRegions(geo) : ['westeurope'];
  const used = new Set(design.elements.flatMap((e) => (e.kind === 'vnet' && e.region ? [e.region] : [])));
  return regions.find((r) => !used.has(r)) ?? regions[0]!;
}

/** The next 10.x.0.0/16 not overlapping any VNet or on-premises space, in steps of 10 (10.10, 10.20, …). */
export function nextVnetSpace(design: Design): string {
  const used = design.elements.flatMap((e) => (e.kind === 'vnet' || e.kind === 'onPremises' ? e.addressSpaces ?? [] : []))
    .map((s) => tryCidr(s)).filter((c): c is Cidr => c !== undefined);
  for (let second = 10; second < 256; second += 10) {
    const candidate = tryCidr(`10.${second}.0.0/16`)!;
    if (!used.some((u) => overlaps(u, candidate))) return candidate.text;
  }
  for (let second = 0; second < 256; second++) {
    const candidate = tryCidr(`10.${second}.0.0/16`)!;
    if (!used.some((u) => overlaps(u, candidate))) return candidate.text;
  }
  return '10.0.0.0/16';
}

/** The first /24 inside the VNet's address spaces that no sibling subnet overlaps; undefined when the VNet is full or unknown. */
export function nextSubnetPrefix(design: Design, vnetId: string): string | undefined {
  const vnet = design.elements.find((e) => e.id === vnetId);
  if (vnet?.kind !== 'vnet') return undefined;
  const siblings = design.elements
    .flatMap((e) => (e.kind === 'subnet' && e.parent === vnetId ? [tryCidr(e.addressPrefix)] : []))
    .filter((c): c is Cidr => c !== undefined);
  for (const space of (vnet.addressSpaces ?? []).map((s) => tryCidr(s)).filter((c): c is Cidr => c !== undefined)) {
    if (space.prefix > 24) continue;
    // Skip x.x.0.0/24 so the first subnet reads like the seed's 10.10.1.0/24; fall back to it if all else is taken.
    const starts: number[] = [];
    for (let s = space.start + 256; s + 255 <= space.end; s += 256) starts.push(s);
    starts.push(space.start);
    for (const start of starts) {
      const candidate = tryCidr(`${formatIpv4(start)}/24`)!;
      if (!siblings.some((c) => overlaps(c, candidate))) return candidate.text;
    }
  }
  return undefined;
}

/** A new element for a palette item at `position` (relative to `parent` when given), with a fresh id. */
export function createElement(design: Design, item: PaletteItem, position: { x: number; y: number }, parent?: string): Element {
  const prefix = item.kind === 'azureService' ? SERVICE_PREFIX[item.serviceType ?? 'other'] : ID_PREFIX[item.kind];
  const id = freshId(design, prefix);
  const pos = { x: Math.round(position.x), y: Math.round(position.y) };
  const head = { id, name: id };
  const geography = designGeography(design);
  switch (item.kind) {
    case 'environment':
      return { ...head, kind: 'environment', name: `Environment ${id.split('-').pop()}`, geography, environmentType: 'Production', managed: true, position: pos };
    case 'enterprisePolicy':
      return { ...head, kind: 'enterprisePolicy', geography, position: pos };
    case 'vnet':
      return { ...head, kind: 'vnet', region: nextRegion(design), addressSpaces: [nextVnetSpace(design)], size: { width: 320, height: 160 }, position: pos };
    case 'subnet': {
      const prefix = parent ? nextSubnetPrefix(design, parent) : undefined;
      // A subnet drawn here has no delegation yet, and the design says so (absent would mean "unknown").
      return { ...head, kind: 'subnet', ...(prefix ? { addressPrefix: prefix } : {}), delegations: [], parent: parent!, position: pos };
    }
    case 'natGateway':
      return { ...head, kind: 'natGateway', region: nextRegionInUse(design), publicIpCount: 1, position: pos };
    case 'nsg':
      return { ...head, kind: 'nsg', region: nextRegionInUse(design), rules: [], position: pos };
    case 'routeTable':
      return { ...head, kind: 'routeTable', region: nextRegionInUse(design), routes: [], position: pos };
    case 'vpnGateway':
      return { ...head, kind: 'vpnGateway', sku: 'VpnGw1AZ', parent: parent!, position: pos };
    case 'expressRouteGateway':
      return { ...head, kind: 'expressRouteGateway', sku: 'ErGw1AZ', parent: parent!, position: pos };
    case 'onPremises':
      return { ...head, kind: 'onPremises', addressSpaces: ['192.168.0.0/16'], position: pos };
    case 'privateEndpoint':
      return { ...head, kind: 'privateEndpoint', region: nextRegionInUse(design), position: pos };
    case 'privateDnsZone':
      return { ...head, kind: 'privateDnsZone', name: 'privatelink.vaultcore.azure.net', position: pos };
    case 'azureService':
      return { ...head, kind: 'azureService', serviceType: item.serviceType ?? 'other', region: nextRegionInUse(design), publicNetworkAccess: false, position: pos };
    case 'connector':
      return { ...head, kind: 'connector', connectorType: 'custom', authKind: 'entraIdOAuth', position: pos };
    case 'vnetDataGateway':
      return { ...head, kind: 'vnetDataGateway', memberCount: 1, position: pos };
    case 'networkWatcher':
      return { ...head, kind: 'networkWatcher', region: nextRegionInUse(design), position: pos };
    case 'flowLog':
      // 90 days: the retention most baselines ask for (Checkov CKV_AZURE_12 checks NSG flow logs for it).
      return { ...head, kind: 'flowLog', enabled: true, retentionDays: 90, position: pos };
    case 'logAnalyticsWorkspace':
      return { ...head, kind: 'logAnalyticsWorkspace', region: nextRegionInUse(design), retentionDays: 30, position: pos };
    case 'dnsResolver':
      return { ...head, kind: 'dnsResolver', parent: parent!, position: pos };
    case 'dnsForwardingRuleset':
      return { ...head, kind: 'dnsForwardingRuleset', region: nextRegionInUse(design), rules: [], position: pos };
    case 'firewall':
      // No rules yet: Azure Firewall denies everything until a rule allows it, and the design says so.
      return { ...head, kind: 'firewall', appliance: 'azureFirewall', skuTier: 'Standard', region: nextRegionInUse(design), ruleCollectionGroups: [], position: pos };
    case 'dataPolicy':
      // As the admin center starts one: new connectors go to Non-business, custom connectors are left to the
      // groups (the * pattern Ignore), and it covers only the environments connected to it.
      return {
        ...head, kind: 'dataPolicy', environmentScope: 'OnlyEnvironments', defaultGroup: 'NonBusiness', connectors: [], endpointRules: [],
        customConnectorPatterns: [{ hostUrlPattern: '*', group: 'Ignore' }], position: pos,
      };
  }
}

/** Region for regional resources: the first VNet's region, else the geography's first region. */
function nextRegionInUse(design: Design): string {
  const vnet = design.elements.find((e) => e.kind === 'vnet' && e.region);
  return vnet?.kind === 'vnet' && vnet.region ? vnet.region : nextRegion(design);
}
