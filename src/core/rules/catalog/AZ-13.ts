// AZ-13: a subnet with private endpoints and an NSG or route table enables private endpoint network policies.
import type { Rule } from '../rule';

export const rule: Rule = {
  meta: {
    id: 'AZ-13',
    title: 'Private endpoint network policies apply the attached NSG and route table',
    severity: 'warning',
    category: 'private-endpoint',
    rationale:
      'NSG rules and user-defined routes apply to private endpoint traffic only when the subnet\'s privateEndpointNetworkPolicies is Enabled ' +
      '(or NetworkSecurityGroupEnabled / RouteTableEnabled). The default is Disabled, so an NSG or route table on a private endpoint subnet silently does nothing for the endpoints.',
    fix: 'Set privateEndpointNetworkPolicies to Enabled on the subnet (the quick fix does this), or to the one of NetworkSecurityGroupEnabled / RouteTableEnabled you need.',
    sources: [
      { title: 'Manage network policies for private endpoints', url: 'https://learn.microsoft.com/azure/private-link/disable-private-endpoint-network-policy' },
      { title: 'What is a private endpoint? Network security of private endpoints', url: 'https://learn.microsoft.com/azure/private-link/private-endpoint-overview' },
    ],
    checkable: 'static',
  },
  check(topology, { report }) {
    for (const subnet of topology.all('subnet')) {
      const policies = subnet.privateEndpointNetworkPolicies ?? 'Disabled';
      if (policies === 'Enabled' || topology.incoming(subnet.id, 'peSubnet').length === 0) continue;
      const nsg = topology.incoming(subnet.id, 'nsgAssociation').length > 0;
      const routes = topology.incoming(subnet.id, 'routeTableAssociation').length > 0;
      const ignored = [
        ...(nsg && policies !== 'NetworkSecurityGroupEnabled' ? ['network security group'] : []),
        ...(routes && policies !== 'RouteTableEnabled' ? ['route table'] : []),
      ];
      if (ignored.length === 0) continue;
      report({
        elementId: subnet.id,
        property: 'privateEndpointNetworkPolicies',
        message: `Subnet "${subnet.name}" hosts private endpoints with privateEndpointNetworkPolicies ${subnet.privateEndpointNetworkPolicies ?? 'unset (Disabled)'}, so its ${ignored.join(' and ')} do${ignored.length > 1 ? '' : 'es'} not apply to private endpoint traffic.`,
        fixes: [{ title: 'Set privateEndpointNetworkPolicies to Enabled', edit: { op: 'updateElement', id: subnet.id, set: { privateEndpointNetworkPolicies: 'Enabled' } } }],
      });
    }
  },
};
