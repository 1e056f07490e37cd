// AZ-14: a private endpoint is in its VNet's region, and registers in at most one DNS zone of each name.
import type { ElementOf } from '../../model/schema';
import { regionsDiffer } from '../analysis/regions';
import { canonicalZoneName } from './AZ-15';
import type { Rule } from '../rule';

export const rule: Rule = {
  meta: {
    id: 'AZ-14',
    title: 'Private endpoint is in its VNet\'s region',
    severity: 'error',
    category: 'private-endpoint',
    rationale:
      'A private endpoint must be created in the same region as the virtual network of its subnet (the service it connects to can be anywhere). ' +
      'Its DNS zone group can hold one zone per zone name; two zones with the same name would register the same record twice.',
    fix: 'Create the private endpoint in the VNet\'s region (or place it in a subnet of a VNet in its region), and register it in one zone of each name.',
    sources: [
      { title: 'What is a private endpoint? Private endpoint properties', url: 'https://learn.microsoft.com/azure/private-link/private-endpoint-overview' },
      { title: 'Azure Private Endpoint DNS configuration', url: 'https://learn.microsoft.com/azure/private-link/private-endpoint-dns' },
    ],
    checkable: 'static',
  },
  check(topology, { report }) {
    for (const pe of topology.all('privateEndpoint')) {
      const subnet = topology.targets(pe.id, 'peSubnet', 'subnet')[0];
      const vnet = subnet && topology.vnetOf(subnet.id);
      if (vnet && regionsDiffer(pe.region, vnet.region)) {
        report({
          elementId: pe.id,
          property: 'region',
          message: `Private endpoint "${pe.name}" is in ${pe.region}, but its subnet "${subnet.name}" is in VNet "${vnet.name}" in ${vnet.region}.`,
          related: [{ elementId: vnet.id, property: 'region', message: `Region of "${vnet.name}"` }],
        });
      }
      const byName = new Map<string, ElementOf<'privateDnsZone'>>();
      for (const zone of topology.targets(pe.id, 'peDnsZone', 'privateDnsZone')) {
        const key = canonicalZoneName(zone.name);
        const first = byName.get(key);
        if (!first) {
          byName.set(key, zone);
          continue;
        }
        report({
          elementId: pe.id,
          message: `Private endpoint "${pe.name}" registers in two DNS zones named "${zone.name}"; a zone group takes one zone per name.`,
          related: [{ elementId: first.id, message: 'First zone' }, { elementId: zone.id, message: 'Second zone of the same name' }],
        });
      }
    }
  },
};
