// Shared readings for the VNet data gateway rules: the gateway's subnet, whether a subnet carries the
// gateway's delegation, and the Azure regions the gateway runs in (Microsoft's list, June 2025).
import { VNET_DATA_GATEWAY_DELEGATION } from '../../model/kinds';
import type { ElementOf } from '../../model/schema';
import type { Topology } from '../../model/topology';
import type { RuleSource } from '../rule';

export const DATA_GATEWAY_SOURCES = {
  create: { title: 'Microsoft Learn: Create virtual network data gateways', url: 'https://learn.microsoft.com/data-integration/vnet/create-data-gateways' },
  overview: { title: 'Microsoft Learn: What is a virtual network (VNet) data gateway?', url: 'https://learn.microsoft.com/data-integration/vnet/overview' },
} as const satisfies Record<string, RuleSource>;

/** The subnet a gateway runs in, if the design draws one. */
export function dataGatewaySubnet(t: Topology, gatewayId: string): ElementOf<'subnet'> | undefined {
  return t.targets(gatewayId, 'dataGatewaySubnet', 'subnet')[0];
}

/** Whether the subnet is delegated to the VNet data gateway; undefined when its delegations are unknown. */
export function hasDataGatewayDelegation(subnet: ElementOf<'subnet'>): boolean | undefined {
  return subnet.delegations === undefined ? undefined : subnet.delegations.some((d) => d.toLowerCase() === VNET_DATA_GATEWAY_DELEGATION.toLowerCase());
}

/**
 * "Regions supported for virtual network data gateways" (create-data-gateways.md, ms.date 6/10/2025),
 * in ARM's canonical spelling. The list grows; a region missing here is reported, not refused.
 */
export const DATA_GATEWAY_REGIONS: readonly string[] = [
  'australiaeast', 'australiasoutheast', 'brazilsouth', 'canadacentral', 'centralindia', 'centralus', 'eastasia', 'eastus',
  'eastus2', 'francecentral', 'germanywestcentral', 'japaneast', 'koreacentral', 'indonesiacentral', 'israelcentral',
  'italynorth', 'malaysiawest', 'mexicocentral', 'newzealandnorth', 'northcentralus', 'northeurope', 'norwayeast',
  'polandcentral', 'spaincentral', 'southafricanorth', 'southcentralus', 'southeastasia', 'swedencentral',
  'switzerlandnorth', 'taiwannorth', 'uaenorth', 'uksouth', 'ukwest', 'westcentralus', 'westeurope', 'westus', 'westus2',
  'westus3',
];
