// The step ARM and Terraform cannot take: creating each VNet data gateway, which happens in Power BI's
// "Manage connections and gateways" (or the Power Platform admin center) once its delegated subnet is
// deployed (create-data-gateways.md). Written as data-gateways.md next to the templates.
import { VNET_DATA_GATEWAY_DELEGATION } from '../model/kinds';
import type { ExportPlan } from './export-plan';

/** The Markdown steps, or undefined when the design has no VNet data gateway. */
export function emitDataGatewaySteps(plan: ExportPlan): string | undefined {
  const gateways = plan.all('vnetDataGateway');
  if (gateways.length === 0) return undefined;
  const t = plan.topology;
  // Table cells are design text: keep them on one line and out of the table syntax.
  const cell = (text: string | undefined) => (text ?? '(not in the design)').replace(/[|\\`]/g, (ch) => `\\${ch}`).replace(/\s+/g, ' ');
  const rows = gateways.map((gw) => {
    const subnet = t.targets(gw.id, 'dataGatewaySubnet', 'subnet')[0];
    const vnet = subnet && t.vnetOf(subnet.id);
    return `| ${cell(gw.name)} | ${cell(vnet?.name)} | ${cell(subnet?.name)} | ${cell(vnet?.region)} | ${gw.memberCount ?? 1} |`;
  });
  return [
    '# VNet data gateways: after deployment',
    '',
    `The templates deploy each gateway's subnet, delegated to \`${VNET_DATA_GATEWAY_DELEGATION}\`. The gateway`,
    'itself is not an Azure resource: create it once the deployment has finished.',
    '',
    '| Gateway | Virtual network | Subnet | Region | Members |',
    '|---|---|---|---|---|',
    ...rows,
    '',
    'For each gateway:',
    '',
    '1. Check that `Microsoft.PowerPlatform` is registered as a resource provider in the subscription of the virtual network.',
    '2. Sign in to Power BI (https://app.powerbi.com), open Settings > **Manage connections and gateways** >',
    '   **Virtual network data gateways** > **New**. You need a Power BI Premium (A4 or higher, any P) or Fabric capacity,',
    '   and `Microsoft.Network/virtualNetworks/subnets/join/action` on the virtual network (Network Contributor).',
    '3. Pick the capacity, subscription, resource group, virtual network and subnet from the table. Only subnets',
    `   delegated to \`${VNET_DATA_GATEWAY_DELEGATION}\` are listed.`,
    '4. Name the gateway as in the table and save. Add members up to the count in the table: each takes one IP of the subnet.',
    '',
    'The region, subscription and resource group of the virtual network cannot change after the gateway is created.',
    'Source: https://learn.microsoft.com/data-integration/vnet/create-data-gateways',
    '',
  ].join('\n');
}
