// An Azure address prefix of either family, as a VNet address space or subnet prefix may be: IPv4
// (cidr.ts) or IPv6 (ipv6.ts). Rules keep the families apart, since no IPv4 block overlaps an IPv6 one.
import { parseCidr, type Cidr } from './cidr';
import { parseIpv6Cidr, type Ipv6Cidr } from './ipv6';

export type AddressPrefixResult =
  | { readonly ok: true; readonly family: 4; readonly cidr: Cidr }
  | { readonly ok: true; readonly family: 6; readonly cidr: Ipv6Cidr }
  | { readonly ok: false; readonly error: string };

/** A colon only ever appears in IPv6 text, so it decides which strict parser reads the prefix. */
export function parseAddressPrefix(raw: string): AddressPrefixResult {
  if (raw.includes(':')) {
    const r = parseIpv6Cidr(raw);
    return r.ok ? { ok: true, family: 6, cidr: r.cidr } : r;
  }
  const r = parseCidr(raw);
  return r.ok ? { ok: true, family: 4, cidr: r.cidr } : r;
}
