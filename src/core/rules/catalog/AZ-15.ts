// AZ-15: a VNet links to at most one private DNS zone of each name, and auto-registers in at most one zone.
import type { ElementOf } from '../../model/schema';
import type { Rule } from '../rule';

/** DNS names compare case-insensitively, with or without the trailing root dot. */
export function canonicalZoneName(name: string): string {
  return name.toLowerCase().replace(/\.$/, '');
}

export const rule: Rule = {
  meta: {
    id: 'AZ-15',
    title: 'One private DNS zone of each name per VNet',
    severity: 'error',
    category: 'dns',
    rationale:
      'Private DNS zones are global resources linked to VNets. A VNet can be linked to a zone once, cannot be linked to two zones with the same name ' +
      '(resolution would be ambiguous, so Azure refuses the second link), and can have auto-registration enabled on one private DNS zone only.',
    fix: 'Keep one zone per name (usually in a central DNS resource group) and link it to every VNet that needs it; enable auto-registration on at most one zone per VNet.',
    sources: [
      { title: 'Virtual network links for private DNS zones', url: 'https://learn.microsoft.com/azure/dns/private-dns-virtual-network-links' },
      { title: 'Private DNS zone auto-registration', url: 'https://learn.microsoft.com/azure/dns/private-dns-autoregistration' },
      { title: 'Azure Private Endpoint DNS configuration', url: 'https://learn.microsoft.com/azure/private-link/private-endpoint-dns' },
    ],
    checkable: 'static',
  },
  check(topology, { report }) {
    for (const vnet of topology.all('vnet')) {
      const links = topology.incoming(vnet.id, 'dnsZoneLink');
      const byName = new Map<string, ElementOf<'privateDnsZone'>>();
      let registering: string | undefined;
      for (const link of links) {
        const zone = topology.get(link.from, 'privateDnsZone');
        if (!zone) continue;
        const key = canonicalZoneName(zone.name);
        const first = byName.get(key);
        if (first) {
          report({
            relationId: link.id,
            message: `VNet "${vnet.name}" is linked to two private DNS zones named "${zone.name}"; Azure refuses the second link.`,
            related: [{ elementId: first.id, message: 'Zone already linked' }, { elementId: zone.id, message: 'Zone with the same name' }],
          });
        } else byName.set(key, zone);
        if (link.registrationEnabled === true) {
          if (registering !== undefined) {
            report({
              relationId: link.id,
              property: 'registrationEnabled',
              message: `VNet "${vnet.name}" already auto-registers in another private DNS zone (link "${registering}"); a VNet can auto-register in one zone only.`,
              related: [{ relationId: registering, property: 'registrationEnabled', message: 'First auto-registration link' }],
            });
          } else registering = link.id;
        }
      }
    }
  },
};
