// Which peerings of a design carry traffic: both directions present, virtual network access allowed.
// The network verifier (src/core/verify) builds its routes on these; whole paths are its job.
import type { RelationOf } from '../../model/schema';
import type { Topology } from '../../model/topology';

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
  // A working peering has both directions, so every peer is the target of an outgoing one.
  const ids = new Set<string>();
  for (const r of t.outgoing(vnetId, 'peering')) if (peeringBetween(t, vnetId, r.to) !== undefined) ids.add(r.to);
  return [...ids];
}

/** Whether two VNets have any peering relation between them, working or not. */
export function anyPeering(t: Topology, a: string, b: string): boolean {
  return t.between('peering', a, b) !== undefined || t.between('peering', b, a) !== undefined;
}
