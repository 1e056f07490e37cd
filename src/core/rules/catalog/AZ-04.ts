// AZ-04: every subnet lies inside its VNet's address space of the same family, and the subnets of a VNet do
// not overlap.
import { contains, findOverlaps, type Cidr } from '../../net/cidr';
import type { ElementOf } from '../../model/schema';
import type { Ipv6Cidr } from '../../net/ipv6';
import { addressSpaceOf } from '../analysis/address-space';
import type { Rule } from '../rule';

export const rule: Rule = {
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
    for (const { vnet, spaces, ipv6Spaces } of space.vnets.values()) {
      // Each family is checked on its own: an IPv6 subnet lies in an IPv6 space and overlaps only IPv6 subnets.
      const items: { cidr: Cidr; tag: ElementOf<'subnet'> }[] = [];
      const ipv6Items: { cidr: Ipv6Cidr; tag: ElementOf<'subnet'> }[] = [];
      const outside = (subnet: ElementOf<'subnet'>, text: string, family: readonly { text: string }[], label: string) => {
        report({
          elementId: subnet.id,
          property: 'addressPrefix',
          message: family.length === 0
            ? `Subnet "${subnet.name}" (${text}) is in VNet "${vnet.name}", which has no ${label}address space.`
            : `Subnet "${subnet.name}" (${text}) is outside the ${label}address space of VNet "${vnet.name}" (${family.map((s) => s.text).join(', ')}).`,
          related: [{ elementId: vnet.id, property: 'addressSpaces', message: `Address space of "${vnet.name}"` }],
        });
      };
      const known = spaces !== undefined && ipv6Spaces !== undefined && !incomplete.has(vnet.id);
      for (const subnet of topology.children(vnet.id, 'subnet')) {
        const { prefix, ipv6Prefix } = space.subnets.get(subnet.id) ?? {};
        if (prefix) {
          items.push({ cidr: prefix, tag: subnet });
          if (known && !spaces.some((s) => contains(s, prefix))) outside(subnet, prefix.text, spaces, ipv6Spaces.length > 0 ? 'IPv4 ' : '');
        } else if (ipv6Prefix) {
          ipv6Items.push({ cidr: ipv6Prefix, tag: subnet });
          if (known && !ipv6Spaces.some((s) => contains(s, ipv6Prefix))) outside(subnet, ipv6Prefix.text, ipv6Spaces, 'IPv6 ');
        }
      }
      for (const [a, b] of [...findOverlaps(items), ...findOverlaps(ipv6Items)]) {
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
