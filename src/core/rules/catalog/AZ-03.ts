// AZ-03: VNet address spaces (IPv4, and IPv6 in a dual-stack VNet) are well-formed, avoid the IPv4 ranges
// Azure refuses, and do not overlap each other.
import { findOverlaps, overlaps, tryCidr, type Cidr } from '../../net/cidr';
import { addressSpaceOf } from '../analysis/address-space';
import type { Rule } from '../rule';

/** Ranges a VNet address space may not include (multicast, broadcast, loopback, link-local, the Azure platform IP). */
export const EXCLUDED_RANGES: readonly { cidr: Cidr; why: string }[] = [
  { text: '224.0.0.0/4', why: 'multicast' },
  { text: '255.255.255.255/32', why: 'broadcast' },
  { text: '127.0.0.0/8', why: 'loopback' },
  { text: '169.254.0.0/16', why: 'link-local' },
  { text: '168.63.129.16/32', why: 'the Azure platform address (DNS, health probes)' },
].map(({ text, why }) => ({ cidr: tryCidr(text)!, why }));

export const rule: Rule = {
  meta: {
    id: 'AZ-03',
    title: 'VNet address spaces are valid and avoid reserved ranges',
    severity: 'error',
    category: 'address-space',
    rationale:
      'Azure refuses a VNet whose address space is malformed, includes 224.0.0.0/4 (multicast), 255.255.255.255/32 (broadcast), 127.0.0.0/8 (loopback), ' +
      '169.254.0.0/16 (link-local) or 168.63.129.16/32 (the platform address used for DNS and health probes), or lists overlapping blocks.',
    fix: 'Use private RFC 1918 blocks (10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16) written as network addresses, and keep the blocks of one VNet disjoint.',
    sources: [
      { title: 'Azure Virtual Network FAQ: what address ranges can I use', url: 'https://learn.microsoft.com/azure/virtual-network/virtual-networks-faq' },
      { title: 'What is IP address 168.63.129.16?', url: 'https://learn.microsoft.com/azure/virtual-network/what-is-ip-address-168-63-129-16' },
    ],
    checkable: 'static',
  },
  check(topology, { report }) {
    const space = addressSpaceOf(topology);
    for (const m of space.malformedVnetSpaces) {
      report({ elementId: m.elementId, property: m.property, message: `Address space is not a valid CIDR block: ${m.error}.` });
    }
    for (const { vnet, spaces, ipv6Spaces } of space.vnets.values()) {
      if (!spaces) continue;
      if (vnet.addressSpaces?.length === 0) {
        report({ elementId: vnet.id, property: 'addressSpaces', message: `VNet "${vnet.name}" has no address space; Azure needs at least one block, such as 10.0.0.0/16.` });
      }
      for (const s of spaces) {
        for (const ex of EXCLUDED_RANGES) {
          if (overlaps(s, ex.cidr)) {
            report({ elementId: vnet.id, property: 'addressSpaces', message: `Address space ${s.text} of "${vnet.name}" includes ${ex.cidr.text} (${ex.why}), which Azure does not allow in a VNet.` });
          }
        }
      }
      // The families are compared apart: a dual-stack VNet's IPv6 block never overlaps its IPv4 ones.
      const overlapping = [
        ...findOverlaps(spaces.map((cidr) => ({ cidr, tag: cidr.text }))),
        ...findOverlaps((ipv6Spaces ?? []).map((cidr) => ({ cidr, tag: cidr.text }))),
      ];
      for (const [a, b] of overlapping) {
        report({ elementId: vnet.id, property: 'addressSpaces', message: `Address spaces ${a} and ${b} of "${vnet.name}" overlap; the blocks of one VNet must be disjoint.` });
      }
    }
  },
};
