// Shared readings of a design for the Power Platform rules: an enterprise policy's delegated subnets and
// their VNets, the environments linked to it, the connectors those environments run, and the subnet
// capacity they need (domain.md §3.1). Pure functions of a Topology; the per-policy ones are computed once
// per Topology (a dozen rules and the verifier ask the same questions of every policy).
import { POWER_PLATFORM_DELEGATION } from '../../model/kinds';
import type { ElementOf, RelationOf } from '../../model/schema';
import type { Topology } from '../../model/topology';
import { azureUsable, tryCidr } from '../../net/cidr';
import type { RuleSource } from '../rule';
import { perTopology } from './per-topology';

/** The references the Power Platform rules cite (domain.md shorthand PP-OVERVIEW, PP-SETUP, EP-MODULE). */
export const SOURCES = {
  overview: { title: 'Microsoft Learn: Virtual Network support overview', url: 'https://learn.microsoft.com/power-platform/admin/vnet-support-overview' },
  setup: { title: 'Microsoft Learn: Set up Virtual Network support', url: 'https://learn.microsoft.com/power-platform/admin/vnet-support-setup-configure' },
  module: { title: 'microsoft/PowerPlatform-EnterprisePolicies (PowerShell module)', url: 'https://github.com/microsoft/PowerPlatform-EnterprisePolicies' },
  copyEnvironment: { title: 'Microsoft Learn: Copy an environment', url: 'https://learn.microsoft.com/power-platform/admin/copy-environment' },
  backupRestore: { title: 'Microsoft Learn: Back up and restore environments', url: 'https://learn.microsoft.com/power-platform/admin/backup-restore-environments' },
  troubleshoot: { title: 'Microsoft Learn: Troubleshoot Virtual Network issues', url: 'https://learn.microsoft.com/troubleshoot/power-platform/administration/virtual-network' },
  peDns: { title: 'Microsoft Learn: Azure private endpoint DNS configuration', url: 'https://learn.microsoft.com/azure/private-link/private-endpoint-dns' },
  delegation: { title: 'Microsoft Learn: Subnet delegation overview', url: 'https://learn.microsoft.com/azure/virtual-network/subnet-delegation-overview' },
  peering: { title: 'Microsoft Learn: Virtual network peering', url: 'https://learn.microsoft.com/azure/virtual-network/virtual-network-peering-overview' },
  nsg: { title: 'Microsoft Learn: Network security groups, how traffic is evaluated', url: 'https://learn.microsoft.com/azure/virtual-network/network-security-groups-overview' },
  natGateway: { title: 'Microsoft Learn: Azure NAT Gateway resource', url: 'https://learn.microsoft.com/azure/nat-gateway/nat-gateway-resource' },
  bicepTypes: { title: 'Azure/bicep-types-az#2251: virtualNetworks must be a plain array', url: 'https://github.com/Azure/bicep-types-az/issues/2251' },
  crossTenant: { title: 'microsoft/PowerPlatform-EnterprisePolicies#148: cross-tenant setups', url: 'https://github.com/microsoft/PowerPlatform-EnterprisePolicies/issues/148' },
  singleVnet: { title: 'microsoft/PowerApps-Samples#719: at least 2 VNets for paired geographies', url: 'https://github.com/microsoft/PowerApps-Samples/issues/719' },
  tfExample: {
    title: 'microsoft/terraform-provider-power-platform: network injection example',
    url: 'https://github.com/microsoft/terraform-provider-power-platform/tree/main/examples/resources/powerplatform_enterprise_policy/network_injection',
  },
} as const satisfies Record<string, RuleSource>;

export interface DelegatedSubnet {
  /** The policySubnet relation that names the subnet. */
  readonly relation: RelationOf<'policySubnet'>;
  readonly subnet: ElementOf<'subnet'>;
  readonly vnet: ElementOf<'vnet'> | undefined;
}

/** The subnets a policy injects into, in relation order. */
export const delegatedSubnets: (t: Topology, policyId: string) => readonly DelegatedSubnet[] = perTopology((t, policyId) => {
  const out: DelegatedSubnet[] = [];
  for (const relation of t.outgoing(policyId, 'policySubnet')) {
    const subnet = t.get(relation.to, 'subnet');
    if (subnet) out.push({ relation, subnet, vnet: t.vnetOf(subnet.id) });
  }
  return out;
});

/** The distinct VNets of a policy's delegated subnets, in relation order. */
export const policyVnets: (t: Topology, policyId: string) => readonly ElementOf<'vnet'>[] = perTopology((t, policyId) => {
  const seen = new Map<string, ElementOf<'vnet'>>();
  for (const d of delegatedSubnets(t, policyId)) if (d.vnet && !seen.has(d.vnet.id)) seen.set(d.vnet.id, d.vnet);
  return [...seen.values()];
});

/** Environments linked to a policy. */
export const linkedEnvironments: (t: Topology, policyId: string) => readonly ElementOf<'environment'>[] = perTopology((t, policyId) =>
  t.sources(policyId, 'policyLink', 'environment'));

/** Stage if given, else read from the type: Production is prod; Sandbox/Developer/Trial are not; Default and Teams are unknown. */
export function isProductionEnvironment(env: ElementOf<'environment'>): boolean | undefined {
  if (env.stage !== undefined) return env.stage === 'prod';
  if (env.environmentType === 'Production') return true;
  if (env.environmentType === 'Sandbox' || env.environmentType === 'Developer' || env.environmentType === 'Trial') return false;
  return undefined;
}

/** Connectors run by the environments linked to a policy, each once. */
export const policyConnectors: (t: Topology, policyId: string) => readonly ElementOf<'connector'>[] = perTopology((t, policyId) => {
  const seen = new Map<string, ElementOf<'connector'>>();
  for (const env of linkedEnvironments(t, policyId)) {
    for (const c of t.targets(env.id, 'workload', 'connector')) seen.set(c.id, c);
  }
  return [...seen.values()];
});

export interface PolicyService {
  readonly service: ElementOf<'azureService'>;
  readonly connectors: readonly ElementOf<'connector'>[];
}

/**
 * Azure services a policy's workloads call (connectorTarget) or read secrets from (connectorSecret),
 * each once, with the connectors that use it.
 */
export const policyServices: (t: Topology, policyId: string) => readonly PolicyService[] = perTopology((t, policyId) => {
  const byId = new Map<string, { service: ElementOf<'azureService'>; connectors: ElementOf<'connector'>[] }>();
  for (const c of policyConnectors(t, policyId)) {
    for (const s of [...t.targets(c.id, 'connectorTarget', 'azureService'), ...t.targets(c.id, 'connectorSecret', 'azureService')]) {
      const entry = byId.get(s.id) ?? { service: s, connectors: [] };
      if (!entry.connectors.includes(c)) entry.connectors.push(c);
      byId.set(s.id, entry);
    }
  }
  return [...byId.values()];
});

/** Whether the subnet is delegated to Power Platform; undefined when its delegations are unknown. */
export function hasPowerPlatformDelegation(subnet: ElementOf<'subnet'>): boolean | undefined {
  return subnet.delegations === undefined ? undefined : subnet.delegations.some((d) => d.toLowerCase() === POWER_PLATFORM_DELEGATION.toLowerCase());
}

/** Usable IPs of a subnet (size − 5), when its prefix is known and well formed. */
export function usableIps(subnet: ElementOf<'subnet'>): number | undefined {
  const c = tryCidr(subnet.addressPrefix);
  return c && azureUsable(c);
}

/**
 * Per-environment IP budget, the upper ends of Microsoft's estimates (production 25–30, non-production
 * 6–10). Default environments count as production: they are tenant-wide and used by everyone, so they
 * load like one. Unknown or unsupported types count as non-production, the smaller budget, so an
 * unknown value can only make the estimate lower, never raise a finding on its own.
 */
export const PRODUCTION_IPS = 30;
export const NON_PRODUCTION_IPS = 10;

export function environmentIps(env: ElementOf<'environment'>): number {
  return env.environmentType === 'Production' || env.environmentType === 'Default' ? PRODUCTION_IPS : NON_PRODUCTION_IPS;
}

export interface CapacityDemand {
  readonly ips: number;
  readonly production: number;
  readonly nonProduction: number;
}

export function capacityDemand(envs: readonly ElementOf<'environment'>[]): CapacityDemand {
  let production = 0;
  for (const e of envs) if (environmentIps(e) === PRODUCTION_IPS) production++;
  const nonProduction = envs.length - production;
  return { ips: production * PRODUCTION_IPS + nonProduction * NON_PRODUCTION_IPS, production, nonProduction };
}

/** Whether a VNet uses custom DNS servers (a non-empty list); absent or empty means Azure-provided DNS. */
export function usesCustomDns(vnet: ElementOf<'vnet'>): boolean {
  return (vnet.dnsServers?.length ?? 0) > 0;
}

/** A readable name for messages: the element's name, with its id when they differ. */
export function label(e: { id: string; name: string }): string {
  return e.name === e.id ? `"${e.id}"` : `"${e.name}" (${e.id})`;
}
