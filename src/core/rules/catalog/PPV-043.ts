// PPV-043: the VNet data gateway's subnet has an IP for every gateway member (after Azure's five).
import type { Rule } from '../rule';
import { DATA_GATEWAY_SOURCES } from '../analysis/data-gateway';
import { label, usableIps } from '../analysis/power-platform';

export const rule: Rule = {
  meta: {
    id: 'PPV-043',
    title: 'VNet data gateway subnet has an IP per gateway member',
    severity: 'warning',
    category: 'address-space',
    rationale:
      'Five IPs of the subnet are reserved; every gateway member takes one more (two clusters of three members need 2 × 3 + 5 = 11). A subnet without room for the planned members cannot add them, and Microsoft advises room for future gateways too.',
    fix: 'Size the gateway subnet for every planned member plus five (a /28 holds 11 members), or plan fewer members.',
    sources: [DATA_GATEWAY_SOURCES.create],
    checkable: 'static',
  },
  check(t, ctx) {
    for (const subnet of t.all('subnet')) {
      const gateways = t.sources(subnet.id, 'dataGatewaySubnet', 'vnetDataGateway');
      if (gateways.length === 0) continue;
      const usable = usableIps(subnet);
      // A gateway of unknown size counts as one member: the least it can be.
      const members = gateways.reduce((n, g) => n + Math.max(1, g.memberCount ?? 1), 0);
      if (usable === undefined || usable >= members) continue;
      ctx.report({
        elementId: subnet.id,
        property: 'addressPrefix',
        message: `Subnet ${label(subnet)} (${subnet.addressPrefix}) has ${usable} usable IPs, but its VNet data gateways plan ${members} members (one IP each).`,
        related: gateways.map((g) => ({ elementId: g.id, message: `VNet data gateway ${label(g)}: ${g.memberCount ?? 1} member(s).` })),
      });
    }
  },
};
