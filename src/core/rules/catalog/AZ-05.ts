// AZ-05: NSGs, route tables and NAT gateways are in the region of the VNets whose subnets they attach to.
import type { RelationKind } from '../../model/kinds';
import type { ElementOf } from '../../model/schema';
import { regionsDiffer } from '../analysis/regions';
import type { Rule } from '../rule';

const ATTACHMENTS: readonly { kind: 'nsg' | 'routeTable' | 'natGateway'; relation: RelationKind; label: string }[] = [
  { kind: 'nsg', relation: 'nsgAssociation', label: 'Network security group' },
  { kind: 'routeTable', relation: 'routeTableAssociation', label: 'Route table' },
  { kind: 'natGateway', relation: 'natAssociation', label: 'NAT gateway' },
];

export const rule: Rule = {
  meta: {
    id: 'AZ-05',
    title: 'Subnet attachments are in their VNet\'s region',
    severity: 'error',
    category: 'region',
    rationale:
      'A VNet lives in exactly one region, and a network security group, route table or NAT gateway can only be associated with subnets of a VNet in its own region. ' +
      'Cross-region connectivity needs peering or gateways, not a resource from another region. (Private endpoint regions are AZ-14.)',
    fix: 'Create the NSG, route table or NAT gateway in the VNet\'s region; use one per region for paired VNets.',
    sources: [
      { title: 'Azure Virtual Network FAQ: regions', url: 'https://learn.microsoft.com/azure/virtual-network/virtual-networks-faq' },
      { title: 'Network security groups: overview', url: 'https://learn.microsoft.com/azure/virtual-network/network-security-groups-overview' },
      { title: 'Azure NAT Gateway resource', url: 'https://learn.microsoft.com/azure/nat-gateway/nat-gateway-resource' },
    ],
    checkable: 'static',
  },
  check(topology, { report }) {
    for (const { kind, relation, label } of ATTACHMENTS) {
      for (const el of topology.all(kind)) {
        const region = (el as ElementOf<typeof kind>).region;
        const reported = new Set<string>();
        for (const subnet of topology.targets(el.id, relation, 'subnet')) {
          const vnet = topology.vnetOf(subnet.id);
          if (!vnet || reported.has(vnet.id) || !regionsDiffer(region, vnet.region)) continue;
          reported.add(vnet.id);
          report({
            elementId: el.id,
            property: 'region',
            message: `${label} "${el.name}" is in ${region} but is attached to subnet "${subnet.name}" of VNet "${vnet.name}" in ${vnet.region}.`,
            related: [{ elementId: vnet.id, property: 'region', message: `Region of "${vnet.name}"` }],
          });
        }
      }
    }
  },
};
