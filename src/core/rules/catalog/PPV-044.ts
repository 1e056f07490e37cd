// PPV-044: the VNet data gateway's VNet is in a region the gateway is offered in.
import type { Rule } from '../rule';
import { DATA_GATEWAY_REGIONS, DATA_GATEWAY_SOURCES, dataGatewaySubnet } from '../analysis/data-gateway';
import { label } from '../analysis/power-platform';
import { canonicalRegion } from '../analysis/regions';

export const rule: Rule = {
  meta: {
    id: 'PPV-044',
    title: 'VNet data gateway region is supported',
    severity: 'warning',
    category: 'region',
    rationale:
      "The VNet data gateway runs in its VNet's region, and Microsoft lists the regions it can be created in. A VNet elsewhere cannot host one; the region, subscription and resource group of the VNet cannot be changed after the gateway is created.",
    fix: 'Put the gateway subnet in a VNet in a supported region (see the list on the Microsoft Learn page), peered to the data sources if they live elsewhere.',
    sources: [DATA_GATEWAY_SOURCES.create, DATA_GATEWAY_SOURCES.overview],
    checkable: 'static',
  },
  check(t, ctx) {
    for (const gw of t.all('vnetDataGateway')) {
      const subnet = dataGatewaySubnet(t, gw.id);
      const vnet = subnet && t.vnetOf(subnet.id);
      if (!vnet?.region || DATA_GATEWAY_REGIONS.includes(canonicalRegion(vnet.region))) continue;
      ctx.report({
        elementId: gw.id,
        message: `VNet data gateway ${label(gw)} runs in VNet ${label(vnet)} in ${vnet.region}, which is not in Microsoft's list of VNet data gateway regions (June 2025).`,
        related: [{ elementId: vnet.id, property: 'region', message: `VNet ${label(vnet)} is in ${vnet.region}.` }],
      });
    }
  },
};
