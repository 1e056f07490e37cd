// AZ-07: gateway transit over peering is configured the way Azure accepts it.
import type { ElementOf, RelationOf } from '../../model/schema';
import type { Topology } from '../../model/topology';
import { regionsDiffer } from '../analysis/regions';
import type { Rule } from '../rule';

type Gateway = ElementOf<'vpnGateway'> | ElementOf<'expressRouteGateway'>;

function gatewaysOf(topology: Topology, vnetId: string): Gateway[] {
  return [...topology.children(vnetId, 'vpnGateway'), ...topology.children(vnetId, 'expressRouteGateway')];
}

export const rule: Rule = {
  meta: {
    id: 'AZ-07',
    title: 'Gateway transit is configured consistently',
    severity: 'error',
    category: 'peering',
    rationale:
      'A peering with useRemoteGateways only works when the remote VNet has a gateway and its peering back sets allowGatewayTransit. ' +
      'A VNet can use remote gateways over one peering only, not while it has a gateway of its own, and a Basic VPN gateway cannot be used over global (cross-region) peering.',
    fix: 'Set allowGatewayTransit on the hub\'s peering, keep useRemoteGateways on one peering per spoke, remove the spoke\'s own gateway, or upgrade a Basic gateway.',
    sources: [
      { title: 'Configure VPN gateway transit for virtual network peering', url: 'https://learn.microsoft.com/azure/vpn-gateway/vpn-gateway-peering-gateway-transit' },
      { title: 'Virtual network peering: gateways and on-premises connectivity', url: 'https://learn.microsoft.com/azure/virtual-network/virtual-network-peering-overview' },
    ],
    checkable: 'static',
  },
  check(topology, { report }) {
    const byPair = new Map<string, RelationOf<'peering'>>();
    for (const p of topology.relations('peering')) byPair.set(`${p.from}\u0000${p.to}`, p);
    const usersPerVnet = new Map<string, RelationOf<'peering'>[]>();
    for (const p of topology.relations('peering')) {
      if (p.useRemoteGateways !== true) continue;
      const local = topology.get(p.from, 'vnet');
      const remote = topology.get(p.to, 'vnet');
      if (!local || !remote) continue;
      const list = usersPerVnet.get(local.id) ?? [];
      list.push(p);
      usersPerVnet.set(local.id, list);
      if (list.length > 1) {
        report({
          relationId: p.id,
          property: 'useRemoteGateways',
          message: `VNet "${local.name}" already uses remote gateways through peering "${list[0]!.id}"; only one peering per VNet may set useRemoteGateways.`,
          related: [{ relationId: list[0]!.id, property: 'useRemoteGateways', message: 'The first peering that uses remote gateways' }],
        });
      }
      const own = gatewaysOf(topology, local.id);
      if (own.length > 0) {
        report({
          relationId: p.id,
          property: 'useRemoteGateways',
          message: `VNet "${local.name}" has its own gateway "${own[0]!.name}", so its peering to "${remote.name}" cannot use remote gateways.`,
          related: [{ elementId: own[0]!.id, message: 'The VNet\'s own gateway' }],
        });
      }
      const remoteGateways = gatewaysOf(topology, remote.id);
      if (remoteGateways.length === 0) {
        report({ relationId: p.id, property: 'useRemoteGateways', message: `Peering from "${local.name}" uses remote gateways, but "${remote.name}" has no VPN or ExpressRoute gateway.` });
      }
      const back = byPair.get(`${remote.id}\u0000${local.id}`);
      if (back && back.allowGatewayTransit === false) {
        report({
          relationId: p.id,
          property: 'useRemoteGateways',
          message: `Peering from "${local.name}" uses remote gateways, but the peering back from "${remote.name}" does not allow gateway transit.`,
          related: [{ relationId: back.id, property: 'allowGatewayTransit', message: 'Set allowGatewayTransit here' }],
        });
      }
      const basic = remoteGateways.find((g) => g.kind === 'vpnGateway' && g.sku?.toLowerCase() === 'basic');
      if (basic && regionsDiffer(local.region, remote.region)) {
        report({
          relationId: p.id,
          property: 'useRemoteGateways',
          message: `"${remote.name}" has a Basic VPN gateway, which does not support gateway transit over global peering (${local.region} ↔ ${remote.region}).`,
          related: [{ elementId: basic.id, property: 'sku', message: 'Basic SKU gateway' }],
        });
      }
    }
  },
};
