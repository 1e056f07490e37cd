// PPV-046: an Azure Firewall sits in its VNet's subnet named exactly AzureFirewallSubnet, /26 or larger.
import { AZURE_FIREWALL_SUBNET, AZURE_FIREWALL_SUBNET_MIN_PREFIX } from '../../model/kinds';
import { tryCidr } from '../../net/cidr';
import type { Rule } from '../rule';
import { label } from '../analysis/power-platform';

export const FIREWALL_SOURCES = {
  subnet: { title: 'Microsoft Learn: Azure Firewall FAQ (why does Azure Firewall need a /26 subnet size)', url: 'https://learn.microsoft.com/azure/firewall/firewall-faq' },
  rules: { title: 'Microsoft Learn: Configure Azure Firewall rules (rule processing logic)', url: 'https://learn.microsoft.com/azure/firewall/rule-processing' },
  forcedTunneling: { title: 'Microsoft Learn: Azure Firewall forced tunneling', url: 'https://learn.microsoft.com/azure/firewall/forced-tunneling' },
  reserved: { title: 'Microsoft Learn: Virtual network FAQ (addresses Azure reserves in a subnet)', url: 'https://learn.microsoft.com/azure/virtual-network/virtual-networks-faq' },
} as const;

export const rule: Rule = {
  meta: {
    id: 'PPV-046',
    title: 'Azure Firewall in an AzureFirewallSubnet of /26 or larger',
    severity: 'error',
    category: 'egress',
    rationale:
      `Azure deploys a firewall only into the subnet of its VNet named exactly ${AZURE_FIREWALL_SUBNET}, and that subnet must be /${AZURE_FIREWALL_SUBNET_MIN_PREFIX} or larger so the firewall can scale out its instances. A firewall placed anywhere else, or in a smaller subnet, fails to deploy, and the forced tunnel of the delegated subnets then leads nowhere.`,
    fix: `Place the firewall in a subnet named ${AZURE_FIREWALL_SUBNET} (exact spelling) of /${AZURE_FIREWALL_SUBNET_MIN_PREFIX} or larger in the hub VNet.`,
    sources: [FIREWALL_SOURCES.subnet],
    checkable: 'static',
  },
  check(t, ctx) {
    for (const fw of t.all('firewall')) {
      if (fw.appliance === 'nva') continue;
      const subnet = t.targets(fw.id, 'firewallSubnet', 'subnet')[0];
      if (!subnet) {
        ctx.report({ elementId: fw.id, message: `Azure Firewall ${label(fw)} is placed in no subnet; it needs its hub VNet's ${AZURE_FIREWALL_SUBNET}.` });
        continue;
      }
      if (subnet.name !== AZURE_FIREWALL_SUBNET) {
        ctx.report({ elementId: subnet.id, property: 'name', message: `Azure Firewall ${label(fw)} is placed in subnet ${label(subnet)}; Azure deploys a firewall only into a subnet named exactly ${AZURE_FIREWALL_SUBNET}.`, related: [{ elementId: fw.id, message: `Azure Firewall ${label(fw)}.` }] });
        continue;
      }
      const cidr = tryCidr(subnet.addressPrefix);
      if (cidr && cidr.prefix > AZURE_FIREWALL_SUBNET_MIN_PREFIX) {
        ctx.report({ elementId: subnet.id, property: 'addressPrefix', message: `${AZURE_FIREWALL_SUBNET} ${label(subnet)} is /${cidr.prefix}; Azure Firewall needs /${AZURE_FIREWALL_SUBNET_MIN_PREFIX} or larger.`, related: [{ elementId: fw.id, message: `Azure Firewall ${label(fw)}.` }] });
      }
    }
  },
};
