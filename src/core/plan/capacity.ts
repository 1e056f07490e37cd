// Capacity of a policy's delegated subnets: the usable IPs its linked and planned environments need, the
// smallest prefix that holds them, and each subnet's headroom. Pure; shared by PPV-012, PPV-039, the CLI
// planner and the inspector, so the figures a user sees are the figures the rules judge.
import type { ElementOf } from '../model/schema';
import type { Topology } from '../model/topology';
import { AZURE_RESERVED_PER_SUBNET } from '../net/cidr';
import { NON_PRODUCTION_IPS, PRODUCTION_IPS, capacityDemand, delegatedSubnets, linkedEnvironments, usableIps } from '../rules/analysis/power-platform';

/** Azure's smallest subnet is a /29; smaller blocks cannot be created, so a plan never proposes one. */
export const SMALLEST_SUBNET_PREFIX = 29;

export interface EnvironmentCount {
  readonly production: number;
  readonly nonProduction: number;
}

export interface SubnetCapacity {
  readonly subnet: ElementOf<'subnet'>;
  readonly vnet: ElementOf<'vnet'> | undefined;
  /** Size − 5; undefined when the prefix is unknown or not IPv4. */
  readonly usable: number | undefined;
  /** usable − required; negative when the subnet is too small. */
  readonly headroom: number | undefined;
}

export interface PolicyCapacity {
  readonly linked: EnvironmentCount;
  readonly planned: EnvironmentCount;
  /** Usable IPs for linked + planned environments (each subnet must hold them all, failover included). */
  readonly requiredUsable: number;
  /** Usable IPs for the linked environments alone. */
  readonly linkedUsable: number;
  /** Longest prefix (smallest block) whose usable IPs cover `requiredUsable`. */
  readonly smallestPrefix: number;
  readonly subnets: readonly SubnetCapacity[];
}

/** Usable IPs the environments need, with Microsoft's per-environment budget (domain.md §3.1). */
export function requiredUsableIps(count: EnvironmentCount): number {
  return count.production * PRODUCTION_IPS + count.nonProduction * NON_PRODUCTION_IPS;
}

/** The smallest block that holds `usable` IPs after Azure's 5 reserved ones: 125 → /25, 205 → /24. */
export function smallestPrefixFor(usable: number): number {
  let prefix = SMALLEST_SUBNET_PREFIX;
  while (prefix > 0 && 2 ** (32 - prefix) - AZURE_RESERVED_PER_SUBNET < usable) prefix--;
  return prefix;
}

export function policyCapacity(t: Topology, policy: ElementOf<'enterprisePolicy'>): PolicyCapacity {
  const demand = capacityDemand(linkedEnvironments(t, policy.id));
  const linked = { production: demand.production, nonProduction: demand.nonProduction };
  const planned = { production: policy.plannedEnvironments?.production ?? 0, nonProduction: policy.plannedEnvironments?.nonProduction ?? 0 };
  const requiredUsable = demand.ips + requiredUsableIps(planned);
  const subnets = delegatedSubnets(t, policy.id).map(({ subnet, vnet }) => {
    const usable = usableIps(subnet);
    return { subnet, vnet, usable, headroom: usable === undefined ? undefined : usable - requiredUsable };
  });
  return { linked, planned, requiredUsable, linkedUsable: demand.ips, smallestPrefix: smallestPrefixFor(requiredUsable), subnets };
}
