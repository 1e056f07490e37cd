// PPV-040: a VNet data gateway runs in a subnet delegated to Microsoft.PowerPlatform/vnetaccesslinks.
import { VNET_DATA_GATEWAY_DELEGATION } from '../../model/kinds';
import type { Rule } from '../rule';
import { DATA_GATEWAY_SOURCES, dataGatewaySubnet, hasDataGatewayDelegation } from '../analysis/data-gateway';
import { SOURCES, label } from '../analysis/power-platform';

export const rule: Rule = {
  meta: {
    id: 'PPV-040',
    title: 'VNet data gateway subnet is delegated to vnetaccesslinks',
    severity: 'error',
    category: 'power-platform',
    rationale:
      'A VNet data gateway (Power BI semantic models and paginated reports, Fabric and Power Platform dataflows) is injected into a subnet that is delegated to Microsoft.PowerPlatform/vnetaccesslinks. The admin center lists only subnets with that delegation, so without it the gateway cannot be created.',
    fix: 'Delegate the gateway subnet to Microsoft.PowerPlatform/vnetaccesslinks, and connect the gateway to that subnet on the canvas.',
    sources: [DATA_GATEWAY_SOURCES.create, SOURCES.delegation],
    checkable: 'static',
  },
  check(t, ctx) {
    for (const gw of t.all('vnetDataGateway')) {
      const subnet = dataGatewaySubnet(t, gw.id);
      if (!subnet) {
        ctx.report({ elementId: gw.id, message: `VNet data gateway ${label(gw)} runs in no subnet; connect it to the subnet delegated to ${VNET_DATA_GATEWAY_DELEGATION}.` });
        continue;
      }
      // Unknown delegations (an IaC value the reader could not follow) are not a finding.
      if (hasDataGatewayDelegation(subnet) !== false) continue;
      const empty = (subnet.delegations ?? []).length === 0;
      ctx.report({
        elementId: subnet.id,
        property: 'delegations',
        message: `Subnet ${label(subnet)} hosts the VNet data gateway ${label(gw)} but is not delegated to ${VNET_DATA_GATEWAY_DELEGATION}; the admin center will not offer it.`,
        related: [{ elementId: gw.id, message: `VNet data gateway ${label(gw)} runs in this subnet.` }],
        ...(empty ? { fixes: [{ title: `Delegate to ${VNET_DATA_GATEWAY_DELEGATION}`, edit: { op: 'updateElement', id: subnet.id, set: { delegations: [VNET_DATA_GATEWAY_DELEGATION] } } }] } : {}),
      });
    }
  },
};
