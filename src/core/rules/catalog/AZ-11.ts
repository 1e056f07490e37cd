// AZ-11: NAT gateway limits: 1–16 public IPs, idle timeout 4–120 minutes, subnets of one VNet only, one per subnet.
import type { ElementOf } from '../../model/schema';
import type { Rule } from '../rule';

export const NAT_MAX_PUBLIC_IPS = 16;
export const NAT_IDLE_TIMEOUT = { min: 4, max: 120 } as const;

export const rule: Rule = {
  meta: {
    id: 'AZ-11',
    title: 'NAT gateway is within Azure\'s limits',
    severity: 'error',
    category: 'egress',
    rationale:
      'A Standard NAT gateway needs between 1 and 16 public IP addresses (or prefixes) to translate anything, accepts a TCP idle timeout of 4 to 120 minutes, ' +
      'and cannot span more than one virtual network: every subnet it serves must be in the same VNet. A subnet uses at most one NAT gateway. (Its region is checked by AZ-05.)',
    fix: 'Attach 1–16 public IPs, set the idle timeout between 4 and 120 minutes, use one NAT gateway per VNet, and one per subnet.',
    sources: [
      { title: 'Azure NAT Gateway resource', url: 'https://learn.microsoft.com/azure/nat-gateway/nat-gateway-resource' },
      { title: 'Azure NAT Gateway FAQ', url: 'https://learn.microsoft.com/azure/nat-gateway/faq' },
    ],
    checkable: 'static',
  },
  check(topology, { report }) {
    for (const subnet of topology.all('subnet')) {
      const nats = topology.sources(subnet.id, 'natAssociation', 'natGateway');
      if (nats.length <= 1) continue;
      report({
        elementId: subnet.id,
        message: `Subnet "${subnet.name}" is associated with ${nats.length} NAT gateways (${nats.map((n) => `"${n.name}"`).join(', ')}); a subnet can use one NAT gateway.`,
        related: nats.map((n) => ({ elementId: n.id, message: `NAT gateway "${n.name}"` })),
      });
    }
    for (const nat of topology.all('natGateway')) {
      if (nat.publicIpCount !== undefined && (nat.publicIpCount < 1 || nat.publicIpCount > NAT_MAX_PUBLIC_IPS)) {
        report({ elementId: nat.id, property: 'publicIpCount', message: `NAT gateway "${nat.name}" has ${nat.publicIpCount} public IPs; it needs between 1 and ${NAT_MAX_PUBLIC_IPS}.` });
      }
      const t = nat.idleTimeoutMinutes;
      if (t !== undefined && (t < NAT_IDLE_TIMEOUT.min || t > NAT_IDLE_TIMEOUT.max)) {
        report({ elementId: nat.id, property: 'idleTimeoutMinutes', message: `NAT gateway "${nat.name}" has an idle timeout of ${t} minutes; Azure accepts ${NAT_IDLE_TIMEOUT.min}–${NAT_IDLE_TIMEOUT.max}.` });
      }
      const vnets = new Map<string, ElementOf<'vnet'>>();
      for (const subnet of topology.targets(nat.id, 'natAssociation', 'subnet')) {
        const vnet = topology.vnetOf(subnet.id);
        if (vnet) vnets.set(vnet.id, vnet);
      }
      if (vnets.size > 1) {
        const list = [...vnets.values()];
        report({
          elementId: nat.id,
          message: `NAT gateway "${nat.name}" serves subnets in ${list.length} VNets (${list.map((v) => `"${v.name}"`).join(', ')}); a NAT gateway cannot span more than one VNet.`,
          related: list.map((v) => ({ elementId: v.id, message: `VNet "${v.name}"` })),
        });
      }
    }
  },
};
