// Maps the ARM resources of a subscription (ArmSnapshot) to a design through the one ARM mapping the Bicep
// reader uses (iac/arm-mapping on a DesignBuilder, NSG rules and routes through iac/rule-rows). The JSON
// becomes evaluated values whose ARM ids point at the resources read, so relations resolve by id, never by
// name; what Azure adds is placement (subscription, group), private link targets and flow log storage accounts
// as services, diagnostic settings as extension resources of the id they sit under, and a note for each
// reference to a resource that was not read (another resource group, no permission) instead of a guess.
import { ELEMENT_LABELS } from '../model/labels';
import type { Design, Element } from '../model/schema';
import type { SourceLocation } from '../model/source-range';
import { ZERO_RANGE } from '../model/source-range';
import { mapArmResources } from '../iac/arm-mapping';
import { forwardingRuleOf } from '../iac/arm-dns-resolvers';
import { DesignBuilder } from '../iac/design-builder';
import type { IacResource } from '../iac/iac-resource';
import type { ObjValue, Prop, Value } from '../iac/iac-value';
import { serviceTypeOfResourceType } from '../rules/analysis/private-dns-zones';
import { AZURE_SERVICE_TYPES } from '../model/schema';
import { armKey, armName, parentArmId, parseArmId } from './arm-id';
import { pick, pickArray, pickString, type ArmResource, type ArmSnapshot } from './arm-shapes';
import { IdAllocator } from './element-ids';

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

/** One resource handed to the ARM mapping, with what the notes and the placement need. */
interface Entry {
  readonly resource: IacResource;
  readonly armId: string;
  /** How a note names it: "Subnet hub/snet-app". */
  readonly subject: string;
  /** Top-level resources carry their subscription and resource group. */
  readonly placed: boolean;
  readonly json: unknown;
}

const byName = (a: ArmResource, b: ArmResource) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id);
const sorted = (list: readonly ArmResource[]) => [...list].sort(byName);
const INSIGHTS = '/providers/microsoft.insights/';
const byId = (list: Iterable<ArmResource>) => [...list].sort((a, b) => a.id.localeCompare(b.id));

/** Maps a snapshot to a design without positions (the caller lays it out). Deterministic: same input, same output. */
export function mapArmToDesign(snapshot: ArmSnapshot, options: MapOptions): MapResult {
  const left: string[] = [];
  const entries = snapshotEntries(snapshot, left);
  const b = new DesignBuilder();
  mapArmResources(entries.map((e) => e.resource), b);

  const bySubject = new Map(entries.map((e) => [e.resource.at.file, e]));
  for (const e of entries) {
    const el = b.element(e.resource.key);
    if (el && e.placed) Object.assign(el, placement(e.armId));
  }
  const design: Design = {
    version: 1,
    name: options.name,
    ...(options.description ? { description: options.description } : {}),
    elements: b.elements as unknown as Element[],
    relations: b.relations as unknown as Design['relations'],
  };
  return { design, notes: [...left, ...notesOf(entries, b, bySubject)] };
}

/**
 * The snapshot as ARM resources in the order ids are handed out (resources others point at first, a
 * subnet after its VNet, a private link target where its first endpoint names it), with keys that are
 * already the design ids, so the builder keeps them. What is left out before mapping gets a note in `left`.
 */
function snapshotEntries(snapshot: ArmSnapshot, left: string[]): Entry[] {
  const ids = new IdAllocator();
  const planned: { res: ArmResource; type: string; key: string; subject: string; placed: boolean; parent?: string; scope?: string }[] = [];
  const keyOf = new Map<string, string>();
  const typeOf = new Map<string, string>();
  const add = (res: ArmResource, type: string, subject: string, key: string, placed: boolean, parent?: string, scope?: string) => {
    planned.push({ res, type, key, subject, placed, ...(parent ? { parent } : {}), ...(scope ? { scope } : {}) });
    keyOf.set(armKey(res.id), key);
    typeOf.set(armKey(res.id), type);
  };
  const top = (list: readonly ArmResource[], type: string, label: string) => {
    for (const r of sorted(list)) add(r, type, `${label} ${r.name}`, ids.allocate(r.name), true);
  };

  top(snapshot.natGateways, 'Microsoft.Network/natGateways', 'NAT gateway');
  top(snapshot.networkSecurityGroups, 'Microsoft.Network/networkSecurityGroups', 'NSG');
  top(snapshot.routeTables, 'Microsoft.Network/routeTables', 'Route table');
  for (const vnet of sorted(snapshot.virtualNetworks)) {
    add(vnet, 'Microsoft.Network/virtualNetworks', `VNet ${vnet.name}`, ids.allocate(vnet.name), true);
    const vnetKey = planned[planned.length - 1]!.key;
    for (const subnet of sorted((pickArray(vnet, 'properties', 'subnets') ?? []) as ArmResource[])) {
      const withId = { ...subnet, id: subnet.id ?? `${vnet.id}/subnets/${subnet.name}` };
      add(withId, 'Microsoft.Network/virtualNetworks/subnets', `Subnet ${vnet.name}/${subnet.name}`, ids.allocate(subnet.name, `${vnet.name}-${subnet.name}`), false, vnetKey);
    }
  }
  for (const gw of sorted(snapshot.virtualNetworkGateways)) add(gw, 'Microsoft.Network/virtualNetworkGateways', `Gateway ${gw.name}`, ids.allocate(gw.name), false);
  top(snapshot.privateDnsZones, 'Microsoft.Network/privateDnsZones', 'Private DNS zone');
  const targets = new Set<string>();
  // The service behind an endpoint or a flow log's storage account is not read itself; its id says its
  // type, name and place. It is made where it is first named.
  const service = (target: string | undefined) => {
    if (!target || targets.has(armKey(target))) return;
    targets.add(armKey(target));
    add({ id: target, name: armName(target) }, parseArmId(target).type ?? '', `Service ${armName(target)}`, ids.allocate(armName(target)), true);
  };
  for (const pe of sorted(snapshot.privateEndpoints)) {
    add(pe, 'Microsoft.Network/privateEndpoints', `Private endpoint ${pe.name}`, ids.allocate(pe.name), true);
    const connection = pickArray(pe, 'properties', 'privateLinkServiceConnections')?.[0] ?? pickArray(pe, 'properties', 'manualPrivateLinkServiceConnections')?.[0];
    service(pickString(connection, 'properties', 'privateLinkServiceId'));
  }
  // A resolver is a top-level ARM resource but sits in its VNet in the design, as a gateway does.
  for (const r of sorted(snapshot.dnsResolvers)) add(r, 'Microsoft.Network/dnsResolvers', `DNS resolver ${r.name}`, ids.allocate(r.name), false);
  top(snapshot.dnsForwardingRulesets, 'Microsoft.Network/dnsForwardingRulesets', 'DNS forwarding ruleset');
  top(snapshot.logAnalyticsWorkspaces, 'Microsoft.OperationalInsights/workspaces', 'Log Analytics workspace');
  top(snapshot.networkWatchers, 'Microsoft.Network/networkWatchers', 'Network watcher');
  for (const fl of sorted(snapshot.flowLogs)) {
    const target = pickString(fl, 'properties', 'targetResourceId');
    const name = armName(fl.id);
    if (parseArmId(target ?? '').type?.toLowerCase() !== 'microsoft.network/virtualnetworks') {
      left.push(`Flow log ${name} records ${target ?? '(no target)'}, not a virtual network; only VNet flow logs are modelled (left out).`);
      continue;
    }
    // A flow log is an element of the design (not a relation), so its key is a design id.
    add(fl, 'Microsoft.Network/networkWatchers/flowLogs', `Flow log ${name}`, ids.allocate(name), false, keyOf.get(armKey(parentArmId(fl.id))));
    service(pickString(fl, 'properties', 'storageId'));
  }
  top(snapshot.enterprisePolicies, 'Microsoft.PowerPlatform/enterprisePolicies', 'Enterprise policy');
  // Azure Firewalls: a policy after its firewall (the firewall claims it), rule collection groups as children below.
  top(snapshot.azureFirewalls, 'Microsoft.Network/azureFirewalls', 'Azure Firewall');
  top(snapshot.firewallPolicies, 'Microsoft.Network/firewallPolicies', 'Firewall policy');
  for (const d of byId(snapshot.diagnosticSettings)) {
    // Settings that send only to storage or an event hub have no workspace: the design does not model them.
    if (!pickString(d, 'properties', 'workspaceId')) continue;
    const at = armKey(d.id).indexOf(INSIGHTS);
    const source = at > 0 ? d.id.slice(0, at) : d.id;
    const sourceKey = keyOf.get(armKey(source));
    const sourceType = typeOf.get(armKey(source))?.toLowerCase() ?? '';
    if (!sourceKey) left.push(`Diagnostic setting ${d.name} of ${source}: that resource was not read (another resource group or no permission), so the setting is left out.`);
    else if (sourceType !== 'microsoft.network/natgateways' && !serviceTypeOfResourceType(sourceType) && !targets.has(armKey(source))) {
      left.push(`Diagnostic setting ${d.name} of ${source}: the design models diagnostic settings of NAT gateways and Azure services only (left out).`);
    } else add(d, 'Microsoft.Insights/diagnosticSettings', `Diagnostic setting ${d.name} of ${armName(source)}`, `${sourceKey}.${d.name}`, false, undefined, source);
  }

  // Peerings: the separate child list and any inline copies, once each.
  const peerings = new Map<string, ArmResource>();
  for (const p of snapshot.virtualNetworkPeerings) peerings.set(armKey(p.id), p);
  for (const vnet of snapshot.virtualNetworks) {
    for (const p of (pickArray(vnet, 'properties', 'virtualNetworkPeerings') ?? []) as ArmResource[]) {
      if (typeof p?.id === 'string' && !peerings.has(armKey(p.id))) peerings.set(armKey(p.id), p);
    }
  }
  const children = [
    ...byId(peerings.values()).map((r) => [r, 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings', `Peering ${r.name}`] as const),
    ...byId(snapshot.virtualNetworkLinks).map((r) => [r, 'Microsoft.Network/privateDnsZones/virtualNetworkLinks', `DNS zone link ${r.name}`] as const),
    ...byId(snapshot.privateDnsZoneGroups).map((r) => [r, 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups', `Private endpoint ${armName(parentArmId(r.id))}`] as const),
    // By name, as the ruleset's rules are listed in the design.
    ...sorted(snapshot.dnsResolverInboundEndpoints).map((r) => [r, 'Microsoft.Network/dnsResolvers/inboundEndpoints', `DNS resolver ${armName(parentArmId(r.id))}: inbound endpoint ${r.name}`] as const),
    ...sorted(snapshot.dnsResolverOutboundEndpoints).map((r) => [r, 'Microsoft.Network/dnsResolvers/outboundEndpoints', `DNS resolver ${armName(parentArmId(r.id))}: outbound endpoint ${r.name}`] as const),
    ...sorted(snapshot.dnsForwardingRules).map((r) => [r, 'Microsoft.Network/dnsForwardingRulesets/forwardingRules', `DNS forwarding ruleset ${armName(parentArmId(r.id))}: rule ${r.name}`] as const),
    ...sorted(snapshot.dnsForwardingRulesetLinks).map((r) => [r, 'Microsoft.Network/dnsForwardingRulesets/virtualNetworkLinks', `DNS forwarding ruleset ${armName(parentArmId(r.id))}: VNet link ${r.name}`] as const),
    ...byId(snapshot.firewallPolicyRuleCollectionGroups).map((r) => [r, 'Microsoft.Network/firewallPolicies/ruleCollectionGroups', `Rule collection group ${r.name}`] as const),
  ];
  for (const [r, type, subject] of children) {
    const parent = keyOf.get(armKey(parentArmId(r.id)));
    // A child of a resource that was not read has nothing to attach to; a child becomes a relation, so its
    // key only needs to be unique.
    if (parent) add(r, type, subject, `${parent}.${armName(r.id)}`, false, parent);
  }

  return planned.map((p) => {
    const at: SourceLocation = { file: p.res.id, range: ZERO_RANGE };
    const props = { ...(p.res.properties ?? {}) };
    // Subnets and peerings are handed over as child resources, so they keep their own ids.
    if (p.type === 'Microsoft.Network/virtualNetworks') {
      delete props.subnets;
      delete props.virtualNetworkPeerings;
    }
    const json = {
      name: p.res.name,
      ...(p.scope ? { scope: p.scope } : {}),
      ...(p.res.location ? { location: p.res.location } : {}),
      ...(p.res.kind ? { kind: p.res.kind } : {}),
      ...(p.res.sku ? { sku: p.res.sku } : {}),
      properties: props,
    };
    const body = valueOf(json, at, keyOf) as ObjValue;
    const resource: IacResource = { key: p.key, flavour: 'arm', type: p.type, body, at, extent: at, ...(p.parent ? { parentKey: p.parent } : {}) };
    return { resource, armId: p.res.id, subject: p.subject, placed: p.placed, json };
  });
}

/**
 * ARM JSON as evaluated values. A string that is the id of a resource read points at it (provenance, as
 * `vnet.id` does in Bicep); a subnet id points at its VNet with the subnet as suffix; any other ARM id
 * points at nothing, so it resolves to no element rather than to a namesake.
 */
function valueOf(json: unknown, at: SourceLocation, keys: ReadonlyMap<string, string>): Value {
  if (typeof json === 'string') {
    if (!json.toLowerCase().startsWith('/subscriptions/')) return { t: 'str', v: json, at };
    const key = keys.get(armKey(json));
    if (key) return { t: 'str', v: json, at, ref: { target: key, path: ['id'] } };
    return { t: 'str', v: json, at, ref: { target: `unread:${armKey(json)}`, path: ['id'] } };
  }
  if (typeof json === 'number') return Number.isFinite(json) ? { t: 'num', v: json, at } : { t: 'unknown', at };
  if (typeof json === 'boolean') return { t: 'bool', v: json, at };
  if (json === null || json === undefined) return { t: 'null', at };
  if (Array.isArray(json)) return { t: 'arr', items: json.map((j) => valueOf(j, at, keys)), at };
  const props = new Map<string, Prop>();
  for (const [k, v] of Object.entries(json as Record<string, unknown>)) props.set(k, { value: valueOf(v, at, keys), at });
  return { t: 'obj', props, at };
}

function placement(id: string): { subscriptionId?: string; resourceGroup?: string } {
  const parsed = parseArmId(id);
  return {
    ...(parsed.subscriptionId ? { subscriptionId: parsed.subscriptionId } : {}),
    ...(parsed.resourceGroup ? { resourceGroup: parsed.resourceGroup } : {}),
  };
}

// "Virtual network" reads "virtual network" mid-sentence; "Log Analytics workspace" and "NAT gateway" keep their capitals.
const lowerFirst = (s: string) => (/^[A-Z][^A-Z]*$/.test(s) ? s[0]!.toLowerCase() + s.slice(1) : s);

/** One sentence per thing the import could not follow, each said once. */
function notesOf(entries: readonly Entry[], b: DesignBuilder, bySubject: ReadonlyMap<string, Entry>): string[] {
  const notes = new Set<string>();
  const noted = new Set<string>();
  for (const e of entries) {
    const el = b.element(e.resource.key) as Record<string, unknown> | undefined;
    const type = e.resource.type.toLowerCase();
    const has = (...path: string[]) => pick(e.json, 'properties', ...path) !== undefined;
    // The rule readers are all or nothing: one rule the design cannot hold leaves the set unknown, not partial.
    if (type === 'microsoft.network/networksecuritygroups' && has('securityRules') && el && el.rules === undefined) {
      notes.add(`${e.subject}: a rule uses a shape the designer does not model, so its rules are left out.`);
    }
    if (type === 'microsoft.network/dnsforwardingrulesets/forwardingrules' && b.element(e.resource.parentKey ?? '') && !forwardingRuleOf(e.resource)) {
      notes.add(`${e.subject} could not be read, so the ruleset's rules are left unknown.`);
    }
    if (type === 'microsoft.network/routetables' && has('routes') && el && el.routes === undefined) {
      notes.add(`${e.subject}: a route could not be read, so its routes are left out.`);
    }
    const pePolicies = pickString(e.json, 'properties', 'privateEndpointNetworkPolicies');
    if (type === 'microsoft.network/virtualnetworks/subnets' && pePolicies !== undefined && el && el.privateEndpointNetworkPolicies === undefined) {
      notes.add(`${e.subject}: privateEndpointNetworkPolicies '${pePolicies}' is not modelled (left out).`);
    }
    // A policy names its unread subnets itself (VNet and subnet), which says more than the VNet's id.
    for (const u of (el?.unresolvedSubnets ?? []) as { vnet: string; subnet: string }[]) {
      notes.add(`${e.subject} names subnet ${u.subnet} in VNet ${u.vnet}, which was not read.`);
      noted.add(e.resource.at.file);
    }
  }
  const said = new Set<string>();
  for (const u of b.unresolved) {
    const e = bySubject.get(u.at.file);
    const kind = u.kinds[0];
    // The mapping may look one id up as several kinds (a gateway's subnet: its VNet, then the subnet).
    if (!e || noted.has(u.at.file) || kind === undefined || said.has(`${u.at.file}|${u.text}`)) continue;
    // A child of an element that was left out (a resolver in a VNet not read) is said with its parent.
    if (e.resource.parentKey && !b.element(e.resource.parentKey)) continue;
    said.add(`${u.at.file}|${u.text}`);
    notes.add(`${e.subject} uses ${lowerFirst(ELEMENT_LABELS[kind])} ${u.text ?? '(unknown)'}, which was not read (another resource group or no permission).`);
  }
  for (const s of said) noted.add(s.slice(0, s.indexOf('|')));
  // What the mapping itself could not place (a gateway of an unknown type), unless a note already says why.
  for (const d of b.diagnostics) if (!noted.has(d.file)) notes.add(d.message);
  return [...notes];
}
