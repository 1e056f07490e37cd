// PPV-051: a DNS private resolver's endpoint subnets are IPv4 /28 to /24 outside 10.0.1.0–10.0.16.255, and a
// VNet is referenced by one resolver only.
import { endpointSubnets } from '../../model/dns-resolvers';
import { tryCidr } from '../../net/cidr';
import type { Rule } from '../rule';
import { DNS_RESOLVER_SOURCES, RESOLVER_RESERVED, RESOLVER_SUBNET_PREFIX } from '../analysis/dns-resolver';
import { label } from '../analysis/power-platform';

export const rule: Rule = {
  meta: {
    id: 'PPV-051',
    title: 'DNS resolver subnets are /28–/24 IPv4 outside 10.0.1.0–10.0.16.255, one resolver per VNet',
    severity: 'error',
    category: 'dns',
    rationale:
      'Azure DNS Private Resolver subnets must be a minimum of /28 and a maximum of /24 address space; the range 10.0.1.0 – 10.0.16.255 is reserved for the service and cannot hold a resolver subnet; IPv6-enabled subnets are not supported. A virtual network can be referenced by a single DNS resolver.',
    fix: 'Size each endpoint subnet between /28 and /24, outside 10.0.1.0/24 … 10.0.16.0/24, IPv4 only; keep one resolver per VNet (a second region gets its own VNet and resolver).',
    sources: [DNS_RESOLVER_SOURCES.overview],
    checkable: 'static',
  },
  check(t, ctx) {
    const seen = new Set<string>();
    for (const { subnet, resolver } of endpointSubnets(t)) {
      if (seen.has(subnet.id) || subnet.addressPrefix === undefined) continue;
      seen.add(subnet.id);
      const where = `Subnet ${label(subnet)} of DNS private resolver ${label(resolver)}`;
      if (subnet.addressPrefix.includes(':')) {
        ctx.report({ elementId: subnet.id, property: 'addressPrefix', message: `${where} is IPv6 (${subnet.addressPrefix}); DNS resolver subnets must be IPv4 only.` });
        continue;
      }
      const cidr = tryCidr(subnet.addressPrefix);
      if (!cidr) continue;
      if (cidr.prefix > RESOLVER_SUBNET_PREFIX.smallest || cidr.prefix < RESOLVER_SUBNET_PREFIX.largest) {
        ctx.report({ elementId: subnet.id, property: 'addressPrefix', message: `${where} is a /${cidr.prefix}; a DNS resolver subnet must be between /${RESOLVER_SUBNET_PREFIX.smallest} and /${RESOLVER_SUBNET_PREFIX.largest}.` });
      }
      if (cidr.start <= RESOLVER_RESERVED.end && RESOLVER_RESERVED.start <= cidr.end) {
        ctx.report({ elementId: subnet.id, property: 'addressPrefix', message: `${where} (${cidr.text}) overlaps ${RESOLVER_RESERVED.text}, which Azure reserves for the DNS resolver service.` });
      }
    }
    for (const vnet of t.all('vnet')) {
      const resolvers = t.children(vnet.id, 'dnsResolver');
      for (const extra of resolvers.slice(1)) {
        ctx.report({ elementId: extra.id, message: `VNet ${label(vnet)} already has DNS private resolver ${label(resolvers[0]!)}; a virtual network can be referenced by a single DNS resolver.` });
      }
    }
  },
};
