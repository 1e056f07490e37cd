// PPV-008: every subnet a policy names exists and is delegated to Microsoft.PowerPlatform/enterprisePolicies.
import { POWER_PLATFORM_DELEGATION } from '../../model/kinds';
import type { Rule } from '../rule';
import { SOURCES, delegatedSubnets, hasPowerPlatformDelegation, label } from '../analysis/power-platform';

export const rule: Rule = {
  meta: {
    id: 'PPV-008',
    title: 'Policy subnet exists and is delegated to Power Platform',
    severity: 'error',
    category: 'power-platform',
    rationale:
      'The enterprise policy names a VNet and a subnet by name. The subnet must exist in that VNet and carry the delegation Microsoft.PowerPlatform/enterprisePolicies, or the policy cannot be created and environments cannot be injected.',
    fix: "Add a delegation with serviceName 'Microsoft.PowerPlatform/enterprisePolicies' to the subnet, and check that the VNet id and subnet name in the policy match an existing subnet.",
    sources: [SOURCES.setup, SOURCES.module],
    checkable: 'static',
  },
  check(t, ctx) {
    for (const p of t.all('enterprisePolicy')) {
      for (const u of p.unresolvedSubnets ?? []) {
        ctx.report({
          elementId: p.id,
          property: 'unresolvedSubnets',
          message: `Enterprise policy ${label(p)} names subnet '${u.subnet}' in VNet '${u.vnet}', which is not in the design; the policy cannot be created unless that subnet exists.`,
        });
      }
      for (const { subnet, relation } of delegatedSubnets(t, p.id)) {
        if (hasPowerPlatformDelegation(subnet) !== false) continue;
        const others = subnet.delegations ?? [];
        const title = others.length === 0 ? `Delegate to ${POWER_PLATFORM_DELEGATION}` : `Replace delegation ${others.join(', ')} with ${POWER_PLATFORM_DELEGATION}`;
        ctx.report({
          elementId: subnet.id,
          property: 'delegations',
          message:
            others.length === 0
              ? `Subnet ${label(subnet)} is used by policy ${label(p)} but is not delegated to ${POWER_PLATFORM_DELEGATION}.`
              : `Subnet ${label(subnet)} is used by policy ${label(p)} but is delegated to ${others.join(', ')} instead of ${POWER_PLATFORM_DELEGATION}.`,
          related: [{ relationId: relation.id, message: `Policy ${label(p)} injects into this subnet.` }],
          fixes: [{ title, edit: { op: 'updateElement', id: subnet.id, set: { delegations: [POWER_PLATFORM_DELEGATION] } } }],
        });
      }
    }
  },
};
