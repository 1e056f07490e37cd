// PPV-019: the policy, its VNets and the linked environments are in one Entra tenant.
import type { Rule } from '../rule';
import { SOURCES, label, linkedEnvironments, policyVnets } from '../analysis/power-platform';

export const rule: Rule = {
  meta: {
    id: 'PPV-019',
    title: 'Policy, VNets and environments in one tenant',
    severity: 'error',
    category: 'power-platform',
    rationale:
      'Cross-tenant setups are not supported: the enterprise policy must be in the same Microsoft Entra tenant as Power Platform, and its VNets in the same tenant as the policy (maintainer answer, PowerPlatform-EnterprisePolicies#148).',
    fix: 'Create the policy and its VNets in a subscription of the Power Platform tenant.',
    sources: [SOURCES.crossTenant, SOURCES.overview],
    checkable: 'static',
  },
  check(t, ctx) {
    for (const p of t.all('enterprisePolicy')) {
      const members = [p, ...policyVnets(t, p.id), ...linkedEnvironments(t, p.id)];
      // The policy's tenant is the reference; without it, the first member that names one.
      const reference = members.find((m) => m.tenantId !== undefined);
      if (!reference) continue;
      const tenant = reference.tenantId!.trim().toLowerCase();
      for (const m of members) {
        if (m === reference || m.tenantId === undefined || m.tenantId.trim().toLowerCase() === tenant) continue;
        ctx.report({
          elementId: m.id,
          property: 'tenantId',
          message: `${m.kind === 'vnet' ? 'VNet' : 'Environment'} ${label(m)} is in tenant ${m.tenantId}, but ${label(reference)} is in tenant ${reference.tenantId}; cross-tenant VNet support is not supported.`,
          related: [{ elementId: reference.id, property: 'tenantId', message: `${label(reference)} is in tenant ${reference.tenantId}.` }],
        });
      }
    }
  },
};
