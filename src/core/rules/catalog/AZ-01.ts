// AZ-01: a subnet cannot host more IP consumers than it has usable addresses (Azure keeps five per subnet).
import { azureUsable, AZURE_RESERVED_PER_SUBNET } from '../../net/cidr';
import { addressSpaceOf } from '../analysis/address-space';
import type { Rule } from '../rule';

export const rule: Rule = {
  meta: {
    id: 'AZ-01',
    title: 'Subnet has room for what it hosts (5 addresses reserved)',
    severity: 'error',
    category: 'address-space',
    rationale:
      'Azure reserves five addresses in every subnet: the network address, the default gateway, two for Azure DNS and the broadcast address. ' +
      'Each private endpoint takes one of the remaining addresses, so a subnet with more private endpoints than usable addresses fails to deploy the last ones.',
    fix: 'Move some private endpoints to another subnet, or widen the subnet prefix (for example /28 → /27) while it is still empty.',
    sources: [
      { title: 'Azure Virtual Network FAQ: reserved addresses in a subnet', url: 'https://learn.microsoft.com/azure/virtual-network/virtual-networks-faq' },
      { title: 'Private endpoint properties: one private IP per endpoint', url: 'https://learn.microsoft.com/azure/private-link/private-endpoint-overview' },
    ],
    checkable: 'static',
  },
  check(topology, { report }) {
    const space = addressSpaceOf(topology);
    for (const { subnet, prefix } of space.subnets.values()) {
      if (!prefix) continue;
      const endpoints = topology.incoming(subnet.id, 'peSubnet').length;
      const usable = azureUsable(prefix);
      if (endpoints <= usable) continue;
      report({
        elementId: subnet.id,
        property: 'addressPrefix',
        message: `Subnet "${subnet.name}" (${prefix.text}) has ${usable} usable addresses after the ${AZURE_RESERVED_PER_SUBNET} Azure reserves, but hosts ${endpoints} private endpoints, one address each.`,
      });
    }
  },
};
