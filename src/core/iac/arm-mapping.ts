// Maps ARM-shaped resources (Bicep declarations, Terraform azapi_resource bodies, the Azure import's live
// resources) to design elements and relations. Property names follow the ARM schema (domain.md §5.2); keys
// match case-insensitively.
import type { ElementKind } from '../model/kinds';
import type { NsgRule } from '../model/schema';
import { markVnetsUnresolved } from '../model/unresolved-name';
import { field, read, type DesignBuilder, type Draft, type Read } from './design-builder';
import { armDnsEndpoints, armDnsResolverChildren, armDnsResolverRelations, armRulesetElements } from './arm-dns-resolvers';
import { armFirewallChildren, armFirewallElement, armFirewallRelations } from './arm-firewall';
import { armMonitoringElements, armMonitoringRelations } from './arm-monitoring';
import type { IacResource } from './iac-resource';
import { SERVICE_RESOURCE_TYPES, serviceTypeOfResourceType } from '../rules/analysis/private-dns-zones';
import { bool, items, num, str, strings, type Value } from './iac-value';
import { allOrNothing, nsgRulesFrom, routesFrom } from './rule-rows';

/** By lower-cased ARM type; a Map, since the type is the file's text (`'constructor@…'` must find nothing). */
const ARM_ELEMENT_KINDS = new Map<string, ElementKind>([
  ['microsoft.network/virtualnetworks', 'vnet'], ['microsoft.network/natgateways', 'natGateway'], ['microsoft.network/networksecuritygroups', 'nsg'],
  ['microsoft.network/routetables', 'routeTable'], ['microsoft.network/privateendpoints', 'privateEndpoint'], ['microsoft.network/privatednszones', 'privateDnsZone'],
  ['microsoft.network/localnetworkgateways', 'onPremises'], ['microsoft.powerplatform/enterprisepolicies', 'enterprisePolicy'],
  ['microsoft.network/networkwatchers', 'networkWatcher'], ['microsoft.network/azurefirewalls', 'firewall'], ['microsoft.operationalinsights/workspaces', 'logAnalyticsWorkspace'],
  ['microsoft.network/dnsresolvers', 'dnsResolver'], ['microsoft.network/dnsforwardingrulesets', 'dnsForwardingRuleset'],
  ...Object.values(SERVICE_RESOURCE_TYPES).map((k) => [k.toLowerCase(), 'azureService'] as const),
]);

const PE_POLICIES = ['Disabled', 'Enabled', 'NetworkSecurityGroupEnabled', 'RouteTableEnabled'] as const;
const nameOf = (r: IacResource) => read(r.body, ['name'], str);
const symbolOf = (r: IacResource) => r.key.split('.').pop() ?? r.key;
const region = (r: IacResource) => read(r.body, ['location'], str);

/** Resources that private endpoints connect to: unknown types among them become 'other' Azure services. */
export function privateLinkTargets(resources: readonly IacResource[]): Set<string> {
  const out = new Set<string>();
  for (const r of resources) {
    if (r.type.toLowerCase() !== 'microsoft.network/privateendpoints') continue;
    const props = field(r.body, 'properties')?.value;
    for (const list of ['privateLinkServiceConnections', 'manualPrivateLinkServiceConnections']) {
      for (const c of items(field(props, list)?.value) ?? []) {
        const target = field(c, 'properties', 'privateLinkServiceId')?.value.ref;
        if (target && target.path[0] === 'id') out.add(target.target);
      }
    }
  }
  return out;
}

/** The phases over resources that are all ARM-shaped (an Azure snapshot); read-iac interleaves them with Terraform's. */
export function mapArmResources(resources: readonly IacResource[], b: DesignBuilder): void {
  const linkTargets = privateLinkTargets(resources);
  for (const r of resources) armElements(r, b, linkTargets);
  for (const r of resources) armSubnets(r, b);
  for (const r of resources) armChildren(r, b);
  for (const r of resources) armDnsEndpoints(r, b);
  for (const r of resources) armRelations(r, b);
}

/** Phase 1: elements that have no parent. */
export function armElements(r: IacResource, b: DesignBuilder, linkTargets: ReadonlySet<string> = new Set()): void {
  const t = r.type.toLowerCase();
  if (r.existing) {
    // `existing` often re-declares a resource of the same template (or module) to reference it.
    const kind = ARM_ELEMENT_KINDS.get(t);
    const declared = kind ? b.named(kind, str(field(r.body, 'name')?.value)) : undefined;
    if (declared) return b.alias(r.key, declared);
  }
  if (armMonitoringElements(r, b) || armRulesetElements(r, b) || armFirewallElement(r, b)) return;
  const props = field(r.body, 'properties')?.value;
  switch (t) {
    case 'microsoft.network/virtualnetworks': {
      const vnet = b.addElement(r.key, 'vnet', nameOf(r), symbolOf(r), r.at, {
        region: region(r),
        addressSpaces: read(props, ['addressSpace', 'addressPrefixes'], strings),
        dnsServers: read(props, ['dhcpOptions', 'dnsServers'], strings),
      });
      for (const [i, s] of (items(field(props, 'subnets')?.value) ?? []).entries()) addSubnet(b, `${vnet.id}.${str(field(s, 'name')?.value) ?? i}`, s, vnet, r.at);
      return;
    }
    case 'microsoft.network/natgateways':
      b.addElement(r.key, 'natGateway', nameOf(r), symbolOf(r), r.at, {
        region: region(r),
        idleTimeoutMinutes: read(props, ['idleTimeoutInMinutes'], num),
        // Each attached address or prefix is one outbound public IP source; neither written means none known.
        publicIpCount: publicIpCount(props),
      });
      return;
    case 'microsoft.network/networksecuritygroups':
      // An NSG written without securityRules has none; child rule resources add to the list.
      b.addElement(r.key, 'nsg', nameOf(r), symbolOf(r), r.at, {
        region: region(r),
        rules: field(props, 'securityRules') ? read(props, ['securityRules'], nsgRules) : { value: r.existing ? undefined : [], at: r.at },
      });
      return;
    case 'microsoft.network/routetables':
      b.addElement(r.key, 'routeTable', nameOf(r), symbolOf(r), r.at, {
        region: region(r),
        routes: read(props, ['routes'], routes),
        bgpRoutePropagation: read(props, ['disableBgpRoutePropagation'], (v) => (bool(v) === undefined ? undefined : !bool(v))),
      });
      return;
    case 'microsoft.network/privateendpoints': {
      const conn = field(props, 'privateLinkServiceConnections', 0)?.value ?? field(props, 'manualPrivateLinkServiceConnections', 0)?.value;
      b.addElement(r.key, 'privateEndpoint', nameOf(r), symbolOf(r), r.at, { region: region(r), groupId: read(conn, ['properties', 'groupIds', 0], str) });
      return;
    }
    case 'microsoft.network/privatednszones':
      b.addElement(r.key, 'privateDnsZone', nameOf(r), symbolOf(r), r.at);
      return;
    case 'microsoft.network/localnetworkgateways':
      b.addElement(r.key, 'onPremises', nameOf(r), symbolOf(r), r.at, { addressSpaces: read(props, ['localNetworkAddressSpace', 'addressPrefixes'], strings) });
      return;
    case 'microsoft.powerplatform/enterprisepolicies': {
      const nets = field(props, 'networkInjection', 'virtualNetworks');
      const shape = !nets ? undefined : nets.value.t === 'arr' ? 'array' : field(nets.value, 'value') ? 'valueWrapper' : nets.value.t === 'unknown' ? undefined : 'other';
      b.addElement(r.key, 'enterprisePolicy', nameOf(r), symbolOf(r), r.at, {
        geography: region(r),
        apiVersion: { value: r.apiVersion, at: r.typeAt },
        policyKind: read(r.body, ['kind'], str),
        networksShape: { value: shape, at: nets?.at },
      });
      return;
    }
  }
  const service = serviceTypeOfResourceType(t);
  if (!service && linkTargets.has(r.key) && !t.startsWith('microsoft.network/')) {
    b.addElement(r.key, 'azureService', nameOf(r), symbolOf(r), r.at, { serviceType: { value: 'other', at: r.typeAt }, resourceType: { value: r.type, at: r.typeAt }, region: region(r) });
  }
  if (service) {
    b.addElement(r.key, 'azureService', nameOf(r), symbolOf(r), r.at, {
      serviceType: { value: service, at: r.typeAt },
      region: region(r),
      publicNetworkAccess: read(props, ['publicNetworkAccess'], (v) => (str(v) === undefined ? undefined : str(v)!.toLowerCase() === 'enabled')),
    });
  }
}

/** Phase 1b: child subnets (declared ones first, then `existing` references to them). */
export function armSubnets(r: IacResource, b: DesignBuilder): void {
  const t = r.type.toLowerCase();
  if (t === 'microsoft.network/virtualnetworks/subnets') {
    const rawName = str(field(r.body, 'name')?.value);
    // A child declared without `parent:` is named '<vnet>/<subnet>'.
    const slash = rawName?.indexOf('/') ?? -1;
    const vnet = (r.parentKey ? b.element(r.parentKey) : undefined) ?? (slash > 0 ? b.named('vnet', rawName!.slice(0, slash)) : undefined);
    if (vnet?.kind !== 'vnet') return unplaced(b, r, 'subnet');
    const subnetName = slash > 0 ? rawName!.slice(slash + 1) : rawName;
    const declared = r.existing ? b.subnetOf(vnet, subnetName) : undefined;
    if (declared) return b.alias(r.key, declared);
    addSubnet(b, r.key, r.body, vnet, r.at, slash > 0 ? rawName!.slice(slash + 1) : undefined, r.existing);
  }
}

/** Phase 1c: gateways (they need their subnet) and children adding to their parent. */
export function armChildren(r: IacResource, b: DesignBuilder): void {
  if (armDnsResolverChildren(r, b, (what) => unplaced(b, r, what))) return;
  const t = r.type.toLowerCase();
  const props = field(r.body, 'properties')?.value;
  if (armFirewallChildren(r, b)) return;
  if (t === 'microsoft.network/virtualnetworkgateways') {
    const type = str(field(props, 'gatewayType')?.value)?.toLowerCase();
    const subnetRef = field(props, 'ipConfigurations', 0, 'properties', 'subnet', 'id')?.value;
    const vnet = b.resolve(subnetRef, ['vnet']) ?? parentVnet(b, b.resolve(subnetRef, ['subnet']));
    if (!vnet || (type !== 'vpn' && type !== 'expressroute')) return unplaced(b, r, 'gateway');
    const kind = type === 'vpn' ? 'vpnGateway' : 'expressRouteGateway';
    b.addElement(r.key, kind, nameOf(r), symbolOf(r), r.at, {
      sku: read(props, ['sku', 'name'], str),
      ...(kind === 'vpnGateway' ? { activeActive: read(props, ['activeActive'], bool) } : {}),
    }, vnet.id);
    return;
  }
  if (t === 'microsoft.network/networksecuritygroups/securityrules') {
    const nsg = r.parentKey ? b.element(r.parentKey) : undefined;
    if (nsg?.kind !== 'nsg') return;
    const rule = nsgRules({ t: 'arr', items: [r.body], at: r.body.at });
    // One rule we cannot read makes the whole rule set unknown.
    if (rule && Array.isArray(nsg.rules)) nsg.rules = [...(nsg.rules as NsgRule[]), ...rule];
    else delete nsg.rules;
  }
}

function parentVnet(b: DesignBuilder, subnet: Draft | undefined): Draft | undefined {
  return subnet && typeof subnet.parent === 'string' ? b.byElementId(subnet.parent) : undefined;
}

function unplaced(b: DesignBuilder, r: IacResource, what: string): void {
  b.diagnostics.push({ file: r.at.file, range: r.at.range, severity: 'info', message: `Cannot tell statically which virtual network ${what} '${r.key}' belongs to; it is not checked.` });
}

function addSubnet(b: DesignBuilder, key: string, s: Value, vnet: Draft, at: IacResource['at'], nameOverride?: string, existing = false): void {
  const props = field(s, 'properties')?.value;
  const name = read(s, ['name'], str);
  const prefix = field(props, 'addressPrefix') ?? field(props, 'addressPrefixes', 0);
  const subnet = b.addElement(key, 'subnet', nameOverride ? { value: nameOverride, at: name.at } : name, key.split('.').pop() ?? key, field(s, 'name')?.at ?? s.at ?? at, {
    addressPrefix: { value: str(prefix?.value), at: prefix?.at },
    // A subnet written without delegations has none; only an `existing` one is unknown.
    delegations: field(props, 'delegations') || existing ? read(props, ['delegations'], (v) => allOrNothing(items(v), (d) => str(field(d, 'properties', 'serviceName')?.value)))
      : { value: props?.t === 'obj' ? [] : undefined, at: field(s, 'name')?.at },
    privateEndpointNetworkPolicies: read(props, ['privateEndpointNetworkPolicies'], (v) => PE_POLICIES.find((p) => p === str(v))),
    defaultOutboundAccess: read(props, ['defaultOutboundAccess'], bool),
    serviceEndpoints: read(props, ['serviceEndpoints'], (v) => allOrNothing(items(v), (e) => str(field(e, 'service')?.value))),
  }, vnet.id);
  if (props?.t === 'obj' && props.at.file === s.at.file) b.sourceMap.set({ elementId: subnet.id, property: '$properties' }, props.at);
  if (s.t === 'obj') b.sourceMap.set({ elementId: subnet.id, property: '$extent' }, s.at);
}

/** Phase 2: relations, once every element exists. */
export function armRelations(r: IacResource, b: DesignBuilder): void {
  const t = r.type.toLowerCase();
  if (armMonitoringRelations(r, b) || armDnsResolverRelations(r, b) || armFirewallRelations(r, b)) return;
  const self = b.element(r.key);
  const props = field(r.body, 'properties')?.value;
  switch (t) {
    case 'microsoft.network/virtualnetworks': {
      if (!self) return;
      for (const [i, s] of (items(field(props, 'subnets')?.value) ?? []).entries()) {
        const subnet = b.element(`${self.id}.${str(field(s, 'name')?.value) ?? i}`);
        if (subnet) subnetAssociations(b, subnet, s);
      }
      for (const [i, p] of (items(field(props, 'virtualNetworkPeerings')?.value) ?? []).entries()) peering(b, self, p, `${self.id}.peering-${i}`);
      return;
    }
    case 'microsoft.network/virtualnetworks/subnets':
      if (self) subnetAssociations(b, self, r.body);
      return;
    case 'microsoft.network/virtualnetworks/virtualnetworkpeerings': {
      const vnet = r.parentKey ? b.element(r.parentKey) : undefined;
      if (vnet?.kind === 'vnet') peering(b, vnet, r.body, r.key);
      return;
    }
    case 'microsoft.network/privateendpoints': {
      if (!self) return;
      const subnet = field(props, 'subnet', 'id');
      b.addRelation('peSubnet', self, b.resolve(subnet?.value, ['subnet']), `${self.id}.subnet`, subnet?.at);
      const conn = field(props, 'privateLinkServiceConnections', 0)?.value ?? field(props, 'manualPrivateLinkServiceConnections', 0)?.value;
      const target = field(conn, 'properties', 'privateLinkServiceId');
      b.addRelation('peTarget', self, b.resolve(target?.value, ['azureService']), `${self.id}.target`, target?.at);
      return;
    }
    case 'microsoft.network/privateendpoints/privatednszonegroups': {
      const pe = r.parentKey ? b.element(r.parentKey) : undefined;
      for (const c of items(field(props, 'privateDnsZoneConfigs')?.value) ?? []) {
        const zone = field(c, 'properties', 'privateDnsZoneId');
        b.addRelation('peDnsZone', pe, b.resolve(zone?.value, ['privateDnsZone']), `${pe?.id ?? r.key}.dns`, zone?.at);
      }
      return;
    }
    case 'microsoft.network/privatednszones/virtualnetworklinks': {
      const zone = r.parentKey ? b.element(r.parentKey) : b.named('privateDnsZone', str(field(r.body, 'name')?.value)?.split('/')[0]);
      const vnet = field(props, 'virtualNetwork', 'id');
      b.addRelation('dnsZoneLink', zone, b.resolve(vnet?.value, ['vnet']), r.key, r.at, { registrationEnabled: read(props, ['registrationEnabled'], bool) });
      return;
    }
    case 'microsoft.network/connections': {
      const gw = field(props, 'virtualNetworkGateway1', 'id');
      const onPrem = field(props, 'localNetworkGateway2', 'id');
      b.addRelation('gatewayConnection', b.resolve(gw?.value, ['vpnGateway', 'expressRouteGateway']), b.resolve(onPrem?.value, ['onPremises']), r.key, r.at);
      return;
    }
    case 'microsoft.powerplatform/enterprisepolicies':
      if (self) policySubnets(b, self, props);
      return;
  }
}

function subnetAssociations(b: DesignBuilder, subnet: Draft, s: Value): void {
  const props = field(s, 'properties')?.value;
  const pairs = [['natGateway', 'natAssociation', 'natGateway'], ['networkSecurityGroup', 'nsgAssociation', 'nsg'], ['routeTable', 'routeTableAssociation', 'routeTable']] as const;
  for (const [prop, kind, elementKind] of pairs) {
    const ref = field(props, prop, 'id');
    b.addRelation(kind, b.resolve(ref?.value, [elementKind]), subnet, `${subnet.id}.${prop}`, ref?.at);
  }
}

function peering(b: DesignBuilder, from: Draft, p: Value, base: string): void {
  const props = field(p, 'properties')?.value;
  const remote = field(props, 'remoteVirtualNetwork', 'id');
  b.addRelation('peering', from, b.resolve(remote?.value, ['vnet']), base, field(p, 'name')?.at ?? remote?.at ?? p.at, {
    allowVirtualNetworkAccess: read(props, ['allowVirtualNetworkAccess'], bool),
    allowForwardedTraffic: read(props, ['allowForwardedTraffic'], bool),
    allowGatewayTransit: read(props, ['allowGatewayTransit'], bool),
    useRemoteGateways: read(props, ['useRemoteGateways'], bool),
  });
}

/** `virtualNetworks[]` (or its `{value: […]}` wrapper) → policySubnet relations or unresolvedSubnets. */
export function policySubnets(b: DesignBuilder, policy: Draft, props: Value | undefined): void {
  const nets = field(props, 'networkInjection', 'virtualNetworks')?.value;
  const list = items(nets) ?? items(field(nets, 'value')?.value);
  // A list (or an entry of it) the reader could not evaluate is not an empty one: rules say they cannot tell.
  const unknown = (v: Value | undefined) => v?.t === 'unknown';
  if (!list && (unknown(nets) || unknown(field(nets, 'value')?.value) || (!nets && unknown(props)))) markVnetsUnresolved(policy);
  const unresolved: { vnet: string; subnet: string }[] = [];
  for (const [i, item] of (list ?? []).entries()) {
    const vnetValue = field(item, 'id')?.value;
    const subnetName = field(item, 'subnet', 'name')?.value;
    const direct = subnetName?.ref ? b.resolve({ ...subnetName, ref: { ...subnetName.ref, path: [] } }, ['subnet']) : undefined;
    const vnet = b.resolve(vnetValue, ['vnet']);
    const subnet = direct && (!vnet || direct.parent === vnet.id) ? direct : vnet ? b.subnetOf(vnet, str(subnetName)) : undefined;
    if (subnet) {
      b.addRelation('policySubnet', policy, subnet, `${policy.id}.subnet-${i}`, item.at);
      continue;
    }
    const vnetName = vnet?.name ?? armIdName(str(vnetValue));
    const snet = str(subnetName);
    if (vnetName && snet) unresolved.push({ vnet: vnetName, subnet: snet });
    else if (unknown(item) || unknown(vnetValue) || unknown(subnetName)) markVnetsUnresolved(policy);
  }
  if (unresolved.length > 0) b.setProp(policy, 'unresolvedSubnets', { value: unresolved, at: field(props, 'networkInjection', 'virtualNetworks')?.at });
}

function armIdName(id: string | undefined): string | undefined {
  const m = id ? /\/virtualNetworks\/([^/]+)\/?$/i.exec(id) : null;
  return m?.[1];
}

function publicIpCount(props: Value | undefined): Read<number> {
  const addresses = field(props, 'publicIpAddresses');
  const prefixes = field(props, 'publicIpPrefixes');
  if (!addresses && !prefixes) return { value: undefined, at: undefined };
  const a = addresses ? items(addresses.value)?.length : 0;
  const p = prefixes ? items(prefixes.value)?.length : 0;
  return { value: a === undefined || p === undefined ? undefined : a + p, at: (addresses ?? prefixes)?.at };
}

/**
 * ARM keeps a rule's name beside its `properties`; every other field sits inside them. A prefix or port
 * field may instead be written as its plural list (`sourceAddressPrefixes`), which the design holds joined.
 */
const armRowField = <T>(row: Value, key: keyof T & string): Value | undefined => {
  if (key === 'name') return field(row, 'name')?.value;
  const props = field(row, 'properties')?.value;
  const single = field(props, key)?.value;
  if (single !== undefined || !PLURAL_ROW_FIELDS.has(key)) return single;
  const plural = field(props, `${key}es`) ?? field(props, `${key}s`);
  const list = strings(plural?.value);
  return plural && list && list.length > 0 ? { t: 'str', v: list.join(','), at: plural.at } : plural?.value;
};
const PLURAL_ROW_FIELDS = new Set(['sourceAddressPrefix', 'destinationAddressPrefix', 'sourcePortRange', 'destinationPortRange']);

const nsgRules = (v: Value | undefined) => nsgRulesFrom(v, armRowField);
const routes = (v: Value | undefined) => routesFrom(v, armRowField);
