// Follows one packet from a subnet to its destination hop by hop: outbound NSG, the effective route
// and what its next hop does (VNet, peering, gateway, NAT/internet, appliance, drop), then the inbound
// NSG of the subnet it lands in. Stops at the first hop that blocks. A modelled Azure Firewall judges
// the packet by its policy (firewall.ts); an appliance whose rules the design does not hold (an NVA, an
// IP no firewall of the design has) is unknown, but what Azure itself drops after it still blocks.
import type { ElementOf } from '../model/schema';
import { formatIpv4, tryCidr, type Cidr } from '../net/cidr';
import { hasPowerPlatformDelegation, label } from '../rules/analysis/power-platform';
import { peeringBetween } from '../rules/analysis/reachability';
import type { Endpoint } from './addresses';
import type { Hop, Trace } from './flow';
import { ipOf, type Network } from './network';
import { evaluateFirewall, knownRules, rulePathText } from './firewall';
import { evaluateNsg, type Packet } from './nsg';
import { selectRoute, userRoute, type EffectiveRoute } from './routes';

export type Destination =
  | { readonly kind: 'address'; readonly cidr: Cidr; readonly onPremisesId?: string; readonly privateEndpoint?: ElementOf<'privateEndpoint'>; readonly peSubnet?: ElementOf<'subnet'> }
  | { readonly kind: 'public'; readonly serviceType?: string; readonly region?: string }
  | { readonly kind: 'azureDns' };

export interface TraceRequest {
  readonly protocol: 'Tcp' | 'Udp';
  readonly port?: number;
  readonly destination: Destination;
  /** The host name the workload calls, which a firewall's FQDN rules judge. */
  readonly host?: string;
}

/** Appliances that forward to further appliances: beyond this many the path is unknown. */
const MAX_APPLIANCES = 3;

const PE_NSG_POLICIES = new Set(['Enabled', 'NetworkSecurityGroupEnabled']);
const PE_ROUTE_POLICIES = new Set(['Enabled', 'RouteTableEnabled']);


export function trace(net: Network, from: ElementOf<'subnet'>, req: TraceRequest): Trace {
  const src = endpointOfSubnet(from);
  const packet: Packet = { protocol: req.protocol, src, dst: endpointOf(req.destination), ports: req.port === undefined ? [0, 65535] : [req.port, req.port] };
  const hops: Hop[] = [];
  const state: WalkState = { appliances: 0, originVnet: net.vnetOf(from)?.id, origin: from, ...(req.host !== undefined ? { host: req.host } : {}), end: { arrived: false, usedHost: false } };
  walk(net, from, packet, req.destination, hops, state);
  return { hops, arrived: state.end.arrived, usedHost: state.end.usedHost };
}

interface WalkState {
  /** Appliances crossed so far; 0 while the packet is still in the delegated subnet. */
  readonly appliances: number;
  /** The VNet the packet started in: traffic an appliance forwards from elsewhere is "forwarded" for peerings. */
  readonly originVnet: string | undefined;
  readonly origin: ElementOf<'subnet'>;
  readonly host?: string;
  /** The Azure Firewall the packet last passed: it leaves for the internet by the firewall's public IP. */
  readonly firewall?: ElementOf<'firewall'>;
  readonly end: { arrived: boolean; usedHost: boolean };
}

function endpointOfSubnet(s: ElementOf<'subnet'>): Endpoint {
  const c = tryCidr(s.addressPrefix);
  return c ? { kind: 'range', cidr: c } : { kind: 'unknown' };
}

function endpointOf(d: Destination): Endpoint {
  if (d.kind === 'address') return { kind: 'range', cidr: d.cidr };
  if (d.kind === 'azureDns') return { kind: 'azureDns' };
  return { kind: 'public', ...(d.serviceType ? { serviceType: d.serviceType } : {}), ...(d.region ? { region: d.region } : {}) };
}

const portText = (p: Packet) => `${p.protocol.toUpperCase()} ${p.ports[0] === p.ports[1] ? p.ports[0] : p.ports[0] === 0 && p.ports[1] === 65535 ? 'any port' : `${p.ports[0]}-${p.ports[1]}`}`;

/** Every NSG on a subnet judges the packet in one direction; returns false when one denies. */
function nsgHops(net: Network, subnet: ElementOf<'subnet'>, direction: 'Inbound' | 'Outbound', p: Packet, hops: Hop[]): boolean {
  for (const nsg of net.nsgs(subnet.id)) {
    const d = evaluateNsg(nsg.rules, direction, p, net.tagContext(subnet));
    const r = d.rule.rule;
    const which = `${d.rule.index === undefined ? 'default rule' : 'rule'} '${r.name}' (priority ${r.priority})`;
    const what = `${direction.toLowerCase()} ${portText(p)} on subnet ${subnet.name}`;
    const ref = d.rule.index === undefined ? { elementId: nsg.id } : { elementId: nsg.id, property: 'rules', item: [d.rule.index] };
    if (d.access === 'Deny') {
      hops.push({ kind: 'nsg', verdict: 'blocked', ...ref, text: `NSG ${label(nsg)} denies ${what} by ${which}.` });
      return false;
    }
    hops.push(
      d.access === 'Allow'
        ? { kind: 'nsg', verdict: 'reachable', ...ref, text: `NSG ${label(nsg)} allows ${what} by ${which}.` }
        : { kind: 'nsg', verdict: 'unknown', ...ref, text: `NSG ${label(nsg)}: the design does not say whether ${which} matches ${what}.` },
    );
  }
  return true;
}

function walk(net: Network, from: ElementOf<'subnet'>, p: Packet, dest: Destination, hops: Hop[], state: WalkState): void {
  if (!nsgHops(net, from, 'Outbound', p, hops)) return;
  if (dest.kind === 'azureDns') {
    hops.push({ kind: 'dns', verdict: 'reachable', elementId: from.id, text: 'Azure-provided DNS (168.63.129.16) answers from the host; routes do not apply to it.' });
    return;
  }
  const vnet = net.vnetOf(from);
  if (!vnet) {
    hops.push({ kind: 'subnet', verdict: 'unknown', elementId: from.id, text: `Subnet ${label(from)} belongs to no VNet of the design.` });
    return;
  }
  const route = chooseRoute(net, from, vnet, p, dest, hops);
  if (!route) return;
  const t = net.t;
  switch (route.nextHop) {
    case 'None':
      hops.push({ kind: 'route', verdict: 'blocked', ...route.ref, text: `${route.text} drops the traffic${route.source === 'Default' ? `: ${describe(dest)} is in no VNet that ${label(vnet)} is peered with, and no gateway route covers it` : ''}.` });
      return;
    case 'VnetLocal':
      hops.push({ kind: 'route', verdict: 'reachable', ...route.ref, text: `${route.text}.` });
      arrive(net, vnet.id, p, dest, hops, state);
      return;
    case 'VNetPeering': {
      const peer = route.via!;
      if (state.appliances > 0 && state.originVnet !== vnet.id) {
        // The packet did not start in this VNet: the target VNet must accept forwarded traffic.
        const back = t.between('peering', peer, vnet.id);
        if (back?.allowForwardedTraffic !== true) {
          hops.push({ kind: 'peering', verdict: 'blocked', relationId: back?.id, property: 'allowForwardedTraffic', text: `Peering ${back?.id ?? `${peer}→${vnet.id}`} does not allow forwarded traffic, so VNet ${peer} drops what the appliance forwards from ${label(state.origin)}.` });
          return;
        }
      }
      hops.push({ kind: 'peering', verdict: 'reachable', ...route.ref, text: `${route.text}.` });
      arrive(net, peer, p, dest, hops, state);
      return;
    }
    case 'VirtualNetworkGateway': {
      // A gateway route names its gateway; a UDR to VirtualNetworkGateway uses whichever the VNet reaches.
      const reachable = net.gateways(vnet.id).filter((g) => route.via === undefined || g.gateway.id === route.via);
      if (reachable.length === 0) {
        hops.push({ kind: 'route', verdict: 'blocked', ...route.ref, text: `${route.text}, but VNet ${label(vnet)} has no gateway of its own and uses none of a hub's (useRemoteGateways with allowGatewayTransit), so the traffic is dropped.` });
        return;
      }
      const reach = reachable.find((g) => dest.kind === 'address' && dest.onPremisesId === g.onPremises.id);
      if (!reach) {
        hops.push({ kind: 'gateway', verdict: 'unknown', ...route.ref, text: `${route.text}; the design does not show where the gateway takes ${describe(dest)}.` });
        return;
      }
      hops.push({ kind: 'gateway', verdict: 'reachable', elementId: reach.gateway.id, text: `${route.text}${reach.hub ? `, the hub's gateway through peering ${reach.peering?.id} (useRemoteGateways, allowGatewayTransit)` : ''}.` });
      hops.push({ kind: 'onPremises', verdict: 'reachable', elementId: reach.onPremises.id, text: `On-premises network ${label(reach.onPremises)} (its own firewalls are outside the design).` });
      return;
    }
    case 'Internet':
      internet(net, from, route, dest, hops, state);
      return;
    case 'VirtualAppliance':
      appliance(net, from, vnet, route, p, dest, hops, state);
      return;
  }
}

function describe(dest: Destination): string {
  if (dest.kind === 'address') return dest.cidr.text;
  return dest.kind === 'public' ? 'the public address' : 'Azure DNS';
}

/** The route Azure takes, with private endpoints' /32 routes in the VNet and its peers. Pushes a hop if unknown. */
function chooseRoute(net: Network, from: ElementOf<'subnet'>, vnet: ElementOf<'vnet'>, p: Packet, dest: Destination, hops: Hop[]): EffectiveRoute | undefined {
  const t = net.t;
  if (dest.kind === 'address' && dest.privateEndpoint && dest.peSubnet) {
    const peVnet = t.vnetOf(dest.peSubnet.id);
    if (peVnet && (peVnet.id === vnet.id || net.peers(vnet.id).includes(peVnet.id))) {
      // Azure adds the endpoint's /32 to its VNet and the directly peered ones. It beats every UDR unless
      // the endpoint's subnet enables route-table network policies; then a covering UDR takes over.
      const udrs = PE_ROUTE_POLICIES.has(dest.peSubnet.privateEndpointNetworkPolicies ?? 'Disabled')
        ? (net.routeTable(from.id)?.routes ?? []).map((r, i) => userRoute(r, net.routeTable(from.id)!.id, i))
        : [];
      const udr = udrs.length > 0 ? selectRoute(udrs, p.dst) : undefined;
      if (udr?.kind === 'route') return udr.route;
      if (udr?.kind === 'unknown' && udr.routes.length > 0) {
        hops.push({ kind: 'route', verdict: 'unknown', ...udr.routes[0]!.ref, text: `Which route the private endpoint takes is unknown: ${udr.reason}.` });
        return undefined;
      }
      const local = peVnet.id === vnet.id;
      const rel = local ? undefined : t.between('peering', vnet.id, peVnet.id);
      return {
        prefix: dest.cidr,
        nextHop: local ? 'VnetLocal' : 'VNetPeering',
        ...(local ? {} : { via: peVnet.id }),
        source: 'Default',
        ref: local ? { elementId: dest.peSubnet.id } : { relationId: rel?.id },
        text: `/32 route of the private endpoints in subnet ${label(dest.peSubnet)}${local ? '' : ` through peering ${rel?.id ?? ''}`}`,
      };
    }
  }
  const choice = selectRoute(net.routes(from), p.dst);
  if (choice.kind === 'unknown') {
    hops.push({ kind: 'route', verdict: 'unknown', ...(choice.routes[0]?.ref ?? { elementId: from.id }), text: `Route from subnet ${label(from)} unknown: ${choice.reason}.` });
    return undefined;
  }
  return choice.route;
}

/** Where the packet lands in a VNet: the inbound NSG of the subnet holding the destination, then the target. */
function arrive(net: Network, vnetId: string, p: Packet, dest: Destination, hops: Hop[], state: WalkState): void {
  if (dest.kind !== 'address') return;
  const pe = dest.privateEndpoint;
  const subnet = dest.peSubnet ?? net.subnetCovering(vnetId, dest.cidr);
  if (!subnet) {
    hops.push({ kind: 'subnet', verdict: 'unknown', elementId: vnetId, text: `No subnet of VNet ${vnetId} in the design holds ${dest.cidr.text}.` });
    return;
  }
  if (pe) {
    const policies = subnet.privateEndpointNetworkPolicies ?? 'Disabled';
    if (net.nsgs(subnet.id).length > 0 && !PE_NSG_POLICIES.has(policies)) {
      hops.push({ kind: 'nsg', verdict: 'reachable', elementId: subnet.id, property: 'privateEndpointNetworkPolicies', text: `The NSG on subnet ${label(subnet)} does not apply to private endpoints (network policies ${policies}).` });
    } else if (!nsgHops(net, subnet, 'Inbound', p, hops)) return;
    // The endpoint's own hop is the caller's, so one trace serves every endpoint of the subnet.
    state.end.arrived = true;
    return;
  }
  if (!nsgHops(net, subnet, 'Inbound', p, hops)) return;
  state.end.arrived = true;
  hops.push({ kind: 'subnet', verdict: 'reachable', elementId: subnet.id, text: `Subnet ${label(subnet)} holds ${dest.cidr.text}.` });
}

/** Internet egress: a NAT gateway takes it over; a Power Platform delegated subnet has no other. */
function internet(net: Network, from: ElementOf<'subnet'>, route: EffectiveRoute, dest: Destination, hops: Hop[], state: WalkState): void {
  const delegated = state.appliances === 0;
  if (dest.kind !== 'public') {
    hops.push({ kind: 'route', verdict: 'blocked', ...route.ref, text: `${route.text} sends private address ${describe(dest)} to the internet, where it does not exist.` });
    return;
  }
  hops.push({ kind: 'route', verdict: 'reachable', ...route.ref, text: `${route.text}.` });
  const nat = net.nat(from.id);
  if (nat) {
    hops.push({ kind: 'nat', verdict: 'reachable', elementId: nat.id, text: `NAT gateway ${label(nat)} takes the subnet's internet egress.` });
    hops.push({ kind: 'internet', verdict: 'reachable', text: dest.serviceType ? `The service's public endpoint.` : 'The internet.' });
    return;
  }
  if (state.firewall) {
    // Azure Firewall source-NATs what it sends to a public address to one of its public IPs.
    hops.push({ kind: 'internet', verdict: 'reachable', elementId: state.firewall.id, text: `Azure Firewall ${label(state.firewall)} sends it out through its public IP.` });
    return;
  }
  if (delegated || hasPowerPlatformDelegation(from) === true) {
    hops.push({ kind: 'nat', verdict: 'blocked', elementId: from.id, text: `Subnet ${label(from)} is delegated to Power Platform, which has no default internet egress: it needs a NAT gateway.` });
    return;
  }
  if (from.defaultOutboundAccess === false) {
    hops.push({ kind: 'nat', verdict: 'blocked', elementId: from.id, property: 'defaultOutboundAccess', text: `Subnet ${label(from)} is private (defaultOutboundAccess false) and has no NAT gateway.` });
    return;
  }
  hops.push({ kind: 'internet', verdict: 'unknown', elementId: from.id, text: `Egress from subnet ${label(from)} without a NAT gateway depends on public IPs or default outbound access, which the design does not hold.` });
}

/**
 * A VirtualAppliance next hop: an IP that no subnet of the design holds is unknown (an appliance the
 * design does not model). Otherwise the appliance's own rules are unknown, but Azure still drops
 * what cannot reach it or what a peering refuses as forwarded traffic, so the path goes on from there.
 */
function appliance(net: Network, from: ElementOf<'subnet'>, vnet: ElementOf<'vnet'>, route: EffectiveRoute, p: Packet, dest: Destination, hops: Hop[], state: WalkState): void {
  const ip = route.nextHopIp === undefined ? undefined : ipOf(route.nextHopIp);
  if (ip === undefined) {
    hops.push({ kind: 'route', verdict: 'unknown', ...route.ref, text: `${route.text} has no valid next hop IP.` });
    return;
  }
  if (state.appliances >= MAX_APPLIANCES) {
    hops.push({ kind: 'appliance', verdict: 'unknown', ...route.ref, text: `${route.text}: more than ${MAX_APPLIANCES} appliances in a row; the path is not followed further.` });
    return;
  }
  const fw = net.firewallAt(ip);
  const held = (fw && net.firewallSubnet(fw.id)) ?? net.subnetHolding(ip);
  const atVnet = held ? net.vnetOf(held) : net.vnetHolding(ip);
  if (!atVnet) {
    hops.push({ kind: 'appliance', verdict: 'unknown', ...route.ref, text: `${route.text}: ${formatIpv4(ip)} is in no subnet of the design, so the appliance there (a firewall or NVA) and its rules are unknown.` });
    return;
  }
  if (atVnet.id !== vnet.id && !peeringBetween(net.t, vnet.id, atVnet.id)) {
    hops.push({ kind: 'route', verdict: 'blocked', ...route.ref, text: `${route.text}: ${formatIpv4(ip)} is in VNet ${label(atVnet)}, which VNet ${label(vnet)} is not peered with (both ways), so the next hop is unreachable.` });
    return;
  }
  const destInHub = dest.kind === 'address' && net.vnetHolding(dest.cidr.start)?.id === atVnet.id;
  if (atVnet.id !== vnet.id && !destInHub) {
    // The reply comes back forwarded by the appliance: the source VNet must accept forwarded traffic.
    const mine = net.t.between('peering', vnet.id, atVnet.id);
    if (mine?.allowForwardedTraffic !== true) {
      hops.push({ kind: 'peering', verdict: 'blocked', relationId: mine?.id, property: 'allowForwardedTraffic', text: `Peering ${mine?.id} does not allow forwarded traffic, so VNet ${label(vnet)} drops the replies the appliance at ${formatIpv4(ip)} forwards back.` });
      return;
    }
  }
  hops.push({ kind: 'route', verdict: 'reachable', ...route.ref, text: `${route.text}.` });
  if (held && !nsgHops(net, held, 'Inbound', p, hops)) return;
  // When the appliance's subnet is not in the design, its VNet's system and peering routes stand in for
  // its own; what a peering refuses still blocks, but a drop by those routes is only unknown.
  const at: ElementOf<'subnet'> = held ?? { id: atVnet.id, kind: 'subnet', name: `(subnet of ${formatIpv4(ip)})`, parent: atVnet.id };
  const where = held ? `subnet ${label(held)}` : `VNet ${label(atVnet)}`;
  const judged = fw ? firewallHop(fw, p, dest, state, where) : { kind: 'appliance' as const, verdict: 'unknown' as const, elementId: held?.id ?? atVnet.id, text: `The appliance at ${formatIpv4(ip)} in ${where} forwards by its own rules, which the design does not hold.` };
  hops.push(judged);
  if (judged.verdict === 'blocked') return;
  const after: Hop[] = [];
  const passed = fw && fw.appliance !== 'nva' ? { firewall: fw } : {};
  walk(net, at, p, dest, after, { ...state, ...passed, appliances: state.appliances + 1 });
  hops.push(...(held ? after : after.map((h) => (h.kind === 'route' && h.verdict === 'blocked' ? { ...h, verdict: 'unknown' as const, text: `${h.text} (if the appliance's subnet, not in the design, has no route table of its own)` } : h))));
}

/** What a modelled firewall does to the packet: its policy's deciding rule, or unknown for rules the design lacks. */
function firewallHop(fw: ElementOf<'firewall'>, p: Packet, dest: Destination, state: WalkState, where: string): Hop {
  const name = `${fw.appliance === 'nva' ? 'Network virtual appliance' : 'Azure Firewall'} ${label(fw)}`;
  const rules = knownRules(fw);
  if (!rules) {
    const why = fw.appliance === 'nva' ? 'forwards by its own rules, which the design does not hold' : 'has a policy whose rules the design does not hold';
    return { kind: 'firewall', verdict: 'unknown', elementId: fw.id, text: `${name} in ${where} ${why}.` };
  }
  const d = evaluateFirewall(rules, { ...p, ...(state.host !== undefined ? { host: state.host } : {}) });
  if (d.usedHost) state.end.usedHost = true;
  const what = `${portText(p)} to ${state.host ?? describe(dest)}`;
  const ref = { elementId: fw.id, property: 'ruleCollectionGroups', ...(d.rule ? { item: [d.rule.path.group, d.rule.path.collection, d.rule.path.rule] } : {}) };
  const by = d.rule ? `${d.rule.ruleType} rule '${rulePathText(d.rule)}'` : '';
  switch (d.access) {
    case 'Allow':
      return { kind: 'firewall', verdict: 'reachable', ...ref, text: `${name} allows ${what} by ${by}.` };
    case 'Deny':
      return { kind: 'firewall', verdict: 'blocked', ...ref, text: d.rule ? `${name} denies ${what} by ${by}.` : `${name}: no rule allows ${what}, so the firewall denies it by default.` };
    case 'unknown':
      return { kind: 'firewall', verdict: 'unknown', ...ref, text: `${name}: the design does not say whether ${by || 'a rule'} matches ${what}${state.host === undefined ? ' (the host name is not known)' : ''}.` };
  }
}
