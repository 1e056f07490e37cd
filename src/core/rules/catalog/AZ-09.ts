// AZ-09: Azure's reserved subnet names are spelled exactly, sized as their service needs, and present where a gateway needs one.
import { addressSpaceOf } from '../analysis/address-space';
import type { Rule } from '../rule';

interface ReservedSubnet {
  readonly name: string;
  readonly service: string;
  /** The subnet must be this size or larger (a smaller prefix number). */
  readonly maxPrefix: number;
  /** Some services need exactly one size. */
  readonly exact?: boolean;
  readonly noNsg?: boolean;
}

export const RESERVED_SUBNETS: readonly ReservedSubnet[] = [
  { name: 'GatewaySubnet', service: 'VPN and ExpressRoute gateways', maxPrefix: 27, noNsg: true },
  { name: 'AzureFirewallSubnet', service: 'Azure Firewall', maxPrefix: 26 },
  { name: 'AzureFirewallManagementSubnet', service: 'Azure Firewall forced tunnelling', maxPrefix: 26, exact: true },
  { name: 'AzureBastionSubnet', service: 'Azure Bastion', maxPrefix: 26 },
  { name: 'RouteServerSubnet', service: 'Azure Route Server', maxPrefix: 27 },
];
const BY_LOWER = new Map(RESERVED_SUBNETS.map((r) => [r.name.toLowerCase(), r]));

export const rule: Rule = {
  meta: {
    id: 'AZ-09',
    title: 'Reserved subnets are named and sized as their service requires',
    severity: 'error',
    category: 'naming',
    rationale:
      'Gateways, Azure Firewall, Bastion and Route Server deploy only into subnets with an exact reserved name: GatewaySubnet (/27 or larger, no NSG), ' +
      'AzureFirewallSubnet (/26 or larger), AzureFirewallManagementSubnet (/26), AzureBastionSubnet (/26 or larger), RouteServerSubnet (/27 or larger). ' +
      'A VPN or ExpressRoute gateway needs a GatewaySubnet in its VNet.',
    fix: 'Spell the name exactly (case matters), widen the prefix, remove the NSG from GatewaySubnet, or add a GatewaySubnet to the gateway\'s VNet.',
    sources: [
      { title: 'VPN Gateway settings: gateway subnet', url: 'https://learn.microsoft.com/azure/vpn-gateway/vpn-gateway-about-vpn-gateway-settings' },
      { title: 'Azure Firewall FAQ: subnet size', url: 'https://learn.microsoft.com/azure/firewall/firewall-faq' },
      { title: 'Azure Bastion configuration settings: subnet', url: 'https://learn.microsoft.com/azure/bastion/configuration-settings' },
      { title: 'Azure Route Server FAQ', url: 'https://learn.microsoft.com/azure/route-server/route-server-faq' },
    ],
    checkable: 'static',
  },
  check(topology, { report }) {
    const space = addressSpaceOf(topology);
    for (const subnet of topology.all('subnet')) {
      const reserved = BY_LOWER.get(subnet.name.toLowerCase());
      if (!reserved) continue;
      if (subnet.name !== reserved.name) {
        report({ elementId: subnet.id, property: 'name', message: `Subnet "${subnet.name}" must be named exactly "${reserved.name}" for ${reserved.service}; the name is case-sensitive.` });
      }
      const prefix = space.subnets.get(subnet.id)?.prefix;
      if (prefix && (reserved.exact ? prefix.prefix !== reserved.maxPrefix : prefix.prefix > reserved.maxPrefix)) {
        report({
          elementId: subnet.id,
          property: 'addressPrefix',
          message: `${reserved.name} is ${prefix.text}; ${reserved.service} need${reserved.service.endsWith('s') ? '' : 's'} ${reserved.exact ? 'exactly' : 'at least'} a /${reserved.maxPrefix}.`,
        });
      }
      if (reserved.noNsg) {
        for (const nsg of topology.sources(subnet.id, 'nsgAssociation', 'nsg')) {
          report({ elementId: subnet.id, message: `${reserved.name} must not have a network security group, but "${nsg.name}" is attached; gateways stop working.`, related: [{ elementId: nsg.id, message: 'Attached NSG' }] });
        }
      }
    }
    for (const gateway of [...topology.all('vpnGateway'), ...topology.all('expressRouteGateway')]) {
      const vnet = topology.vnetOf(gateway.id);
      if (!vnet) continue;
      if (topology.children(vnet.id, 'subnet').some((s) => s.name === 'GatewaySubnet')) continue;
      report({ elementId: gateway.id, message: `Gateway "${gateway.name}" needs a subnet named exactly "GatewaySubnet" in VNet "${vnet.name}".`, related: [{ elementId: vnet.id, message: `VNet "${vnet.name}"` }] });
    }
  },
};
