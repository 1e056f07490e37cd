// PPV-020: the policy and its VNets in different subscriptions of one tenant: allowed, but unverified.
import type { Rule } from '../rule';
import { SOURCES, label, policyVnets } from '../analysis/power-platform';

export const rule: Rule = {
  meta: {
    id: 'PPV-020',
    title: 'Policy and VNets in the same subscription',
    severity: 'warning',
    category: 'power-platform',
    rationale:
      'Every Microsoft example puts the enterprise policy and its VNets in one subscription, and the docs neither require nor confirm another layout. Splitting them across subscriptions is untested territory: the subscription prerequisites (resource providers, preview feature) must then hold in each.',
    fix: 'Put the enterprise policy in the subscription of its VNets, or confirm the cross-subscription setup with Microsoft before relying on it.',
    sources: [SOURCES.setup, SOURCES.module],
    checkable: 'static',
  },
  check(t, ctx) {
    for (const p of t.all('enterprisePolicy')) {
      if (p.subscriptionId === undefined) continue;
      const sub = p.subscriptionId.trim().toLowerCase();
      for (const v of policyVnets(t, p.id)) {
        if (v.subscriptionId === undefined || v.subscriptionId.trim().toLowerCase() === sub) continue;
        ctx.report({
          elementId: v.id,
          property: 'subscriptionId',
          message: `VNet ${label(v)} is in subscription ${v.subscriptionId}, but policy ${label(p)} is in ${p.subscriptionId}; cross-subscription placement is not documented by Microsoft.`,
          related: [{ elementId: p.id, property: 'subscriptionId', message: `Enterprise policy ${label(p)} is in subscription ${p.subscriptionId}.` }],
        });
      }
    }
  },
};
