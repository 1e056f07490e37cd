// PPV-011: the two delegated subnets of a policy have the same number of usable IPs.
import type { ElementOf } from '../../model/schema';
import type { Topology } from '../../model/topology';
import { parseAddressPrefix } from '../../net/address-prefix';
import { contains, formatIpv4, overlaps, tryCidr, type Cidr } from '../../net/cidr';
import type { QuickFix, Rule } from '../rule';
import { SOURCES, delegatedSubnets, label, usableIps } from '../analysis/power-platform';

export const rule: Rule = {
  meta: {
    id: 'PPV-011',
    title: 'Paired subnets have equal size',
    severity: 'error',
    category: 'address-space',
    rationale:
      'When a policy uses two subnets, Microsoft requires both to have the same number of available IP addresses: on failover the environment moves its containers to the other subnet, which must hold them all. For single-prefix subnets that means the same prefix length.',
    fix: 'Give both delegated subnets the same prefix length (for example /24 in each VNet).',
    sources: [SOURCES.setup],
    checkable: 'static',
  },
  check(t, ctx) {
    for (const p of t.all('enterprisePolicy')) {
      const subnets = delegatedSubnets(t, p.id);
      if (subnets.length !== 2) continue;
      const [a, b] = subnets.map((d) => d.subnet) as [ElementOf<'subnet'>, ElementOf<'subnet'>];
      const ua = usableIps(a);
      const ub = usableIps(b);
      if (ua === undefined || ub === undefined || ua === ub) continue;
      const [small, large] = ua < ub ? [a, b] : [b, a];
      const target = tryCidr(large.addressPrefix)!.prefix;
      const fix = resizeFix(t, small, target);
      ctx.report({
        elementId: small.id,
        property: 'addressPrefix',
        message: `Subnet ${label(small)} (${small.addressPrefix}, ${Math.min(ua, ub)} usable IPs) is smaller than its pair ${label(large)} (${large.addressPrefix}, ${Math.max(ua, ub)} usable IPs); both subnets of policy ${label(p)} must have the same number of usable IPs.`,
        related: [{ elementId: large.id, property: 'addressPrefix', message: `The paired subnet ${label(large)} is ${large.addressPrefix}.` }],
        ...(fix ? { fixes: [fix] } : {}),
      });
    }
  },
};

/**
 * Grows a subnet to `/prefix` inside its VNet: the block that contains its current start if that is
 * free, else the lowest free block of that size in the VNet's address spaces. Offered only when the
 * VNet's spaces and every sibling prefix are known, so the new block is known not to overlap.
 */
function resizeFix(t: Topology, subnet: ElementOf<'subnet'>, prefix: number): QuickFix | undefined {
  const vnet = t.vnetOf(subnet.id);
  const current = tryCidr(subnet.addressPrefix);
  if (!vnet?.addressSpaces || !current) return undefined;
  // The new block is IPv4: a dual-stack VNet's IPv6 spaces and subnets neither hold nor collide with it.
  const ipv4 = (texts: readonly (string | undefined)[]) => texts.flatMap((text) => {
    const r = text === undefined ? undefined : parseAddressPrefix(text);
    return r?.ok && r.family === 6 ? [] : [r?.ok ? r.cidr : undefined];
  });
  const spaces = ipv4(vnet.addressSpaces);
  const siblings = ipv4(t.children(vnet.id, 'subnet').filter((s) => s.id !== subnet.id).map((s) => s.addressPrefix));
  if (spaces.some((s) => s === undefined) || siblings.some((s) => s === undefined)) return undefined;
  const size = 2 ** (32 - prefix);
  const free = (start: number): Cidr | undefined => {
    const c = tryCidr(`${formatIpv4(start)}/${prefix}`);
    if (!c || !spaces.some((s) => contains(s!, c)) || siblings.some((s) => overlaps(s!, c))) return undefined;
    return c;
  };
  // A free block, if any, starts at a space's start or right after a sibling (aligned up): O(n) candidates.
  const alignUp = (n: number) => Math.ceil(n / size) * size;
  const candidates = [current.start - (current.start % size), ...spaces.map((s) => alignUp(s!.start)), ...siblings.map((s) => alignUp(s!.end + 1))];
  let chosen: Cidr | undefined;
  for (const start of candidates.slice(0, 1).concat(candidates.slice(1).sort((a, b) => a - b))) {
    chosen = free(start);
    if (chosen) break;
  }
  if (!chosen) return undefined;
  return { title: `Resize to ${chosen.text}`, edit: { op: 'updateElement', id: subnet.id, set: { addressPrefix: chosen.text } } };
}

