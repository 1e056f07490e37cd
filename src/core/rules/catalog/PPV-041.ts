// PPV-041: the VNet data gateway's subnet is its own: not the enterprise policy's, no other delegation,
// no private endpoints, not a name Azure reserves.
import { POWER_PLATFORM_DELEGATION, VNET_DATA_GATEWAY_DELEGATION } from '../../model/kinds';
import type { Rule } from '../rule';
import { DATA_GATEWAY_SOURCES, dataGatewaySubnet } from '../analysis/data-gateway';
import { SOURCES, hasPowerPlatformDelegation, label } from '../analysis/power-platform';

/** Names the gateway cannot use: "gatewaysubnet" and "AzureBastionSubnet" (create-data-gateways.md). */
const RESERVED = ['gatewaysubnet', 'azurebastionsubnet'];

export const rule: Rule = {
  meta: {
    id: 'PPV-041',
    title: 'VNet data gateway subnet is dedicated',
    severity: 'error',
    category: 'power-platform',
    rationale:
      "The VNet data gateway's subnet \"can't be shared with other services\": it cannot be the enterprise policy's subnet (that one is delegated to Microsoft.PowerPlatform/enterprisePolicies, and a subnet takes one service), cannot carry another delegation, and cannot host private endpoints. The names gatewaysubnet and AzureBastionSubnet are reserved for other features and cannot be used.",
    fix: "Give the gateway a subnet of its own, delegated only to Microsoft.PowerPlatform/vnetaccesslinks; keep the enterprise policy and private endpoints in their own subnets.",
    sources: [DATA_GATEWAY_SOURCES.create, SOURCES.overview],
    checkable: 'static',
  },
  check(t, ctx) {
    for (const gw of t.all('vnetDataGateway')) {
      const subnet = dataGatewaySubnet(t, gw.id);
      if (!subnet) continue;
      const related = [{ elementId: subnet.id, message: `Subnet ${label(subnet)} hosts the gateway.` }];
      const policies = t.sources(subnet.id, 'policySubnet', 'enterprisePolicy');
      if (policies.length > 0 || hasPowerPlatformDelegation(subnet) === true) {
        // PPV-009 reports the second delegation on the policy's side; this names the gateway.
        const by = policies.length > 0 ? `the enterprise policy ${label(policies[0]!)} injects into it` : `it is delegated to ${POWER_PLATFORM_DELEGATION}`;
        ctx.report({ elementId: gw.id, message: `VNet data gateway ${label(gw)} cannot share subnet ${label(subnet)} with subnet injection: ${by}. Give the gateway its own subnet.`, related });
      }
      const others = (subnet.delegations ?? []).filter((d) => ![VNET_DATA_GATEWAY_DELEGATION, POWER_PLATFORM_DELEGATION].map((x) => x.toLowerCase()).includes(d.toLowerCase()));
      if (others.length > 0) {
        ctx.report({ elementId: subnet.id, property: 'delegations', message: `Subnet ${label(subnet)} hosts the VNet data gateway ${label(gw)} and is also delegated to ${others.join(', ')}; the gateway subnet takes no other service.` });
      }
      for (const pe of t.sources(subnet.id, 'peSubnet', 'privateEndpoint')) {
        ctx.report({ elementId: pe.id, message: `Private endpoint ${label(pe)} is placed in the VNet data gateway subnet ${label(subnet)}; a delegated subnet hosts no private endpoints. Use a separate subnet.`, related });
      }
      if (RESERVED.includes(subnet.name.toLowerCase())) {
        ctx.report({ elementId: subnet.id, property: 'name', message: `Subnet ${label(subnet)} uses the reserved name '${subnet.name}'; a VNet data gateway cannot be created in it.` });
      }
    }
  },
};
