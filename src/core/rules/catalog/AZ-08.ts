// AZ-08: every peering has its reverse direction; a one-way peering stays "Initiated" and carries no traffic.
import type { Design, RelationOf } from '../../model/schema';
import type { Rule } from '../rule';

/** The reverse peering: access and forwarding as given, gateway transit and remote-gateway use swapped. */
function reverseOf(p: RelationOf<'peering'>, id: string): RelationOf<'peering'> {
  const r: { -readonly [K in keyof RelationOf<'peering'>]: RelationOf<'peering'>[K] } = { id, kind: 'peering', from: p.to, to: p.from };
  if (p.allowVirtualNetworkAccess !== undefined) r.allowVirtualNetworkAccess = p.allowVirtualNetworkAccess;
  if (p.allowForwardedTraffic !== undefined) r.allowForwardedTraffic = p.allowForwardedTraffic;
  if (p.useRemoteGateways !== undefined) r.allowGatewayTransit = p.useRemoteGateways;
  if (p.allowGatewayTransit !== undefined) r.useRemoteGateways = p.allowGatewayTransit;
  return r;
}

export const rule: Rule = {
  meta: {
    id: 'AZ-08',
    title: 'Peering exists in both directions',
    severity: 'warning',
    category: 'peering',
    rationale:
      'A VNet peering is two resources, one in each VNet. Until the peering back exists, the peering state stays Initiated and no traffic flows. ' +
      'It is a warning rather than an error because the other direction may be deployed from another template.',
    fix: 'Add the peering from the remote VNet back to this one, with mirrored settings (the quick fix does this).',
    sources: [
      { title: 'Virtual network peering', url: 'https://learn.microsoft.com/azure/virtual-network/virtual-network-peering-overview' },
      { title: 'Create, change, or delete a virtual network peering: peering status', url: 'https://learn.microsoft.com/azure/virtual-network/virtual-network-manage-peering' },
    ],
    checkable: 'static',
  },
  check(topology, { report }) {
    const pairs = new Set(topology.relations('peering').map((p) => `${p.from}\u0000${p.to}`));
    const ids = new IdAllocator(topology.design);
    for (const p of topology.relations('peering')) {
      if (pairs.has(`${p.to}\u0000${p.from}`)) continue;
      const local = topology.get(p.from, 'vnet');
      const remote = topology.get(p.to, 'vnet');
      const id = ids.next(`peer-${p.to}-${p.from}`.slice(0, 58));
      report({
        relationId: p.id,
        message: `Peering from "${local?.name ?? p.from}" to "${remote?.name ?? p.to}" has no peering back; it stays Initiated and carries no traffic.`,
        fixes: [{ title: `Add the peering from "${remote?.name ?? p.to}" back to "${local?.name ?? p.from}"`, edit: { op: 'addRelation', relation: reverseOf(p, id) } }],
      });
    }
  },
};

/** Like freshId, but builds the set of used ids once, so many one-way peerings stay linear. */
class IdAllocator {
  private used: Set<string> | undefined;
  constructor(private readonly design: Design) {}
  next(prefix: string): string {
    this.used ??= new Set([...this.design.elements.map((e) => e.id), ...this.design.relations.map((r) => r.id)]);
    const base = prefix.replace(/[^A-Za-z0-9._-]/g, '-').replace(/^[^A-Za-z0-9]+/, '') || 'peering';
    for (let n = 1; ; n++) {
      const candidate = `${base}-${n}`;
      if (!this.used.has(candidate)) {
        this.used.add(candidate);
        return candidate;
      }
    }
  }
}
