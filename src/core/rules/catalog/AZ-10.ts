// AZ-10: a subnet is delegated to at most one service.
import type { Rule } from '../rule';

export const rule: Rule = {
  meta: {
    id: 'AZ-10',
    title: 'One delegation per subnet',
    severity: 'error',
    category: 'address-space',
    rationale:
      'Subnet delegation hands a subnet to one Azure service, which then decides what the subnet may contain. A subnet delegated to two services is refused, ' +
      'and a subnet shared between, for example, Power Platform and the VNet data gateway breaks both.',
    fix: 'Keep one delegation and give the other service its own subnet.',
    sources: [
      { title: 'What is subnet delegation?', url: 'https://learn.microsoft.com/azure/virtual-network/subnet-delegation-overview' },
      { title: 'Add or remove a subnet delegation', url: 'https://learn.microsoft.com/azure/virtual-network/manage-subnet-delegation' },
    ],
    checkable: 'static',
  },
  check(topology, { report }) {
    for (const subnet of topology.all('subnet')) {
      const services = [...new Set(subnet.delegations ?? [])];
      if (services.length <= 1) continue;
      report({ elementId: subnet.id, property: 'delegations', message: `Subnet "${subnet.name}" is delegated to ${services.length} services (${services.join(', ')}); a subnet can be delegated to one service only.` });
    }
  },
};
