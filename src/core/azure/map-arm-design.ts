// Maps the ARM resources of a subscription (ArmSnapshot) to a design: one element per resource, relations
// from the ids resources carry (subnet → NAT/NSG/route table, peering → remote VNet, private endpoint →
// subnet/target/zone, zone link → VNet, policy → VNet + subnet name, and the monitoring resources of
// map-arm-monitoring.ts). References to resources that were
// not read (another resource group, no permission) are listed as notes instead of guessed.
import type { Design, Element, ElementOf, NsgRule, Relation, Route } from '../model/schema';
import { serviceTypeOfResourceType } from '../rules/analysis/private-dns-zones';
import { AZURE_SERVICE_TYPES, nsgRuleSchema, routeSchema, subnetSchema } from '../model/schema';
import { armKey, armName, parentArmId, parseArmId } from './arm-id';
import { pick, pickArray, pickBoolean, pickNumber, pickString, type ArmResource, type ArmSnapshot } from './arm-shapes';
import { IdAllocator } from './element-ids';
import { mapDnsResolvers } from './map-arm-dns-resolvers';
import { mapArmMonitoring } from './map-arm-monitoring';

export interface MapOptions {
  readonly name: string;
  readonly description?: string;
}

export interface MapResult {
  readonly design: Design;
  /** Things the import could not represent or resolve, one sentence each. */
  readonly notes: string[];
}

type AzureServiceType = (typeof AZURE_SERVICE_TYPES)[number];

/** The design service type of an ARM resource type; `other` keeps the type in `resourceType`. */
export function serviceTypeOf(resourceType: string): AzureServiceType {
  return serviceTypeOfResourceType(resourceType) ?? 'other';
}

const byName = (a: ArmResource, b: ArmResource) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id);
const sorted = (list: readonly ArmResource[]) => [...list].sort(byName);

function placement(id: string): { subscriptionId?: string; resourceGroup?: string } {
  const parsed = parseArmId(id);
  return {
    ...(parsed.subscriptionId ? { subscriptionId: parsed.subscriptionId } : {}),
    ...(parsed.resourceGroup ? { resourceGroup: parsed.resourceGroup } : {}),
  };
}

function strings(list: unknown[] | undefined): string[] | undefined {
  return list?.filter((s): s is string => typeof s === 'string');
}

/** Maps a snapshot to a design without positions (the caller lays it out). Deterministic: same input, same output. */
export function mapArmToDesign(snapshot: ArmSnapshot, options: MapOptions): MapResult {
  const ids = new IdAllocator();
  const notes: string[] = [];
  const elements: Element[] = [];
  const relations: Relation[] = [];
  const relIds = new IdAllocator();
  /** ARM id (lower case) → design element id. */
  const byArmId = new Map<string, string>();
  /** VNet ARM id (lower case) + '/' + subnet name (lower case) → subnet element id. */
  const subnetByVnetAndName = new Map<string, string>();

  const addElement = (armId: string, element: Element) => {
    elements.push(element);
    byArmId.set(armKey(armId), element.id);
  };
  const addRelation = <R extends Relation>(r: Omit<R, 'id'>) => {
    const id = relIds.allocate(`${r.kind}-${r.from}-${r.to}`);
    relations.push({ id, ...r } as unknown as Relation);
  };
  const resolve = (armId: string | undefined) => (armId === undefined ? undefined : byArmId.get(armKey(armId)));

  // Resources that others point at come first, so the references below can be resolved in one pass.
  for (const nat of sorted(snapshot.natGateways)) {
    const pips = (pickArray(nat, 'properties', 'publicIpAddresses')?.length ?? 0) + (pickArray(nat, 'properties', 'publicIpPrefixes')?.length ?? 0);
    const idle = pickNumber(nat, 'properties', 'idleTimeoutInMinutes');
    addElement(nat.id, {
      id: ids.allocate(nat.name), kind: 'natGateway', name: nat.name,
      ...(nat.location ? { region: nat.location } : {}),
      publicIpCount: pips,
      ...(idle !== undefined ? { idleTimeoutMinutes: idle } : {}),
      ...placement(nat.id),
    });
  }
  for (const nsg of sorted(snapshot.networkSecurityGroups)) {
    const rules: NsgRule[] = [];
    for (const raw of pickArray(nsg, 'properties', 'securityRules') ?? []) {
      const rule = nsgRuleOf(raw);
      if (rule) rules.push(rule);
      else notes.push(`NSG ${nsg.name}: rule ${pickString(raw, 'name') ?? '?'} uses a shape the designer does not model (kept out).`);
    }
    rules.sort((a, b) => a.direction.localeCompare(b.direction) || a.priority - b.priority);
    addElement(nsg.id, {
      id: ids.allocate(nsg.name), kind: 'nsg', name: nsg.name,
      ...(nsg.location ? { region: nsg.location } : {}), rules, ...placement(nsg.id),
    });
  }
  for (const rt of sorted(snapshot.routeTables)) {
    const routes: Route[] = [];
    for (const raw of pickArray(rt, 'properties', 'routes') ?? []) {
      const route = routeSchema.safeParse({
        name: pickString(raw, 'name'),
        addressPrefix: pickString(raw, 'properties', 'addressPrefix'),
        nextHopType: pickString(raw, 'properties', 'nextHopType'),
        ...(pickString(raw, 'properties', 'nextHopIpAddress') ? { nextHopIpAddress: pickString(raw, 'properties', 'nextHopIpAddress') } : {}),
      });
      if (route.success) routes.push(route.data);
      else notes.push(`Route table ${rt.name}: route ${pickString(raw, 'name') ?? '?'} could not be read (kept out).`);
    }
    const disabled = pickBoolean(rt, 'properties', 'disableBgpRoutePropagation');
    addElement(rt.id, {
      id: ids.allocate(rt.name), kind: 'routeTable', name: rt.name,
      ...(rt.location ? { region: rt.location } : {}), routes,
      ...(disabled !== undefined ? { bgpRoutePropagation: !disabled } : {}),
      ...placement(rt.id),
    });
  }

  // VNets and their subnets.
  for (const vnet of sorted(snapshot.virtualNetworks)) {
    const vnetId = ids.allocate(vnet.name);
    addElement(vnet.id, {
      id: vnetId, kind: 'vnet', name: vnet.name,
      ...(vnet.location ? { region: vnet.location } : {}),
      addressSpaces: strings(pickArray(vnet, 'properties', 'addressSpace', 'addressPrefixes')) ?? [],
      dnsServers: strings(pickArray(vnet, 'properties', 'dhcpOptions', 'dnsServers')) ?? [],
      ...placement(vnet.id),
    });
    const subnets = (pickArray(vnet, 'properties', 'subnets') ?? []) as ArmResource[];
    for (const subnet of [...subnets].sort(byName)) {
      const subnetId = ids.allocate(subnet.name, `${vnet.name}-${subnet.name}`);
      const element = subnetElement(subnet, subnetId, vnetId, notes, vnet.name);
      addElement(subnet.id ?? `${vnet.id}/subnets/${subnet.name}`, element);
      subnetByVnetAndName.set(`${armKey(vnet.id)}/${subnet.name.toLowerCase()}`, subnetId);
      const associations = [
        ['natGateway', 'natAssociation', 'NAT gateway'],
        ['networkSecurityGroup', 'nsgAssociation', 'NSG'],
        ['routeTable', 'routeTableAssociation', 'route table'],
      ] as const;
      for (const [prop, kind, label] of associations) {
        const ref = pickString(subnet, 'properties', prop, 'id');
        if (ref === undefined) continue;
        const from = resolve(ref);
        if (from) addRelation({ kind, from, to: subnetId });
        else notes.push(`Subnet ${vnet.name}/${subnet.name} uses ${label} ${ref}, which was not read (another resource group or no permission).`);
      }
    }
  }

  // Peerings: the separate child list and any inline copies, once each.
  const peerings = new Map<string, ArmResource>();
  for (const p of snapshot.virtualNetworkPeerings) peerings.set(armKey(p.id), p);
  for (const vnet of snapshot.virtualNetworks) {
    for (const p of (pickArray(vnet, 'properties', 'virtualNetworkPeerings') ?? []) as ArmResource[]) {
      if (typeof p?.id === 'string' && !peerings.has(armKey(p.id))) peerings.set(armKey(p.id), p);
    }
  }
  for (const p of [...peerings.values()].sort((a, b) => a.id.localeCompare(b.id))) {
    const from = resolve(parentArmId(p.id));
    const remote = pickString(p, 'properties', 'remoteVirtualNetwork', 'id');
    const to = resolve(remote);
    if (!from) continue;
    if (!to) {
      notes.push(`Peering ${p.name} points at VNet ${remote ?? '(none)'}, which was not read.`);
      continue;
    }
    const flags = Object.fromEntries(
      (['allowVirtualNetworkAccess', 'allowForwardedTraffic', 'allowGatewayTransit', 'useRemoteGateways'] as const)
        .map((f) => [f, pickBoolean(p, 'properties', f)] as const)
        .filter(([, v]) => v !== undefined),
    );
    addRelation({ kind: 'peering', from, to, ...flags });
  }

  // Gateways live in the GatewaySubnet of a VNet.
  for (const gw of sorted(snapshot.virtualNetworkGateways)) {
    const subnetRef = pickString(pickArray(gw, 'properties', 'ipConfigurations')?.[0], 'properties', 'subnet', 'id');
    const parent = subnetRef ? resolve(parentArmId(subnetRef)) : undefined;
    if (!parent) {
      notes.push(`Gateway ${gw.name}: its VNet ${subnetRef ? parentArmId(subnetRef) : '(unknown)'} was not read, so it is left out.`);
      continue;
    }
    const gatewayType = pickString(gw, 'properties', 'gatewayType');
    const sku = pickString(gw, 'properties', 'sku', 'name') ?? gw.sku?.name;
    if (gatewayType === 'ExpressRoute') {
      addElement(gw.id, { id: ids.allocate(gw.name), kind: 'expressRouteGateway', name: gw.name, ...(sku ? { sku } : {}), parent });
    } else {
      const activeActive = pickBoolean(gw, 'properties', 'activeActive');
      addElement(gw.id, {
        id: ids.allocate(gw.name), kind: 'vpnGateway', name: gw.name, ...(sku ? { sku } : {}),
        ...(activeActive !== undefined ? { activeActive } : {}), parent,
      });
    }
  }

  // Private DNS zones and their VNet links.
  for (const zone of sorted(snapshot.privateDnsZones)) {
    addElement(zone.id, { id: ids.allocate(zone.name), kind: 'privateDnsZone', name: zone.name, ...placement(zone.id) });
  }
  for (const link of [...snapshot.virtualNetworkLinks].sort((a, b) => a.id.localeCompare(b.id))) {
    const from = resolve(parentArmId(link.id));
    const vnetRef = pickString(link, 'properties', 'virtualNetwork', 'id');
    const to = resolve(vnetRef);
    if (!from) continue;
    if (!to) {
      notes.push(`DNS zone link ${link.name} points at VNet ${vnetRef ?? '(none)'}, which was not read.`);
      continue;
    }
    const registrationEnabled = pickBoolean(link, 'properties', 'registrationEnabled');
    addRelation({ kind: 'dnsZoneLink', from, to, ...(registrationEnabled !== undefined ? { registrationEnabled } : {}) });
  }

  // Private endpoints, their targets (as Azure services) and DNS zone groups.
  const services = new Map<string, string>();
  /** The Azure service element of an ARM id, made on first mention (a private link target, a flow log's storage). */
  const serviceFor = (target: string): string => {
    let serviceId = services.get(armKey(target));
    if (!serviceId) {
      const parsed = parseArmId(target);
      const serviceType = serviceTypeOf(parsed.type ?? '');
      serviceId = ids.allocate(armName(target));
      services.set(armKey(target), serviceId);
      byArmId.set(armKey(target), serviceId);
      const service: ElementOf<'azureService'> = {
        id: serviceId, kind: 'azureService', name: armName(target), serviceType,
        ...(serviceType === 'other' && parsed.type ? { resourceType: parsed.type } : {}),
        ...placement(target),
      };
      elements.push(service);
    }
    return serviceId;
  };
  for (const pe of sorted(snapshot.privateEndpoints)) {
    const connection = (pickArray(pe, 'properties', 'privateLinkServiceConnections')?.[0]
      ?? pickArray(pe, 'properties', 'manualPrivateLinkServiceConnections')?.[0]);
    const groupId = strings(pickArray(connection, 'properties', 'groupIds'))?.[0];
    const peId = ids.allocate(pe.name);
    addElement(pe.id, {
      id: peId, kind: 'privateEndpoint', name: pe.name,
      ...(groupId ? { groupId } : {}), ...(pe.location ? { region: pe.location } : {}), ...placement(pe.id),
    });
    const subnetRef = pickString(pe, 'properties', 'subnet', 'id');
    const subnet = resolve(subnetRef);
    if (subnet) addRelation({ kind: 'peSubnet', from: peId, to: subnet });
    else if (subnetRef) notes.push(`Private endpoint ${pe.name} is in subnet ${subnetRef}, which was not read.`);
    const target = pickString(connection, 'properties', 'privateLinkServiceId');
    if (target) addRelation({ kind: 'peTarget', from: peId, to: serviceFor(target) });
  }
  for (const group of [...snapshot.privateDnsZoneGroups].sort((a, b) => a.id.localeCompare(b.id))) {
    const from = resolve(parentArmId(group.id));
    if (!from) continue;
    for (const config of pickArray(group, 'properties', 'privateDnsZoneConfigs') ?? []) {
      const zoneRef = pickString(config, 'properties', 'privateDnsZoneId');
      const to = resolve(zoneRef);
      if (to) addRelation({ kind: 'peDnsZone', from, to });
      else if (zoneRef) notes.push(`Private endpoint ${armName(parentArmId(group.id))} registers in DNS zone ${zoneRef}, which was not read.`);
    }
  }

  mapDnsResolvers(snapshot, { ids, notes, resolve, addElement, addRelation });
  mapArmMonitoring(snapshot, { ids, addElement, addRelation, resolve, serviceFor, notes, placement, kindOf: (id) => elements.find((e) => e.id === id)?.kind });

  // Enterprise policies (NetworkInjection): VNet id + subnet name pairs.
  for (const policy of sorted(snapshot.enterprisePolicies)) {
    const policyId = ids.allocate(policy.name);
    const raw = pick(policy, 'properties', 'networkInjection', 'virtualNetworks');
    const networks = Array.isArray(raw) ? raw : pickArray(raw, 'value');
    const networksShape = raw === undefined ? undefined : Array.isArray(raw) ? 'array' : networks ? 'valueWrapper' : 'other';
    const unresolved: { vnet: string; subnet: string }[] = [];
    const targets: string[] = [];
    for (const n of networks ?? []) {
      const vnetRef = pickString(n, 'id') ?? '';
      const subnetName = pickString(n, 'subnet', 'name') ?? '';
      const subnet = subnetByVnetAndName.get(`${armKey(vnetRef)}/${subnetName.toLowerCase()}`);
      if (subnet) targets.push(subnet);
      else unresolved.push({ vnet: vnetRef === '' ? '(none)' : armName(vnetRef), subnet: subnetName === '' ? '(none)' : subnetName });
    }
    addElement(policy.id, {
      id: policyId, kind: 'enterprisePolicy', name: policy.name,
      ...(policy.location ? { geography: policy.location } : {}),
      ...placement(policy.id),
      ...(policy.kind ? { policyKind: policy.kind } : {}),
      ...(networksShape ? { networksShape } : {}),
      ...(unresolved.length > 0 ? { unresolvedSubnets: unresolved } : {}),
    });
    for (const to of targets) addRelation({ kind: 'policySubnet', from: policyId, to });
    for (const u of unresolved) {
      notes.push(`Enterprise policy ${policy.name} names subnet ${u.subnet} in VNet ${u.vnet}, which was not read.`);
    }
  }

  const design: Design = {
    version: 1,
    name: options.name,
    ...(options.description ? { description: options.description } : {}),
    elements,
    relations,
  };
  return { design, notes };
}

function subnetElement(subnet: ArmResource, id: string, parent: string, notes: string[], vnetName: string): ElementOf<'subnet'> {
  const prefix = pickString(subnet, 'properties', 'addressPrefix') ?? strings(pickArray(subnet, 'properties', 'addressPrefixes'))?.[0];
  const delegations = (pickArray(subnet, 'properties', 'delegations') ?? [])
    .map((d) => pickString(d, 'properties', 'serviceName'))
    .filter((s): s is string => s !== undefined);
  const pePolicies = pickString(subnet, 'properties', 'privateEndpointNetworkPolicies');
  const allowedPolicies = subnetSchema.shape.privateEndpointNetworkPolicies.unwrap().options as readonly string[];
  const outbound = pickBoolean(subnet, 'properties', 'defaultOutboundAccess');
  const endpoints = (pickArray(subnet, 'properties', 'serviceEndpoints') ?? [])
    .map((s) => pickString(s, 'service'))
    .filter((s): s is string => s !== undefined);
  if (pePolicies !== undefined && !allowedPolicies.includes(pePolicies)) {
    notes.push(`Subnet ${vnetName}/${subnet.name}: privateEndpointNetworkPolicies '${pePolicies}' is not modelled (left out).`);
  }
  return {
    id, kind: 'subnet', name: subnet.name,
    ...(prefix ? { addressPrefix: prefix } : {}),
    delegations,
    ...(pePolicies !== undefined && allowedPolicies.includes(pePolicies)
      ? { privateEndpointNetworkPolicies: pePolicies as ElementOf<'subnet'>['privateEndpointNetworkPolicies'] }
      : {}),
    ...(outbound !== undefined ? { defaultOutboundAccess: outbound } : {}),
    ...(endpoints.length > 0 ? { serviceEndpoints: endpoints } : {}),
    parent,
  };
}

function nsgRuleOf(raw: unknown): NsgRule | undefined {
  const p = (key: string) => pickString(raw, 'properties', key);
  const joined = (single: string, plural: string) => p(single) ?? strings(pickArray(raw, 'properties', plural))?.join(',');
  const parsed = nsgRuleSchema.safeParse({
    name: pickString(raw, 'name'),
    priority: pickNumber(raw, 'properties', 'priority'),
    direction: p('direction'),
    access: p('access'),
    protocol: p('protocol'),
    sourceAddressPrefix: joined('sourceAddressPrefix', 'sourceAddressPrefixes'),
    sourcePortRange: joined('sourcePortRange', 'sourcePortRanges'),
    destinationAddressPrefix: joined('destinationAddressPrefix', 'destinationAddressPrefixes'),
    destinationPortRange: joined('destinationPortRange', 'destinationPortRanges'),
    ...(p('description') ? { description: p('description') } : {}),
  });
  return parsed.success ? parsed.data : undefined;
}
