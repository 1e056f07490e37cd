// PPV-049: a firewall's private IP, the next hop routes name, is a usable address of its own subnet.
import { AZURE_RESERVED_PER_SUBNET, formatIpv4, tryCidr } from '../../net/cidr';
import { ipOf } from '../../verify/network';
import type { Rule } from '../rule';
import { label } from '../analysis/power-platform';
import { FIREWALL_SOURCES } from './PPV-046';

export const rule: Rule = {
  meta: {
    id: 'PPV-049',
    title: 'Firewall private IP in its own subnet',
    severity: 'error',
    category: 'egress',
    rationale:
      `A firewall or appliance takes its private IP from the subnet it is placed in (Azure Firewall the first usable one, .4 of AzureFirewallSubnet). Azure keeps the first four addresses and the last one of every subnet (${AZURE_RESERVED_PER_SUBNET} in all), so an IP outside the subnet or on a reserved address is never the appliance's, and the routes that name it as next hop send the traffic nowhere.`,
    fix: 'Set the private IP to a usable address of the subnet the firewall is placed in (for Azure Firewall the fourth address of AzureFirewallSubnet, e.g. 10.0.1.4 in 10.0.1.0/26), and point the routes at it.',
    sources: [FIREWALL_SOURCES.reserved, FIREWALL_SOURCES.subnet],
    checkable: 'static',
  },
  check(t, ctx) {
    for (const fw of t.all('firewall')) {
      if (fw.privateIpAddress === undefined) continue;
      const subnet = t.targets(fw.id, 'firewallSubnet', 'subnet')[0];
      const cidr = tryCidr(subnet?.addressPrefix);
      const ip = ipOf(fw.privateIpAddress);
      if (ip === undefined) {
        ctx.report({ elementId: fw.id, property: 'privateIpAddress', message: `The private IP '${fw.privateIpAddress}' of ${label(fw)} is not an IPv4 address.` });
        continue;
      }
      if (!subnet || !cidr) continue;
      if (ip < cidr.start || ip > cidr.end) {
        ctx.report({ elementId: fw.id, property: 'privateIpAddress', message: `The private IP ${fw.privateIpAddress} of ${label(fw)} is outside its subnet ${label(subnet)} (${cidr.text}).` });
      } else if (ip < cidr.start + 4 || ip === cidr.end) {
        ctx.report({ elementId: fw.id, property: 'privateIpAddress', message: `The private IP ${fw.privateIpAddress} of ${label(fw)} is one Azure reserves in ${cidr.text}; the first usable address is ${formatIpv4(cidr.start + 4)}.` });
      }
    }
  },
};
