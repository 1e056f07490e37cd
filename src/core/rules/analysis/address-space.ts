// Parsed address space of a design, shared by every rule that reasons about CIDR blocks: each VNet's
// spaces and each subnet's prefix parsed once per validation, with the malformed texts and their errors.
import { parseCidr, type Cidr } from '../../net/cidr';
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
  /** Well-formed spaces only; undefined when the design does not say (IaC could not resolve it). */
  readonly spaces: readonly Cidr[] | undefined;
}

export interface SubnetSpace {
  readonly subnet: ElementOf<'subnet'>;
  /** Undefined when the prefix is unknown or malformed. */
  readonly prefix: Cidr | undefined;
}

export interface AddressSpace {
  readonly vnets: ReadonlyMap<string, VnetSpace>;
  readonly subnets: ReadonlyMap<string, SubnetSpace>;
  readonly malformedSubnetPrefixes: readonly MalformedCidr[];
  readonly malformedVnetSpaces: readonly MalformedCidr[];
}

// One analysis per Topology: several rules ask, the engine builds a new Topology per validation.
const cache = new WeakMap<Topology, AddressSpace>();

/** The parsed address space of the design behind `topology`, computed once per topology in O(n). */
export function addressSpaceOf(topology: Topology): AddressSpace {
  const hit = cache.get(topology);
  if (hit) return hit;
  const vnets = new Map<string, VnetSpace>();
  const subnets = new Map<string, SubnetSpace>();
  const malformedVnetSpaces: MalformedCidr[] = [];
  const malformedSubnetPrefixes: MalformedCidr[] = [];
  for (const vnet of topology.all('vnet')) {
    let spaces: Cidr[] | undefined;
    if (vnet.addressSpaces !== undefined) {
      spaces = [];
      for (const text of vnet.addressSpaces) {
        const r = parseCidr(text);
        if (r.ok) spaces.push(r.cidr);
        else malformedVnetSpaces.push({ elementId: vnet.id, property: 'addressSpaces', text, error: r.error });
      }
    }
    vnets.set(vnet.id, { vnet, spaces });
  }
  for (const subnet of topology.all('subnet')) {
    let prefix: Cidr | undefined;
    if (subnet.addressPrefix !== undefined) {
      const r = parseCidr(subnet.addressPrefix);
      if (r.ok) prefix = r.cidr;
      else malformedSubnetPrefixes.push({ elementId: subnet.id, property: 'addressPrefix', text: subnet.addressPrefix, error: r.error });
    }
    subnets.set(subnet.id, { subnet, prefix });
  }
  const result: AddressSpace = { vnets, subnets, malformedSubnetPrefixes, malformedVnetSpaces };
  cache.set(topology, result);
  return result;
}
