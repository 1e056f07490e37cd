// PPV-032: the primary and failover VNets of a policy have overlapping address spaces.
import { overlaps, type WrittenBlock } from '../../net/cidr';
import { addressSpaceOf } from '../analysis/address-space';
import type { Rule } from '../rule';
import { SOURCES, label, policyVnets } from '../analysis/power-platform';
import { anyPeering, peersOf } from '../analysis/reachability';

export const rule: Rule = {
  meta: {
    id: 'PPV-032',
    title: 'Primary and failover VNets do not overlap',
    severity: 'warning',
    category: 'address-space',
    rationale:
      "Microsoft's own Terraform example gives both VNets the same 10.0.0.0/16, and the platform tolerates it while they are not peered. But overlapping spaces can never be peered with each other or with a shared hub, so neither VNet can reach private endpoints in the other, and the design cannot grow into hub-spoke later.",
    fix: 'Give the two VNets distinct ranges (for example 10.10.0.0/16 and 10.20.0.0/16).',
    sources: [SOURCES.tfExample, SOURCES.peering],
    checkable: 'static',
  },
  check(t, ctx) {
    for (const p of t.all('enterprisePolicy')) {
      const vnets = policyVnets(t, p.id);
      if (vnets.length !== 2) continue;
      const [a, b] = vnets as [(typeof vnets)[0], (typeof vnets)[0]];
      // Family by family: in dual-stack VNets an IPv6 block can clash only with an IPv6 block.
      const space = addressSpaceOf(t);
      const sa = space.vnets.get(a.id);
      const sb = space.vnets.get(b.id);
      const clashes = <N extends number | bigint>(xs: readonly WrittenBlock<N>[] = [], ys: readonly WrittenBlock<N>[] = []) =>
        xs.flatMap((x) => ys.filter((y) => overlaps(x, y)).map((y) => `${x.text} and ${y.text}`));
      const clash = [...clashes(sa?.spaces, sb?.spaces), ...clashes(sa?.ipv6Spaces, sb?.ipv6Spaces)];
      if (clash.length === 0) continue;
      const hub = peersOf(t, a.id).find((h) => peersOf(t, b.id).includes(h));
      const peered = anyPeering(t, a.id, b.id);
      const consequence = peered
        ? ' They are peered with each other, which Azure refuses for overlapping spaces: the peering cannot be created.'
        : hub !== undefined
          ? ` Both are peered with "${hub}", so routes to the overlapping range are ambiguous and one peering cannot be created.`
          : ' This works while they stay unpeered, but they can never be peered with each other or a shared hub.';
      ctx.report({
        elementId: b.id,
        property: 'addressSpaces',
        message: `The VNets of policy ${label(p)} overlap (${clash.join('; ')}).${consequence}`,
        related: [{ elementId: a.id, property: 'addressSpaces', message: `VNet ${label(a)} uses ${(a.addressSpaces ?? []).join(', ')}.` }],
      });
    }
  },
};
