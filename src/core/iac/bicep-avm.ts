// Reads calls of the Azure Verified Modules for networking (`br/public:avm/res/network/<name>:<version>`),
// whose source is in a registry ppvnet cannot reach, by their documented parameters: each call becomes the
// ARM resources the module deploys, and its outputs (resourceId, name, subnetResourceIds…) refer to them,
// so the rules judge an AVM layout exactly like the same resources written by hand.
import type { SourceLocation } from '../model/source-range';
import type { IacResource } from './iac-resource';
import { items, propOf, unknownAt, type ObjValue, type Prop, type Value } from './iac-value';

/** One instance of an AVM module call (one per loop element), with its evaluated `params`. */
export interface AvmCall {
  /** Resource key of the instance (`vnetWeu`, `nets.0`); child resources get `<key>.<part>`. */
  readonly key: string;
  readonly params: Value;
  /** The module declaration's header, its whole extent, and its path string. */
  readonly at: SourceLocation;
  readonly extent: SourceLocation;
  readonly pathAt: SourceLocation;
  readonly address?: string;
}

export interface AvmRead {
  readonly resources: IacResource[];
  /** What `<symbol>.outputs` evaluates to. */
  readonly outputs: ObjValue;
}

/** The modules read by their documented interface, and where that interface is written. */
const READERS = new Map<string, (call: AvmCall) => AvmRead>([
  ['virtual-network', virtualNetwork],
  ['private-endpoint', privateEndpoint],
  ['private-dns-zone', privateDnsZone],
  ['network-security-group', networkSecurityGroup],
  ['nat-gateway', natGateway],
  ['route-table', routeTable],
]);

/** `br/public:avm/res/network/virtual-network:0.7.0` → `virtual-network`; undefined for any other path. */
export function avmNetworkModule(path: string): string | undefined {
  return /^br\/public:avm\/res\/network\/([a-z0-9-]+):[^/]+$/i.exec(path)?.[1]?.toLowerCase();
}

/** Whether a module path points into a registry or template spec (its source is not on disk). */
export function isRegistryModule(path: string): boolean {
  return /^(br|ts)[:/]/i.test(path);
}

/** The resources and outputs of an AVM call, or undefined when ppvnet does not know the module. */
export function readAvmCall(path: string, call: AvmCall): AvmRead | undefined {
  const name = avmNetworkModule(path);
  // A Map, so a module named like a built-in property (`constructor`) finds nothing.
  const reader = name ? READERS.get(name) : undefined;
  return reader?.(call);
}

/** Why a registry module is not read, for the reader's note on the module declaration. */
export function registryModuleNote(path: string): string {
  const avm = avmNetworkModule(path);
  if (avm) return `Module '${path}' is not read: ppvnet reads the AVM network modules ${[...READERS.keys()].join(', ')} by their documented parameters, not '${avm}'; its resources are not checked.`;
  return `Module '${path}' is not read: its source is in a registry or template spec that ppvnet cannot open, and it is not an AVM network module ppvnet knows; its resources are not checked.`;
}

// ---- building ARM-shaped values -----------------------------------------------------------------

type Entries = Record<string, Prop | undefined>;

function obj(at: SourceLocation, entries: Entries): Prop {
  const props = new Map<string, Prop>();
  for (const [k, p] of Object.entries(entries)) if (p) props.set(k, p);
  return { value: { t: 'obj', props, at }, at };
}

function arr(at: SourceLocation, list: readonly Value[]): Prop {
  return { value: { t: 'arr', items: list, at }, at };
}

const lit = (value: Value): Prop => ({ value, at: value.at });
const bool = (v: boolean, at: SourceLocation): Prop => ({ value: { t: 'bool', v, at }, at });

/** A parameter as written, or undefined when absent (or written as '' / null, which AVM treats as absent). */
function param(from: Value | undefined, key: string): Prop | undefined {
  const p = propOf(from, key);
  if (!p || p.value.t === 'null' || (p.value.t === 'str' && p.value.v === '')) return undefined;
  return p;
}

/** `{ id: <param> }`, the ARM shape of a reference parameter such as `natGatewayResourceId`. */
function idOf(from: Value | undefined, key: string): Prop | undefined {
  const p = param(from, key);
  return p ? obj(p.at, { id: p }) : undefined;
}

/** Each item of a list parameter mapped, or the unknown value itself when the list is not known. */
function mapList(p: Prop | undefined, f: (item: Value, i: number) => Value): Prop | undefined {
  if (!p) return undefined;
  const list = items(p.value);
  return list ? { value: { t: 'arr', items: list.map(f), at: p.value.at }, at: p.at } : p;
}

function resource(call: AvmCall, key: string, type: string, body: Prop, parentKey?: string): IacResource {
  return {
    key, flavour: 'arm', type, typeAt: call.pathAt, body: body.value as ObjValue, at: call.at, extent: call.extent,
    ...(call.address && key === call.key ? { address: call.address } : {}), ...(parentKey ? { parentKey } : {}),
  };
}

/** The outputs every AVM resource module has: resourceId and name refer to the main resource. */
function commonOutputs(call: AvmCall, extra: Entries = {}): ObjValue {
  const name = param(call.params, 'name');
  const ref = (path: string) => ({ target: call.key, path: [path] });
  return obj(call.at, {
    resourceId: lit(unknownAt(call.at, ref('id'))),
    name: lit(name && name.value.t === 'str' ? { ...name.value, ref: ref('name') } : unknownAt(call.at, ref('name'))),
    location: param(call.params, 'location'),
    ...extra,
  }).value as ObjValue;
}

// ---- the modules ---------------------------------------------------------------------------------

/** avm/res/network/virtual-network: addressPrefixes, dnsServers, subnets[], peerings[]. */
function virtualNetwork(call: AvmCall): AvmRead {
  const p = call.params;
  const subnets = mapList(param(p, 'subnets'), (s) => subnet(s).value);
  const peerings = mapList(param(p, 'peerings'), (x) => peering(x).value);
  const dns = param(p, 'dnsServers');
  const body = obj(call.at, {
    name: param(p, 'name'),
    location: param(p, 'location'),
    properties: obj(call.at, {
      addressSpace: obj(call.at, { addressPrefixes: param(p, 'addressPrefixes') }),
      dhcpOptions: dns ? obj(dns.at, { dnsServers: dns }) : undefined,
      // The module deploys no subnet and no peering when the lists are left out.
      subnets: subnets ?? arr(call.at, []),
      virtualNetworkPeerings: peerings,
    }),
  });
  const resources = [resource(call, call.key, 'Microsoft.Network/virtualNetworks', body), ...remotePeerings(call)];
  const list = items(subnets?.value);
  const subnetOutput = (path: string, f: (s: Value, i: number) => Value): Prop =>
    list ? arr(call.at, list.map(f)) : lit(unknownAt(call.at, { target: call.key, path: ['properties', 'subnets', path] }));
  const outputs = commonOutputs(call, {
    subnetResourceIds: subnetOutput('id', (_s, i) => unknownAt(call.at, { target: call.key, path: ['properties', 'subnets', i, 'id'] })),
    subnetNames: subnetOutput('name', (s) => propOf(s, 'name')?.value ?? unknownAt(call.at)),
  });
  return { resources, outputs };
}

/** One `subnets[]` item (AVM shape) as an ARM inline subnet. */
function subnet(s: Value): Prop {
  const delegation = param(s, 'delegation');
  const delegations = param(s, 'delegations')
    ?? (delegation ? arr(delegation.at, [obj(delegation.at, { name: delegation, properties: obj(delegation.at, { serviceName: delegation }) }).value]) : undefined);
  // Newer versions take service endpoints as plain names, older ones as { service } objects.
  const endpoints = mapList(param(s, 'serviceEndpoints'), (e) => (e.t === 'str' ? obj(e.at, { service: lit(e) }).value : e));
  return obj(s.at, {
    name: param(s, 'name'),
    properties: obj(s.at, {
      addressPrefix: param(s, 'addressPrefix'),
      addressPrefixes: param(s, 'addressPrefixes'),
      delegations,
      natGateway: idOf(s, 'natGatewayResourceId'),
      networkSecurityGroup: idOf(s, 'networkSecurityGroupResourceId'),
      routeTable: idOf(s, 'routeTableResourceId'),
      privateEndpointNetworkPolicies: param(s, 'privateEndpointNetworkPolicies'),
      defaultOutboundAccess: param(s, 'defaultOutboundAccess'),
      serviceEndpoints: endpoints,
    }),
  });
}

/**
 * One `peerings[]` item with the module's documented defaults (forwarded traffic and VNet access on). The
 * reverse peering (`remotePeering*` keys) points back at `back`, the VNet the module deploys.
 */
function peering(x: Value, back?: Prop): Prop {
  const key = (k: string) => (back ? `remotePeering${k[0]!.toUpperCase()}${k.slice(1)}` : k);
  const opt = (k: string, fallback: boolean) => param(x, key(k)) ?? bool(fallback, x.at);
  return obj(x.at, {
    name: param(x, key('name')),
    properties: obj(x.at, {
      remoteVirtualNetwork: back ? obj(x.at, { id: back }) : idOf(x, 'remoteVirtualNetworkId'),
      allowVirtualNetworkAccess: opt('allowVirtualNetworkAccess', true),
      allowForwardedTraffic: opt('allowForwardedTraffic', true),
      allowGatewayTransit: opt('allowGatewayTransit', false),
      useRemoteGateways: opt('useRemoteGateways', false),
    }),
  });
}

/** `remotePeeringEnabled: true` also deploys the peering back from the remote VNet, when that VNet is known. */
function remotePeerings(call: AvmCall): IacResource[] {
  const out: IacResource[] = [];
  for (const [i, x] of (items(param(call.params, 'peerings')?.value) ?? []).entries()) {
    const enabled = propOf(x, 'remotePeeringEnabled')?.value;
    const remote = propOf(x, 'remoteVirtualNetworkId')?.value.ref;
    if (enabled?.t !== 'bool' || !enabled.v || !remote || remote.suffix !== undefined || remote.path.join('.') !== 'id') continue;
    const body = peering(x, lit(unknownAt(x.at, { target: call.key, path: ['id'] })));
    out.push(resource(call, `${call.key}.remote-peering-${i}`, 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings', body, remote.target));
  }
  return out;
}

/** avm/res/network/private-endpoint: subnetResourceId, privateLinkServiceConnections, DNS zone group. */
function privateEndpoint(call: AvmCall): AvmRead {
  const p = call.params;
  // Early versions took one target as serviceResourceId + groupIds.
  const service = param(p, 'serviceResourceId');
  const legacy = service ? arr(service.at, [obj(service.at, { name: param(p, 'name'), properties: obj(service.at, { privateLinkServiceId: service, groupIds: param(p, 'groupIds') }) }).value]) : undefined;
  const body = obj(call.at, {
    name: param(p, 'name'),
    location: param(p, 'location'),
    properties: obj(call.at, {
      subnet: idOf(p, 'subnetResourceId'),
      privateLinkServiceConnections: param(p, 'privateLinkServiceConnections') ?? legacy,
      manualPrivateLinkServiceConnections: param(p, 'manualPrivateLinkServiceConnections'),
    }),
  });
  const resources = [resource(call, call.key, 'Microsoft.Network/privateEndpoints', body)];
  // Current versions: privateDnsZoneGroup.privateDnsZoneGroupConfigs[].privateDnsZoneResourceId; earlier: privateDnsZoneResourceIds[].
  const group = param(p, 'privateDnsZoneGroup');
  const zones = group ? mapList(param(group.value, 'privateDnsZoneGroupConfigs'), (c) => propOf(c, 'privateDnsZoneResourceId')?.value ?? unknownAt(c.at)) : param(p, 'privateDnsZoneResourceIds');
  const configs = mapList(zones, (z) => obj(z.at, { properties: obj(z.at, { privateDnsZoneId: lit(z) }) }).value);
  if (configs) {
    resources.push(resource(call, `${call.key}.dns-zone-group`, 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups', obj(configs.at, { properties: obj(configs.at, { privateDnsZoneConfigs: configs }) }), call.key));
  }
  return { resources, outputs: commonOutputs(call) };
}

/** avm/res/network/private-dns-zone: the zone and its virtualNetworkLinks[]. */
function privateDnsZone(call: AvmCall): AvmRead {
  const p = call.params;
  const resources = [resource(call, call.key, 'Microsoft.Network/privateDnsZones', obj(call.at, { name: param(p, 'name'), location: param(p, 'location') }))];
  for (const [i, link] of (items(param(p, 'virtualNetworkLinks')?.value) ?? []).entries()) {
    const body = obj(link.at, {
      name: param(link, 'name'),
      properties: obj(link.at, {
        virtualNetwork: idOf(link, 'virtualNetworkResourceId'),
        registrationEnabled: param(link, 'registrationEnabled') ?? bool(false, link.at),
      }),
    });
    resources.push(resource(call, `${call.key}.link-${i}`, 'Microsoft.Network/privateDnsZones/virtualNetworkLinks', body, call.key));
  }
  return { resources, outputs: commonOutputs(call) };
}

/** avm/res/network/network-security-group: securityRules[] in the ARM shape ({ name, properties }). */
function networkSecurityGroup(call: AvmCall): AvmRead {
  const p = call.params;
  const body = obj(call.at, {
    name: param(p, 'name'),
    location: param(p, 'location'),
    properties: obj(call.at, { securityRules: param(p, 'securityRules') ?? arr(call.at, []) }),
  });
  return { resources: [resource(call, call.key, 'Microsoft.Network/networkSecurityGroups', body)], outputs: commonOutputs(call) };
}

/** avm/res/network/nat-gateway: idleTimeoutInMinutes and its public IPs (existing ones or ones it creates). */
function natGateway(call: AvmCall): AvmRead {
  const p = call.params;
  const lists = ['publicIpResourceIds', 'publicIPAddressObjects', 'publicIPPrefixResourceIds'].map((k) => param(p, k));
  const known = lists.map((l) => (l ? items(l.value) : []));
  // Prefixes give a range, not a count; with none of the lists written the count is not documented.
  const ips = lists.some(Boolean) && !lists[2] && known.every(Boolean) ? arr(call.at, [...known[0]!, ...known[1]!]) : undefined;
  const body = obj(call.at, {
    name: param(p, 'name'),
    location: param(p, 'location'),
    properties: obj(call.at, { idleTimeoutInMinutes: param(p, 'idleTimeoutInMinutes'), publicIpAddresses: ips }),
  });
  return { resources: [resource(call, call.key, 'Microsoft.Network/natGateways', body)], outputs: commonOutputs(call) };
}

/** avm/res/network/route-table: routes[] in the ARM shape, disableBgpRoutePropagation. */
function routeTable(call: AvmCall): AvmRead {
  const p = call.params;
  const body = obj(call.at, {
    name: param(p, 'name'),
    location: param(p, 'location'),
    properties: obj(call.at, { routes: param(p, 'routes') ?? arr(call.at, []), disableBgpRoutePropagation: param(p, 'disableBgpRoutePropagation') }),
  });
  return { resources: [resource(call, call.key, 'Microsoft.Network/routeTables', body)], outputs: commonOutputs(call) };
}
