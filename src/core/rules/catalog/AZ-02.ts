// AZ-02: a subnet prefix is a well-formed CIDR block: IPv4 between /29 and /2, IPv6 exactly /64.
import { addressSpaceOf } from '../analysis/address-space';
import type { Rule } from '../rule';

/** Azure's IPv4 subnet size limits: the smallest subnet is /29, the largest /2. */
export const SMALLEST_SUBNET_PREFIX = 29;
export const LARGEST_SUBNET_PREFIX = 2;
/** An IPv6 subnet of a dual-stack VNet is always a /64. */
export const IPV6_SUBNET_PREFIX = 64;

export const rule: Rule = {
  meta: {
    id: 'AZ-02',
    title: 'Subnet prefix is a valid CIDR block from /29 to /2',
    severity: 'error',
    category: 'address-space',
    rationale:
      'Azure accepts an IPv4 subnet prefix only in dotted-decimal CIDR form with the host bits cleared, and only from /29 (8 addresses, 3 usable) to /2; ' +
      'the IPv6 prefix of a dual-stack subnet must be exactly /64. ' +
      'Anything else is refused at deployment, and a malformed prefix makes every other address check meaningless.',
    fix: 'Write the prefix as a.b.c.d/p with the network address (for example 10.10.1.0/24, not 10.10.1.5/24 or 010.10.1.0/24), and choose a length from /29 to /2; write an IPv6 prefix as a /64 network (for example fd00:db8:deca:1::/64).',
    sources: [
      { title: 'Azure Virtual Network FAQ: smallest and largest subnets', url: 'https://learn.microsoft.com/azure/virtual-network/virtual-networks-faq' },
      { title: 'Add, change, or delete a virtual network subnet', url: 'https://learn.microsoft.com/azure/virtual-network/virtual-network-manage-subnet' },
    ],
    checkable: 'static',
  },
  check(topology, { report }) {
    const space = addressSpaceOf(topology);
    for (const m of space.malformedSubnetPrefixes) {
      report({ elementId: m.elementId, property: m.property, message: `Address prefix is not a valid CIDR block: ${m.error}.` });
    }
    for (const { subnet, prefix } of space.subnets.values()) {
      if (!prefix) continue;
      if (prefix.prefix > SMALLEST_SUBNET_PREFIX) {
        report({ elementId: subnet.id, property: 'addressPrefix', message: `Subnet "${subnet.name}" is ${prefix.text}; Azure's smallest subnet is /${SMALLEST_SUBNET_PREFIX} (8 addresses, 3 usable).` });
      } else if (prefix.prefix < LARGEST_SUBNET_PREFIX) {
        report({ elementId: subnet.id, property: 'addressPrefix', message: `Subnet "${subnet.name}" is ${prefix.text}; Azure's largest subnet is /${LARGEST_SUBNET_PREFIX}.` });
      }
    }
    for (const { subnet, ipv6Prefix } of space.subnets.values()) {
      if (!ipv6Prefix || ipv6Prefix.prefix === IPV6_SUBNET_PREFIX) continue;
      report({ elementId: subnet.id, property: 'addressPrefix', message: `Subnet "${subnet.name}" is ${ipv6Prefix.text}; an IPv6 subnet in Azure is exactly /${IPV6_SUBNET_PREFIX}.` });
    }
  },
};
