// AZ-06: directly peered VNets have disjoint address spaces (peering is non-transitive, so only direct peers count).
import { findOverlaps, overlaps, type WrittenBlock } from '../../net/cidr';
import { addressSpaceOf } from '../analysis/address-space';
import type { Rule } from '../rule';

export const rule: Rule = {
  meta: {
    id: 'AZ-06',
    title: 'Peered VNets do not overlap',
    severity: 'error',
    category: 'peering',
    rationale:
      'Azure refuses a peering between virtual networks whose address spaces overlap. Peering is also non-transitive: A↔B and B↔C do not connect A and C, ' +
      'so only directly peered VNets must be disjoint, and a spoke that needs another spoke needs its own peering or a hub that forwards traffic.',
    fix: 'Re-address one of the VNets so the spaces are disjoint (before anything is deployed in it), or do not peer them.',
    sources: [
      { title: 'Virtual network peering', url: 'https://learn.microsoft.com/azure/virtual-network/virtual-network-peering-overview' },
      { title: 'Create, change, or delete a virtual network peering: requirements and constraints', url: 'https://learn.microsoft.com/azure/virtual-network/virtual-network-manage-peering' },
    ],
    checkable: 'static',
  },
  check(topology, { report }) {
    const space = addressSpaceOf(topology);
    const seen = new Set<string>();
    for (const peering of topology.relations('peering')) {
      const key = peering.from < peering.to ? `${peering.from}\u0000${peering.to}` : `${peering.to}\u0000${peering.from}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const a = space.vnets.get(peering.from);
      const b = space.vnets.get(peering.to);
      if (!a?.spaces || !b?.spaces) continue;
      // Dual-stack VNets are compared family by family; an IPv4 block never overlaps an IPv6 one.
      const crossing = [...crossingOverlaps(a.spaces, b.spaces), ...crossingOverlaps(a.ipv6Spaces ?? [], b.ipv6Spaces ?? [])];
      if (crossing.length === 0) continue;
      const pairs = crossing.map(([x, y]) => `${x.text} ↔ ${y.text}`).join(', ');
      report({
        relationId: peering.id,
        message: `Peered VNets "${a.vnet.name}" and "${b.vnet.name}" have overlapping address spaces (${pairs}); Azure refuses the peering.`,
        related: [
          { elementId: a.vnet.id, property: 'addressSpaces', message: `Address space of "${a.vnet.name}"` },
          { elementId: b.vnet.id, property: 'addressSpaces', message: `Address space of "${b.vnet.name}"` },
        ],
      });
    }
  },
};

/** Overlapping (a, b) pairs across two lists: a direct check for the usual one or two spaces, a sweep beyond. */
function crossingOverlaps<N extends number | bigint>(as: readonly WrittenBlock<N>[], bs: readonly WrittenBlock<N>[]): [WrittenBlock<N>, WrittenBlock<N>][] {
  if (as.length * bs.length <= 16) {
    const out: [WrittenBlock<N>, WrittenBlock<N>][] = [];
    for (const x of as) for (const y of bs) if (overlaps(x, y)) out.push([x, y]);
    return out;
  }
  const items = [...as.map((cidr) => ({ cidr, tag: { cidr, side: 0 } })), ...bs.map((cidr) => ({ cidr, tag: { cidr, side: 1 } }))];
  return findOverlaps(items)
    .filter(([x, y]) => x.side !== y.side)
    .map(([x, y]) => (x.side === 0 ? [x.cidr, y.cidr] : [y.cidr, x.cidr]));
}
