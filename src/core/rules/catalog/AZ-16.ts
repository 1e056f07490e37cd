// AZ-16: a private subnet (defaultOutboundAccess false) that may host workloads has an explicit egress path.
import type { Route } from '../../model/schema';
import { RESERVED_SUBNETS } from './AZ-09';
import type { Rule } from '../rule';

const RESERVED = new Set(RESERVED_SUBNETS.map((r) => r.name.toLowerCase()));

/** A default route to a firewall/NVA or a gateway carries internet-bound traffic out of a private subnet. */
function isEgressRoute(r: Route): boolean {
  return r.addressPrefix === '0.0.0.0/0' && (r.nextHopType === 'VirtualAppliance' || r.nextHopType === 'VirtualNetworkGateway' || r.nextHopType === 'Internet');
}

export const rule: Rule = {
  meta: {
    id: 'AZ-16',
    title: 'Private subnet has an explicit outbound path',
    severity: 'warning',
    category: 'egress',
    rationale:
      'A subnet with defaultOutboundAccess set to false gets no implicit internet access: virtual machines and other workloads in it reach the internet only through ' +
      'a NAT gateway, a firewall or appliance (default route), a load balancer outbound rule or a public IP. Without one, their outbound calls time out. ' +
      'Delegated subnets (their service manages egress; Power Platform is PPV-021), reserved subnets and subnets that only hold private endpoints are not checked.',
    fix: 'Attach a NAT gateway to the subnet, or a route table whose 0.0.0.0/0 route goes to your firewall; or set defaultOutboundAccess back if the subnet needs none of that.',
    sources: [
      { title: 'Default outbound access in Azure', url: 'https://learn.microsoft.com/azure/virtual-network/ip-services/default-outbound-access' },
      { title: 'PSRule for Azure: Azure.VNET.PrivateSubnet', url: 'https://azure.github.io/PSRule.Rules.Azure/en/rules/Azure.VNET.PrivateSubnet/' },
    ],
    checkable: 'static',
  },
  check(topology, { report }) {
    for (const subnet of topology.all('subnet')) {
      if (subnet.defaultOutboundAccess !== false) continue;
      if ((subnet.delegations?.length ?? 0) > 0 || RESERVED.has(subnet.name.toLowerCase())) continue;
      if (topology.incoming(subnet.id, 'peSubnet').length > 0) continue;
      if (topology.incoming(subnet.id, 'natAssociation').length > 0) continue;
      const routeTables = topology.sources(subnet.id, 'routeTableAssociation', 'routeTable');
      if (routeTables.some((rt) => rt.routes === undefined || rt.routes.some(isEgressRoute))) continue;
      report({
        elementId: subnet.id,
        property: 'defaultOutboundAccess',
        message: `Subnet "${subnet.name}" is private (defaultOutboundAccess false) and has no NAT gateway or default route to a firewall; workloads in it cannot reach the internet.`,
      });
    }
  },
};
