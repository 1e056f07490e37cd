// AZ-04: every subnet lies inside its VNet's address space, and the subnets of a VNet do not overlap.
import { contains, findOverlaps, type Cidr } from '../../net/cidr';
import type { ElementOf } from '../../model/schema';
import { addressSpaceOf } from '../analysis/address-space';
import type { Rule } from '../rule';

export const AZ04: Rule = {
  meta: {
    id: 'AZ-04',
    title: 'Subnets lie inside their VNet and do not overlap',
    severity: 'error',
    category: 'address-space',
    rationale:
      'A subnet prefix must be part of one of its VNet\'s address spaces, and subnet address ranges cannot overlap: Azure refuses the subnet ' +
      'that would overlap another, and a subnet outside the VNet space cannot be created at all.',
    fix: 'Move the subnet to a free block inside the VNet address space, or add a VNet address space that covers it.',
    sources: [
      { title: 'Azure Virtual Network FAQ: subnets', url: 'https://learn.microsoft.com/azure/virtual-network/virtual-networks-faq' },
      { title: 'Add, change, or delete a virtual network subnet', url: 'https://learn.microsoft.com/azure/virtual-network/virtual-network-manage-subnet' },
    ],
    checkable: 'static',
  },
  check(topology, { report }) {
    const space = addressSpaceOf(topology);
    // A VNet with a malformed space (AZ-03's finding) cannot tell which subnets are outside it.
    const incomplete = new Set(space.malformedVnetSpaces.map((m) => m.elementId));
    for (const { vnet, spaces } of space.vnets.values()) {
      const items: { cidr: Cidr; tag: ElementOf<'subnet'> }[] = [];
      for (const subnet of topology.children(vnet.id, 'subnet')) {
        const prefix = space.subnets.get(subnet.id)?.prefix;
        if (!prefix) continue;
        items.push({ cidr: prefix, tag: subnet });
        if (spaces && !incomplete.has(vnet.id) && !spaces.some((s) => contains(s, prefix))) {
          report({
            elementId: subnet.id,
            property: 'addressPrefix',
            message: spaces.length === 0
              ? `Subnet "${subnet.name}" (${prefix.text}) is in VNet "${vnet.name}", which has no address space.`
              : `Subnet "${subnet.name}" (${prefix.text}) is outside the address space of VNet "${vnet.name}" (${spaces.map((s) => s.text).join(', ')}).`,
            related: [{ elementId: vnet.id, property: 'addressSpaces', message: `Address space of "${vnet.name}"` }],
          });
        }
      }
      for (const [a, b] of findOverlaps(items)) {
        report({
          elementId: b.id,
          property: 'addressPrefix',
          message: `Subnet "${b.name}" (${b.addressPrefix}) overlaps subnet "${a.name}" (${a.addressPrefix}) in VNet "${vnet.name}".`,
          related: [{ elementId: a.id, property: 'addressPrefix', message: `Overlapping subnet "${a.name}"` }],
        });
      }
    }
  },
};
