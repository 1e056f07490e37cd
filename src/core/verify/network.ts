// The network facts the verifier reads from a design, computed once per VNet and subnet: working
// peerings, on-premises networks reached through a gateway (own or a hub's, by gateway transit), each
// subnet's effective routes and what the VirtualNetwork tag stands for there, and which subnet holds an IP.
import type { ElementOf, RelationOf } from '../model/schema';
import type { Topology } from '../model/topology';
import { parseIpv4, tryCidr, type Cidr } from '../net/cidr';
import { peeringBetween, peersOf } from '../rules/analysis/reachability';
import type { TagContext } from './addresses';
import { SYSTEM_ROUTES, userRoute, type EffectiveRoute } from './routes';
import type { Hop } from './flow';
import type { Trace } from './flow';

export interface GatewayReach {
  readonly gateway: ElementOf<'vpnGateway'> | ElementOf<'expressRouteGateway'>;
  readonly onPremises: ElementOf<'onPremises'>;
  /** The hub whose gateway a spoke uses (useRemoteGateways), when it is not the VNet's own. */
  readonly hub?: string;
  readonly peering?: RelationOf<'peering'>;
}

// A VNet's or network's parsed address spaces, read for every subnet and flow near it: parsed once per list.
const spaceCache = new WeakMap<readonly string[], readonly Cidr[]>();
const NO_SPACES: readonly Cidr[] = [];
const spaces = (v: { addressSpaces?: readonly string[] } | undefined): readonly Cidr[] => {
  const list = v?.addressSpaces;
  if (list === undefined) return NO_SPACES;
  let out = spaceCache.get(list);
  if (!out) spaceCache.set(list, (out = list.map(tryCidr).filter((c) => c !== undefined)));
  return out;
};

export class Network {
  private readonly routeCache = new Map<string, EffectiveRoute[]>();
  private readonly tagCache = new Map<string, TagContext>();
  private readonly gatewayCache = new Map<string, GatewayReach[]>();
  private readonly peerCache = new Map<string, string[]>();
  /** Traces to private endpoint subnets, shared by the endpoints of a subnet (see verify-design). */
  readonly traces = new Map<string, Trace>();
  /** The first hop of every flow from a delegated subnet, built once per subnet and side. */
  readonly sourceHops = new Map<string, Hop>();
  /** Each private endpoint's DNS zone (see dns.ts), looked up once per endpoint and service. */
  readonly zones = new Map<string, { zone?: ElementOf<'privateDnsZone'>; expected?: string }>();
  private subnetIndex: { cidr: Cidr; subnet: ElementOf<'subnet'> }[] | undefined;
  private firewallIndex: Map<number, ElementOf<'firewall'>> | undefined;

  constructor(readonly t: Topology) {}

  peers(vnetId: string): string[] {
    let p = this.peerCache.get(vnetId);
    if (!p) this.peerCache.set(vnetId, (p = peersOf(this.t, vnetId)));
    return p;
  }

  /** On-premises networks a VNet reaches through its own gateways or, with gateway transit, a hub's. */
  gateways(vnetId: string): GatewayReach[] {
    const cached = this.gatewayCache.get(vnetId);
    if (cached) return cached;
    const own = (id: string) =>
      [...this.t.children(id, 'vpnGateway'), ...this.t.children(id, 'expressRouteGateway')].flatMap((gateway) =>
        this.t.targets(gateway.id, 'gatewayConnection', 'onPremises').map((onPremises) => ({ gateway, onPremises })),
      );
    const out: GatewayReach[] = own(vnetId);
    for (const hub of this.peers(vnetId)) {
      const p = peeringBetween(this.t, vnetId, hub)!;
      if (p.there.useRemoteGateways === true && p.back.allowGatewayTransit === true) {
        for (const g of own(hub)) out.push({ ...g, hub, peering: p.there });
      }
    }
    this.gatewayCache.set(vnetId, out);
    return out;
  }

  /** A subnet's VNet, by its parent (also for the stand-in subnet of an appliance the design places only in a VNet). */
  vnetOf(subnet: ElementOf<'subnet'>): ElementOf<'vnet'> | undefined {
    return this.t.get(subnet.parent, 'vnet');
  }

  /** The route table associated with a subnet (Azure allows one). */
  routeTable(subnetId: string): ElementOf<'routeTable'> | undefined {
    return this.t.sources(subnetId, 'routeTableAssociation', 'routeTable')[0];
  }

  /** A subnet's effective routes, Azure's system routes included. */
  routes(subnet: ElementOf<'subnet'>): EffectiveRoute[] {
    const cached = this.routeCache.get(subnet.id);
    if (cached) return cached;
    const vnet = this.vnetOf(subnet);
    const out: EffectiveRoute[] = [];
    if (vnet) {
      for (const c of spaces(vnet)) out.push({ prefix: c, nextHop: 'VnetLocal', source: 'Default', ref: { elementId: vnet.id, property: 'addressSpaces' }, text: `${c.text} → VNet ${vnet.name} (system route)` });
      for (const peer of this.peers(vnet.id)) {
        const pv = this.t.get(peer, 'vnet');
        const rel = this.t.between('peering', vnet.id, peer);
        for (const c of spaces(pv)) out.push({ prefix: c, nextHop: 'VNetPeering', via: peer, source: 'Default', ref: { relationId: rel?.id }, text: `${c.text} → peered VNet ${pv?.name ?? peer} (peering route)` });
      }
    }
    const table = this.routeTable(subnet.id);
    if (vnet && table?.bgpRoutePropagation !== false) {
      for (const g of this.gateways(vnet.id)) {
        for (const c of spaces(g.onPremises)) out.push({ prefix: c, nextHop: 'VirtualNetworkGateway', via: g.gateway.id, source: 'Gateway', ref: { elementId: g.gateway.id }, text: `${c.text} → gateway ${g.gateway.name}${g.hub ? ' (gateway transit)' : ''}` });
      }
    }
    const taken = new Set(out.map((r) => ('tag' in r.prefix ? '' : r.prefix.text)));
    // A UDR for 0.0.0.0/0 makes Azure's None routes for the private ranges invalid (Azure's routing
    // overview shows them so), which is how forced tunnelling also carries spoke-to-spoke traffic.
    const defaultOverridden = (table?.routes ?? []).some((r) => tryCidr(r.addressPrefix)?.prefix === 0);
    for (const s of SYSTEM_ROUTES) {
      // Azure replaces a default route's next hop when a VNet or peering uses exactly that range.
      if (taken.has(s.prefix) || (defaultOverridden && s.nextHop === 'None')) continue;
      out.push({ prefix: tryCidr(s.prefix)!, nextHop: s.nextHop, source: 'Default', ref: { elementId: vnet?.id ?? subnet.id }, text: `${s.prefix} → ${s.nextHop} (system route)` });
    }
    if (table) (table.routes ?? []).forEach((r, i) => out.push(userRoute(r, table.id, i)));
    this.routeCache.set(subnet.id, out);
    return out;
  }

  /**
   * What the VirtualNetwork service tag covers at a subnet: the VNet's address space, peered VNets,
   * on-premises networks behind its gateways, and the prefixes of the subnet's user-defined routes
   * (so a 0.0.0.0/0 UDR makes the tag cover everything, as Azure documents).
   */
  tagContext(subnet: ElementOf<'subnet'>): TagContext {
    const cached = this.tagCache.get(subnet.id);
    if (cached) return cached;
    const vnet = this.vnetOf(subnet);
    const set: Cidr[] = [];
    if (vnet) {
      set.push(...spaces(vnet));
      for (const p of this.peers(vnet.id)) set.push(...spaces(this.t.get(p, 'vnet')));
      for (const g of this.gateways(vnet.id)) set.push(...spaces(g.onPremises));
    }
    for (const r of this.routeTable(subnet.id)?.routes ?? []) {
      const c = tryCidr(r.addressPrefix);
      if (c) set.push(c);
    }
    const ctx = { virtualNetwork: set };
    this.tagCache.set(subnet.id, ctx);
    return ctx;
  }

  /** The subnet whose prefix holds an address (the most specific, though Azure forbids overlaps). */
  subnetHolding(ip: number): ElementOf<'subnet'> | undefined {
    this.subnetIndex ??= this.t.all('subnet').flatMap((subnet) => {
      const cidr = tryCidr(subnet.addressPrefix);
      return cidr ? [{ cidr, subnet }] : [];
    });
    let best: { cidr: Cidr; subnet: ElementOf<'subnet'> } | undefined;
    for (const s of this.subnetIndex) if (s.cidr.start <= ip && ip <= s.cidr.end && (!best || s.cidr.prefix > best.cidr.prefix)) best = s;
    return best?.subnet;
  }

  /** The VNet whose address space holds an address. */
  vnetHolding(ip: number): ElementOf<'vnet'> | undefined {
    return this.t.all('vnet').find((v) => spaces(v).some((c) => c.start <= ip && ip <= c.end));
  }

  /** Subnets of a VNet whose prefix holds all of `cidr`. */
  subnetCovering(vnetId: string, cidr: Cidr): ElementOf<'subnet'> | undefined {
    return this.t.children(vnetId, 'subnet').find((s) => {
      const c = tryCidr(s.addressPrefix);
      return c !== undefined && c.start <= cidr.start && cidr.end <= c.end;
    });
  }

  /** A DNS server on-premises is reached through a gateway: name the network so the gateway hop can tell. */
  onPremisesHolding(ip: number): { onPremisesId?: string } {
    const o = this.t.all('onPremises').find((op) => spaces(op).some((c) => c.start <= ip && ip <= c.end));
    return o ? { onPremisesId: o.id } : {};
  }

  nsgs(subnetId: string): readonly ElementOf<'nsg'>[] {
    return this.t.sources(subnetId, 'nsgAssociation', 'nsg');
  }

  /** The firewall or appliance whose private IP is `ip`, if the design models one there. */
  firewallAt(ip: number): ElementOf<'firewall'> | undefined {
    this.firewallIndex ??= new Map(this.t.all('firewall').flatMap((f) => {
      const at = f.privateIpAddress === undefined ? undefined : ipOf(f.privateIpAddress);
      return at === undefined ? [] : [[at, f] as const];
    }));
    return this.firewallIndex.get(ip);
  }

  /** The subnet a firewall is placed in. */
  firewallSubnet(firewallId: string): ElementOf<'subnet'> | undefined {
    return this.t.targets(firewallId, 'firewallSubnet', 'subnet')[0];
  }

  nat(subnetId: string): ElementOf<'natGateway'> | undefined {
    return this.t.sources(subnetId, 'natAssociation', 'natGateway')[0];
  }
}

export const ipOf = (text: string): number | undefined => parseIpv4(text.trim());
