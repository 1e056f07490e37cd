// PPV-042: the VNet data gateway's subnet is IPv4 only and stays clear of 10.0.1.x.
import { parseAddressPrefix } from '../../net/address-prefix';
import { overlaps, tryCidr } from '../../net/cidr';
import type { Rule } from '../rule';
import { DATA_GATEWAY_SOURCES, dataGatewaySubnet } from '../analysis/data-gateway';
import { label } from '../analysis/power-platform';

/** The range Microsoft says the gateway subnet must not overlap ("10.0.1.x"). */
const RESERVED_RANGE = tryCidr('10.0.1.0/24')!;

export const rule: Rule = {
  meta: {
    id: 'PPV-042',
    title: 'VNet data gateway subnet is IPv4 and does not overlap 10.0.1.x',
    severity: 'error',
    category: 'address-space',
    rationale:
      "Microsoft's setup steps for the VNet data gateway say the subnet must not have an IPv6 address space added and its IP range must not overlap 10.0.1.x, which the gateway's containers use internally.",
    fix: 'Give the gateway subnet a single IPv4 prefix outside 10.0.1.0/24 (for example 10.10.3.0/27).',
    sources: [DATA_GATEWAY_SOURCES.create],
    checkable: 'static',
  },
  check(t, ctx) {
    const seen = new Set<string>();
    for (const gw of t.all('vnetDataGateway')) {
      const subnet = dataGatewaySubnet(t, gw.id);
      if (!subnet || subnet.addressPrefix === undefined || seen.has(subnet.id)) continue;
      seen.add(subnet.id);
      const parsed = parseAddressPrefix(subnet.addressPrefix);
      if (!parsed.ok) continue;
      if (parsed.family === 6) {
        ctx.report({ elementId: subnet.id, property: 'addressPrefix', message: `Subnet ${label(subnet)} of the VNet data gateway ${label(gw)} has the IPv6 prefix ${subnet.addressPrefix}; the gateway subnet must be IPv4 only.` });
      } else if (overlaps(parsed.cidr, RESERVED_RANGE)) {
        ctx.report({ elementId: subnet.id, property: 'addressPrefix', message: `Subnet ${label(subnet)} of the VNet data gateway ${label(gw)} (${subnet.addressPrefix}) overlaps 10.0.1.x, which the gateway cannot use.` });
      }
    }
  },
};
