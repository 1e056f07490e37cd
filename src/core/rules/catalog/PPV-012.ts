// PPV-012: each delegated subnet holds the IPs the linked environments need (domain.md §3.1).
import { smallestPrefixFor } from '../../plan/capacity';
import { resizeDelegatedSubnetsFix } from '../../plan/resize-delegated-subnets';
import type { Rule } from '../rule';
import { NON_PRODUCTION_IPS, PRODUCTION_IPS, SOURCES, capacityDemand, delegatedSubnets, label, linkedEnvironments, usableIps } from '../analysis/power-platform';

export const rule: Rule = {
  meta: {
    id: 'PPV-012',
    title: 'Delegated subnet has capacity for its environments',
    severity: 'warning',
    category: 'address-space',
    rationale: `Each environment in use runs containers that take one IP each: Microsoft estimates 25–30 IPs per production environment and 6–10 per non-production one, and Azure reserves 5 IPs per subnet. Every environment linked to the policy lands in each delegated subnet (the failover subnet must hold them all too), so a subnet smaller than the sum runs out of addresses and workloads fail. This rule budgets ${PRODUCTION_IPS} per production or Default environment and ${NON_PRODUCTION_IPS} per other environment.`,
    fix: 'Enlarge the delegated subnets (a /24 or larger when several environments share the policy), or spread environments over more policies. Check real use with Get-SubnetHistoricalUsage.',
    sources: [SOURCES.overview, SOURCES.setup],
    checkable: 'static',
  },
  check(t, ctx) {
    for (const p of t.all('enterprisePolicy')) {
      const envs = linkedEnvironments(t, p.id);
      if (envs.length === 0) continue;
      const demand = capacityDemand(envs);
      // One fix for the policy: both subnets grow together, or PPV-011 would fire between the two edits.
      let fix: ReturnType<typeof resizeDelegatedSubnetsFix> | null = null;
      for (const { subnet } of delegatedSubnets(t, p.id)) {
        const usable = usableIps(subnet);
        if (usable === undefined || usable >= demand.ips) continue;
        if (fix === null) fix = resizeDelegatedSubnetsFix(t, p.id, smallestPrefixFor(demand.ips));
        const shared = envs.length > 1 ? ' Use a /24 or larger when several environments share a policy.' : '';
        ctx.report({
          elementId: subnet.id,
          property: 'addressPrefix',
          message: `Subnet ${label(subnet)} (${subnet.addressPrefix}) has ${usable} usable IPs, but the ${envs.length} environment(s) linked to policy ${label(p)} need about ${demand.ips} (${demand.production} production × ${PRODUCTION_IPS} + ${demand.nonProduction} other × ${NON_PRODUCTION_IPS}).${shared}`,
          related: envs.map((e) => ({ elementId: e.id, message: `Environment ${label(e)} (${e.environmentType ?? 'type unknown'}) is linked to the policy.` })),
          ...(fix ? { fixes: [fix] } : {}),
        });
      }
    }
  },
};
