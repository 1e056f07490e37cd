// The address planner over a set of designs: which ranges each design's VNets, subnets and on-premises
// networks use, what each configured pool has free, and a proposed block pair for a new primary/failover
// VNet pair with equal, correctly sized delegated subnets. Pure; the CLI reads the files.
import type { Design } from '../model/schema';
import { overlaps, tryCidr, type Cidr } from '../net/cidr';
import type { AddressPlanConfig, AddressPool } from './address-plan-config';
import { allocateBlock, freeBlocks } from './allocate';
import { requiredUsableIps, smallestPrefixFor, type EnvironmentCount } from './capacity';

export interface PlannedDesign {
  /** The design's file, as shown to the user. */
  readonly file: string;
  readonly design: Design;
}

/** One range a design uses: a VNet address space (with the subnets in it) or an on-premises network. */
export interface UsedRange {
  readonly file: string;
  readonly elementId: string;
  readonly elementName: string;
  readonly kind: 'vnet' | 'onPremises';
  readonly cidr: Cidr;
  readonly subnets: readonly { readonly id: string; readonly name: string; readonly cidr: Cidr }[];
}

export interface PoolUsage {
  readonly pool: AddressPool;
  readonly used: readonly UsedRange[];
  /** Free aligned blocks, lowest first, with reserved and on-premises ranges taken out. */
  readonly free: readonly Cidr[];
  /** Addresses in the pool and free. */
  readonly freeAddresses: number;
}

/** IPv4 ranges the designs use. IPv6 spaces are left out: pools and delegated subnets are IPv4. */
export function usedRanges(designs: readonly PlannedDesign[]): UsedRange[] {
  const out: UsedRange[] = [];
  for (const { file, design } of designs) {
    for (const e of design.elements) {
      if (e.kind !== 'vnet' && e.kind !== 'onPremises') continue;
      const subnets = e.kind === 'vnet'
        ? design.elements.flatMap((s) => {
          const cidr = s.kind === 'subnet' && s.parent === e.id ? tryCidr(s.addressPrefix) : undefined;
          return cidr ? [{ id: s.id, name: s.name, cidr }] : [];
        })
        : [];
      for (const text of e.addressSpaces ?? []) {
        const cidr = tryCidr(text);
        if (cidr) out.push({ file, elementId: e.id, elementName: e.name, kind: e.kind, cidr, subnets: subnets.filter((s) => overlaps(s.cidr, cidr)) });
      }
    }
  }
  return out;
}

/** Everything an allocation must avoid: every used range, and the configured reserved and on-premises ranges. */
export function takenRanges(plan: AddressPlanConfig, used: readonly UsedRange[]): Cidr[] {
  return [...used.map((u) => u.cidr), ...plan.reserved, ...plan.onPremises];
}

export function poolUsage(plan: AddressPlanConfig, used: readonly UsedRange[]): PoolUsage[] {
  const taken = takenRanges(plan, used);
  return plan.pools.map((pool) => {
    const free = pool.ranges.flatMap((r) => freeBlocks(r, taken));
    return {
      pool,
      used: used.filter((u) => pool.ranges.some((r) => overlaps(r, u.cidr))),
      free,
      freeAddresses: free.reduce((n, b) => n + b.size, 0),
    };
  });
}

export interface PairRequest {
  readonly environments: EnvironmentCount;
  /** Prefix of each VNet block; by default one bit larger than the delegated subnet, leaving room beside it. */
  readonly vnetPrefix?: number;
}

export interface PlannedVnet {
  readonly addressSpace: Cidr;
  /** The delegated subnet: the first block of its size in the VNet. */
  readonly delegatedSubnet: Cidr;
}

export type PairProposal =
  | { readonly ok: true; readonly pool: string; readonly requiredUsable: number; readonly primary: PlannedVnet; readonly failover: PlannedVnet }
  | { readonly ok: false; readonly reason: string };

/**
 * Two equal free blocks of one pool for a new primary/failover VNet pair, each with a delegated subnet of
 * the smallest prefix that holds the environments: the pair has equal usable IPs (PPV-011) and room for
 * every environment on failover (PPV-012). The second block is allocated with the first one taken.
 */
export function planNewPair(plan: AddressPlanConfig, poolName: string | undefined, used: readonly UsedRange[], request: PairRequest): PairProposal {
  const pool = poolName === undefined ? plan.pools[0] : plan.pools.find((p) => p.name === poolName);
  if (!pool) {
    return { ok: false, reason: poolName === undefined ? 'No address pool is configured: add "addressPools" to ppvnet.config.json.' : `No address pool is named "${poolName}".` };
  }
  const requiredUsable = requiredUsableIps(request.environments);
  const subnetPrefix = smallestPrefixFor(requiredUsable);
  const vnetPrefix = request.vnetPrefix ?? Math.max(0, subnetPrefix - 1);
  if (vnetPrefix > subnetPrefix) {
    return { ok: false, reason: `A /${vnetPrefix} VNet cannot hold the /${subnetPrefix} delegated subnet that ${requiredUsable} usable IPs need.` };
  }
  const taken = takenRanges(plan, used);
  const vnets: PlannedVnet[] = [];
  for (const role of ['primary', 'failover']) {
    const r = allocateBlock(pool.ranges, taken, vnetPrefix);
    if (!r.ok) return { ok: false, reason: `${r.reason} (pool "${pool.name}", for the ${role} VNet)` };
    taken.push(r.cidr);
    vnets.push({ addressSpace: r.cidr, delegatedSubnet: tryCidr(`${r.cidr.text.split('/')[0]}/${subnetPrefix}`)! });
  }
  return { ok: true, pool: pool.name, requiredUsable, primary: vnets[0]!, failover: vnets[1]! };
}
