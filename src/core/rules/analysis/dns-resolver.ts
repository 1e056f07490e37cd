// Shared readings for the DNS private resolver rules: Microsoft's pages they cite and the subnet limits
// those pages state (dns-private-resolver-overview.md, "Subnet restrictions").
import { parseIpv4 } from '../../net/cidr';
import type { RuleSource } from '../rule';

export const DNS_RESOLVER_SOURCES = {
  overview: { title: 'Microsoft Learn: What is Azure DNS Private Resolver? (restrictions)', url: 'https://learn.microsoft.com/azure/dns/dns-private-resolver-overview#restrictions' },
  rulesets: { title: 'Microsoft Learn: Azure DNS Private Resolver endpoints and rulesets', url: 'https://learn.microsoft.com/azure/dns/private-resolver-endpoints-rulesets' },
  privateZones: { title: 'Microsoft Learn: What is an Azure Private DNS zone? (custom DNS)', url: 'https://learn.microsoft.com/azure/dns/private-dns-privatednszone' },
} as const satisfies Record<string, RuleSource>;

/** "A subnet must be a minimum of /28 address space or a maximum of /24 address space." */
export const RESOLVER_SUBNET_PREFIX = { smallest: 28, largest: 24 } as const;

/** "The following IP address space is reserved and can't be used for the DNS resolver service: 10.0.1.0 - 10.0.16.255." */
export const RESOLVER_RESERVED = { start: parseIpv4('10.0.1.0')!, end: parseIpv4('10.0.16.255')!, text: '10.0.1.0 – 10.0.16.255' } as const;

/** "Rulesets can have up to 25 rules." */
export const MAX_FORWARDING_RULES = 25;
