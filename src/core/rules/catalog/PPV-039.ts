// PPV-039: the delegated subnets hold the environments planned for the policy as well as those linked now.
import { policyCapacity } from '../../plan/capacity';
import { resizeDelegatedSubnetsFix } from '../../plan/resize-delegated-subnets';
import type { Rule } from '../rule';
import { NON_PRODUCTION_IPS, PRODUCTION_IPS, SOURCES, label } from '../analysis/power-platform';

export const rule: Rule = {
  meta: {
    id: 'PPV-039',
    title: 'Delegated subnets sized for planned environments',
    severity: 'warning',
    category: 'address-space',
    rationale: `A delegated subnet's range cannot change while environments are linked to its policy: the delegation breaks and the environments stop working, so growing later means unlinking every environment, resizing and relinking. Size both paired subnets before delegation for the environments planned on the policy (plannedEnvironments), budgeting ${PRODUCTION_IPS} IPs per production and ${NON_PRODUCTION_IPS} per non-production environment on top of the 5 Azure reserves.`,
    fix: 'Resize both delegated subnets together to the smallest prefix that holds the linked and planned environments (the quick fix picks a free block in each VNet), before any environment is linked.',
    sources: [SOURCES.overview, SOURCES.setup],
    checkable: 'static',
  },
  check(t, ctx) {
    for (const p of t.all('enterprisePolicy')) {
      const { planned, requiredUsable, linkedUsable, smallestPrefix, subnets } = policyCapacity(t, p);
      if (planned.production + planned.nonProduction === 0) continue;
      const tooSmall = subnets.filter((s) => s.usable !== undefined && s.usable < requiredUsable);
      // Too small for what is linked today is PPV-012's finding; this rule speaks only of the growth.
      if (tooSmall.length === 0 || tooSmall.some((s) => s.usable! < linkedUsable)) continue;
      const fix = resizeDelegatedSubnetsFix(t, p.id, smallestPrefix);
      for (const { subnet, usable } of tooSmall) {
        ctx.report({
          elementId: subnet.id,
          property: 'addressPrefix',
          message: `Subnet ${label(subnet)} (${subnet.addressPrefix}) has ${usable} usable IPs, but policy ${label(p)} plans for ${requiredUsable} (linked now plus ${planned.production} production and ${planned.nonProduction} non-production planned); a /${smallestPrefix} holds them. Resize before delegation: the range cannot change while environments are linked.`,
          related: [{ elementId: p.id, property: 'plannedEnvironments', message: `Policy ${label(p)} plans ${planned.production} production and ${planned.nonProduction} non-production environments more.` }],
          ...(fix ? { fixes: [fix] } : {}),
        });
      }
    }
  },
};
