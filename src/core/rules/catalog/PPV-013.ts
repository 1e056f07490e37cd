// PPV-013: the delegated subnet uses private (RFC 1918) address space.
import { isRfc1918, tryCidr } from '../../net/cidr';
import type { Rule } from '../rule';
import { SOURCES, label } from '../analysis/power-platform';

export const rule: Rule = {
  meta: {
    id: 'PPV-013',
    title: 'Delegated subnet uses private address space',
    severity: 'warning',
    category: 'address-space',
    rationale:
      "Microsoft's VNet support guidance plans the delegated subnet in private ranges (10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16), and Azure services may dictate private ranges for delegated subnets. Public ranges used privately shadow the real internet owners of those addresses.",
    fix: 'Choose the delegated subnet (and its VNet address space) from 10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16.',
    sources: [SOURCES.overview, SOURCES.delegation],
    checkable: 'static',
  },
  check(t, ctx) {
    const injected = new Set(t.relations('policySubnet').map((r) => r.to));
    for (const s of t.all('subnet')) {
      if (!injected.has(s.id)) continue;
      const c = tryCidr(s.addressPrefix);
      if (!c || isRfc1918(c)) continue;
      ctx.report({ elementId: s.id, property: 'addressPrefix', message: `Delegated subnet ${label(s)} uses ${c.text}, which is outside the private RFC 1918 ranges.` });
    }
  },
};
