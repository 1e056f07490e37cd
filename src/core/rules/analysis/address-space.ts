// Parsed address space of a design, shared by every rule that reasons about CIDR blocks: each VNet's
// spaces and each subnet's prefix parsed once per validation, with the malformed texts and their errors.
// IPv4 and IPv6 blocks are kept apart: a dual-stack VNet has both, and they never overlap each other.
import { parseAddressPrefix } from '../../net/address-prefix';
import type { Cidr } from '../../net/cidr';
import type { Ipv6Cidr } from '../../net/ipv6';
import type { ElementOf } from '../../model/schema';
import type { Topology } from '../../model/topology';

/** A CIDR text that does not parse, where it was written, and the exact parse error. */
export interface MalformedCidr {
  readonly elementId: string;
  readonly property: 'addressPrefix' | 'addressSpaces';
  readonly text: string;
  readonly error: string;
}

export interface VnetSpace {
  readonly vnet: ElementOf<'vnet'>;
  /** Well-formed IPv4 spaces only; undefined when the design does not say (IaC could not resolve it). */
  readonly spaces: readonly Cidr[] | undefined;
  /** Well-formed IPv6 spaces of a dual-stack VNet; undefined exactly when `spaces` is. */
  readonly ipv6Spaces: readonly Ipv6Cidr[] | undefined;
}

export interface SubnetSpace {
  readonly subnet: ElementOf<'subnet'>;
  /** The IPv4 prefix; undefined when the prefix is unknown, malformed or IPv6. */
  readonly prefix: Cidr | undefined;
  /** The prefix when it is IPv6. */
  readonly ipv6Prefix: Ipv6Cidr | undefined;
}

export interface AddressSpace {
  readonly vnets: ReadonlyMap<string, VnetSpace>;
  readonly subnets: ReadonlyMap<string, SubnetSpace>;
  readonly malformedSubnetPrefixes: readonly MalformedCidr[];
  readonly malformedVnetSpaces: readonly MalformedCidr[];
}

// One analysis per Topology: several rules ask, the engine builds a new Topology per validation.
const owner = {};

/** The parsed address space of the design behind `topology`, computed once per topology in O(n). */
export function addressSpaceOf(topology: Topology): AddressSpace {
  return topology.derive(owner, '', () => computeAddressSpace(topology));
}

function computeAddressSpace(topology: Topology): AddressSpace {
  const vnets = new Map<string, VnetSpace>();
  const subnets = new Map<string, SubnetSpace>();
  const malformedVnetSpaces: MalformedCidr[] = [];
  const malformedSubnetPrefixes: MalformedCidr[] = [];
  for (const vnet of topology.all('vnet')) {
    let spaces: Cidr[] | undefined;
    let ipv6Spaces: Ipv6Cidr[] | undefined;
    if (vnet.addressSpaces !== undefined) {
      spaces = [];
      ipv6Spaces = [];
      for (const text of vnet.addressSpaces) {
        const r = parseAddressPrefix(text);
        if (!r.ok) malformedVnetSpaces.push({ elementId: vnet.id, property: 'addressSpaces', text, error: r.error });
        else if (r.family === 4) spaces.push(r.cidr);
        else ipv6Spaces.push(r.cidr);
      }
    }
    vnets.set(vnet.id, { vnet, spaces, ipv6Spaces });
  }
  for (const subnet of topology.all('subnet')) {
    let prefix: Cidr | undefined;
    let ipv6Prefix: Ipv6Cidr | undefined;
    if (subnet.addressPrefix !== undefined) {
      const r = parseAddressPrefix(subnet.addressPrefix);
      if (!r.ok) malformedSubnetPrefixes.push({ elementId: subnet.id, property: 'addressPrefix', text: subnet.addressPrefix, error: r.error });
      else if (r.family === 4) prefix = r.cidr;
      else ipv6Prefix = r.cidr;
    }
    subnets.set(subnet.id, { subnet, prefix, ipv6Prefix });
  }
  return { vnets, subnets, malformedSubnetPrefixes, malformedVnetSpaces };
}
