// PPV-011: the two delegated subnets of a policy have the same number of usable IPs.
import type { ElementOf } from '../../model/schema';
import { tryCidr } from '../../net/cidr';
import { resizeSubnetFix } from '../../plan/resize-delegated-subnets';
import type { Rule } from '../rule';
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
      const fix = resizeSubnetFix(t, small, target);
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
