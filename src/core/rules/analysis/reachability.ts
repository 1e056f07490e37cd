// Which VNets and on-premises networks a delegated subnet can reach, from the peering graph and the
// gateways of a design. Peering is not transitive (domain.md §7 AZ-06), so this is deliberately
// conservative: a path counts only when every Azure setting it needs is modelled, because a rule that
// trusts a path that does not exist lets a design fail over into a dead end.
import type { ElementOf, RelationOf } from '../../model/schema';
import type { Topology } from '../../model/topology';
import { overlaps, tryCidr } from '../../net/cidr';

/**
 * A peering carries traffic only when both directions exist (Azure keeps a one-sided peering in
 * `Initiated`, and no traffic flows) and neither side disables virtual network access. An absent
 * `allowVirtualNetworkAccess` is Azure's default, true.
 */
export function peeringBetween(t: Topology, a: string, b: string): { there: RelationOf<'peering'>; back: RelationOf<'peering'> } | undefined {
  const there = t.between('peering', a, b);
  const back = t.between('peering', b, a);
  if (!there || !back) return undefined;
  if (there.allowVirtualNetworkAccess === false || back.allowVirtualNetworkAccess === false) return undefined;
  return { there, back };
}

/** VNets connected to `vnetId` by a working (two-way) peering. */
export function peersOf(t: Topology, vnetId: string): string[] {
  const ids = new Set<string>();
  for (const r of [...t.outgoing(vnetId, 'peering'), ...t.incoming(vnetId, 'peering')]) ids.add(r.from === vnetId ? r.to : r.from);
  return [...ids].filter((other) => peeringBetween(t, vnetId, other) !== undefined);
}

/** Whether two VNets have any peering relation between them, working or not. */
export function anyPeering(t: Topology, a: string, b: string): boolean {
  return t.between('peering', a, b) !== undefined || t.between('peering', b, a) !== undefined;
}

export type Path =
  | { readonly via: 'same-vnet' }
  | { readonly via: 'peering' }
  | { readonly via: 'hub'; readonly hub: string };

/**
 * How a subnet reaches a VNet, if it does. Spoke-to-spoke traffic through a hub needs an appliance
 * (firewall/NVA) in the hub that forwards it, which the design can only show indirectly. It is
 * accepted when: both spokes are peered two-way with the hub; both spoke→hub peerings allow
 * forwarded traffic (so each spoke accepts what the hub's appliance forwards); and the source subnet
 * has a route table sending the target's address space to a VirtualAppliance next hop. Without the
 * route Azure uses the system routes, which never cross a second peering.
 */
export function subnetReachesVnet(t: Topology, subnet: ElementOf<'subnet'>, targetVnetId: string): Path | undefined {
  const source = t.vnetOf(subnet.id);
  if (!source) return undefined;
  if (source.id === targetVnetId) return { via: 'same-vnet' };
  if (peeringBetween(t, source.id, targetVnetId)) return { via: 'peering' };
  const target = t.get(targetVnetId, 'vnet');
  if (!target || !routesToAppliance(t, subnet, target)) return undefined;
  for (const hub of peersOf(t, source.id)) {
    if (hub === targetVnetId) continue;
    const toTarget = peeringBetween(t, hub, targetVnetId);
    const fromSource = peeringBetween(t, source.id, hub);
    if (toTarget && fromSource && fromSource.there.allowForwardedTraffic === true && toTarget.back.allowForwardedTraffic === true) {
      return { via: 'hub', hub };
    }
  }
  return undefined;
}

/** A route on the subnet's route table that sends some of the target's address space to an appliance. */
function routesToAppliance(t: Topology, subnet: ElementOf<'subnet'>, target: ElementOf<'vnet'>): boolean {
  const spaces = (target.addressSpaces ?? []).map(tryCidr).filter((c) => c !== undefined);
  if (spaces.length === 0) return false;
  return t.sources(subnet.id, 'routeTableAssociation', 'routeTable').some((rt) =>
    (rt.routes ?? []).some((route) => {
      if (route.nextHopType !== 'VirtualAppliance') return false;
      const prefix = tryCidr(route.addressPrefix);
      return prefix !== undefined && spaces.some((s) => overlaps(prefix, s));
    }),
  );
}

/** Gateways (VPN or ExpressRoute) inside a VNet that connect to the on-premises network. */
function gatewaysTo(t: Topology, vnetId: string, onPremisesId: string): boolean {
  return [...t.children(vnetId, 'vpnGateway'), ...t.children(vnetId, 'expressRouteGateway')].some((g) =>
    t.between('gatewayConnection', g.id, onPremisesId) !== undefined,
  );
}

/**
 * How a VNet reaches an on-premises network: its own gateway, or gateway transit from one peered hub
 * (the spoke's peering uses remote gateways and the hub's peering allows gateway transit). Azure
 * allows only one peering per VNet to use remote gateways, so a single hub hop is all there is.
 */
export function vnetReachesOnPremises(t: Topology, vnetId: string, onPremisesId: string): Path | undefined {
  if (gatewaysTo(t, vnetId, onPremisesId)) return { via: 'same-vnet' };
  for (const hub of peersOf(t, vnetId)) {
    const p = peeringBetween(t, vnetId, hub)!;
    if (p.there.useRemoteGateways === true && p.back.allowGatewayTransit === true && gatewaysTo(t, hub, onPremisesId)) return { via: 'hub', hub };
  }
  return undefined;
}

/** The VNet a private endpoint sits in, through its peSubnet relation. */
export function privateEndpointVnet(t: Topology, pe: ElementOf<'privateEndpoint'>): ElementOf<'vnet'> | undefined {
  const subnet = t.targets(pe.id, 'peSubnet', 'subnet')[0];
  return subnet && t.vnetOf(subnet.id);
}
