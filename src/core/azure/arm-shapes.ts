// The ARM REST shapes the Azure import reads (api-version 2024/2025 network, 2020-06-01 private DNS,
// 2020-10-30-preview enterprise policies), as the service returns them: `properties` nested, ids absolute.

/** One ARM resource as returned by a GET or list call. Only the fields the mapping reads are typed. */
export interface ArmResource {
  readonly id: string;
  readonly name: string;
  readonly type?: string;
  readonly location?: string;
  readonly kind?: string;
  readonly sku?: { readonly name?: string };
  readonly properties?: Readonly<Record<string, unknown>>;
}

/**
 * Everything read from one subscription: top-level resources per type, plus the child lists that ARM
 * serves separately (peerings under VNets, DNS zone groups under private endpoints, links under zones).
 */
export interface ArmSnapshot {
  readonly virtualNetworks: readonly ArmResource[];
  readonly virtualNetworkPeerings: readonly ArmResource[];
  readonly natGateways: readonly ArmResource[];
  readonly networkSecurityGroups: readonly ArmResource[];
  readonly routeTables: readonly ArmResource[];
  readonly virtualNetworkGateways: readonly ArmResource[];
  readonly privateEndpoints: readonly ArmResource[];
  readonly privateDnsZoneGroups: readonly ArmResource[];
  readonly privateDnsZones: readonly ArmResource[];
  readonly virtualNetworkLinks: readonly ArmResource[];
  readonly enterprisePolicies: readonly ArmResource[];
  readonly dnsResolvers: readonly ArmResource[];
  readonly dnsResolverInboundEndpoints: readonly ArmResource[];
  readonly dnsResolverOutboundEndpoints: readonly ArmResource[];
  readonly dnsForwardingRulesets: readonly ArmResource[];
  readonly dnsForwardingRules: readonly ArmResource[];
  readonly dnsForwardingRulesetLinks: readonly ArmResource[];
  readonly networkWatchers: readonly ArmResource[];
  /** Microsoft.Network/networkWatchers/flowLogs, children of their watcher. */
  readonly flowLogs: readonly ArmResource[];
  readonly logAnalyticsWorkspaces: readonly ArmResource[];
  /** Microsoft.Insights/diagnosticSettings, extension resources: the id before /providers/Microsoft.Insights is their source. */
  readonly diagnosticSettings: readonly ArmResource[];
  readonly azureFirewalls: readonly ArmResource[];
  readonly firewallPolicies: readonly ArmResource[];
  /** Microsoft.Network/firewallPolicies/ruleCollectionGroups, children of their policy. */
  readonly firewallPolicyRuleCollectionGroups: readonly ArmResource[];
}

export function emptySnapshot(): { -readonly [K in keyof ArmSnapshot]: ArmResource[] } {
  return {
    virtualNetworks: [], virtualNetworkPeerings: [], natGateways: [], networkSecurityGroups: [], routeTables: [],
    virtualNetworkGateways: [], privateEndpoints: [], privateDnsZoneGroups: [], privateDnsZones: [],
    virtualNetworkLinks: [], enterprisePolicies: [], networkWatchers: [], flowLogs: [], logAnalyticsWorkspaces: [], diagnosticSettings: [],
    dnsResolvers: [], dnsResolverInboundEndpoints: [], dnsResolverOutboundEndpoints: [], dnsForwardingRulesets: [], dnsForwardingRules: [], dnsForwardingRulesetLinks: [],
    azureFirewalls: [], firewallPolicies: [], firewallPolicyRuleCollectionGroups: [],
  };
}

/** Reads a nested property path of untyped ARM JSON; undefined when any step is missing. */
export function pick(value: unknown, ...path: string[]): unknown {
  let cur = value;
  for (const key of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}

export function pickString(value: unknown, ...path: string[]): string | undefined {
  const v = pick(value, ...path);
  return typeof v === 'string' ? v : undefined;
}

export function pickArray(value: unknown, ...path: string[]): unknown[] | undefined {
  const v = pick(value, ...path);
  return Array.isArray(v) ? v : undefined;
}
