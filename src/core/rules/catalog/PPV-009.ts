// PPV-009: a Power Platform delegated subnet is dedicated: no other delegation, no private endpoints or gateways.
import { POWER_PLATFORM_DELEGATION } from '../../model/kinds';
import type { Rule } from '../rule';
import { SOURCES, hasPowerPlatformDelegation, label } from '../analysis/power-platform';

/** Subnet names Azure reserves for its own services (domain.md §7 AZ-09). */
const RESERVED_NAMES = ['gatewaysubnet', 'azurefirewallsubnet', 'azurefirewallmanagementsubnet', 'azurebastionsubnet', 'routeserversubnet'];

export const rule: Rule = {
  meta: {
    id: 'PPV-009',
    title: 'Delegated subnet is dedicated to Power Platform',
    severity: 'error',
    category: 'power-platform',
    rationale:
      "The delegated subnet must be dedicated to Power Platform: it cannot be delegated to another service (not even Microsoft.PowerPlatform/vnetaccesslinks, the VNet data gateway's delegation) and cannot host other resources. Azure refuses private endpoints in a delegated subnet, and gateway or firewall subnets cannot be delegated.",
    fix: 'Keep only the Microsoft.PowerPlatform/enterprisePolicies delegation on the subnet, and move private endpoints and other resources to their own subnet.',
    sources: [SOURCES.overview, SOURCES.delegation],
    checkable: 'static',
  },
  check(t, ctx) {
    const injected = new Set(t.relations('policySubnet').map((r) => r.to));
    const subnets = t.all('subnet').filter((s) => injected.has(s.id) || hasPowerPlatformDelegation(s) === true);
    for (const s of subnets) {
      const others = (s.delegations ?? []).filter((d) => d.toLowerCase() !== POWER_PLATFORM_DELEGATION.toLowerCase());
      // A subnet delegated only elsewhere is PPV-008's finding (wrong delegation), not a second one here.
      if (others.length > 0 && hasPowerPlatformDelegation(s) === true) {
        ctx.report({
          elementId: s.id,
          property: 'delegations',
          message: `Subnet ${label(s)} is delegated to Power Platform and also to ${others.join(', ')}; a Power Platform subnet takes no other delegation.`,
          fixes: [{ title: `Keep only ${POWER_PLATFORM_DELEGATION}`, edit: { op: 'updateElement', id: s.id, set: { delegations: [POWER_PLATFORM_DELEGATION] } } }],
        });
      }
      for (const pe of t.sources(s.id, 'peSubnet', 'privateEndpoint')) {
        ctx.report({
          elementId: pe.id,
          message: `Private endpoint ${label(pe)} is placed in the Power Platform subnet ${label(s)}; Azure does not allow private endpoints in a delegated subnet. Use a separate subnet.`,
          related: [{ elementId: s.id, message: `Subnet ${label(s)} is delegated to Power Platform.` }],
        });
      }
      if (RESERVED_NAMES.includes(s.name.toLowerCase())) {
        ctx.report({ elementId: s.id, property: 'name', message: `Subnet ${label(s)} uses the reserved name '${s.name}'; Azure keeps it for its own service and it cannot be the Power Platform subnet.` });
      }
    }
  },
};
