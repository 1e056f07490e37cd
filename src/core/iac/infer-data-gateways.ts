// The VNet data gateway is created in Power BI or the admin center, never in IaC; what IaC declares is its
// subnet, delegated to Microsoft.PowerPlatform/vnetaccesslinks (the only service that delegation is for).
// So each such subnet a reader finds stands for a gateway in it: the gateway rules (PPV-041…044) then judge
// the subnet as they do on a design. Its name and member count are not in the IaC and stay unknown.
import { VNET_DATA_GATEWAY_DELEGATION } from '../model/kinds';
import type { DesignBuilder } from './design-builder';

export function inferDataGateways(b: DesignBuilder): void {
  const gatewaySubnets = b.elements.filter((e) => e.kind === 'subnet' && Array.isArray(e.delegations)
    && (e.delegations as string[]).some((d) => d.toLowerCase() === VNET_DATA_GATEWAY_DELEGATION.toLowerCase()));
  for (const subnet of gatewaySubnets) {
    const at = b.sourceMap.get({ elementId: subnet.id, property: 'delegations' }) ?? b.sourceMap.get({ elementId: subnet.id });
    if (!at) continue;
    const gateway = b.addElement(`${subnet.id}.data-gateway`, 'vnetDataGateway', { value: `VNet data gateway in ${subnet.name}`, at }, 'data-gateway', at);
    gateway.description = `Not declared in IaC (a VNet data gateway is created in Power BI or the Power Platform admin center); inferred from the subnet's ${VNET_DATA_GATEWAY_DELEGATION} delegation.`;
    b.addRelation('dataGatewaySubnet', gateway, subnet, `${gateway.id}.subnet`, at);
  }
}
