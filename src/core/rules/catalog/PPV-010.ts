// PPV-010: one subnet serves at most one enterprise policy.
import type { Rule } from '../rule';
import { SOURCES, label } from '../analysis/power-platform';

export const rule: Rule = {
  meta: {
    id: 'PPV-010',
    title: 'Subnet used by one policy only',
    severity: 'error',
    category: 'power-platform',
    rationale: "Microsoft states that the same subnet can't be reused in multiple enterprise policies; the second policy fails to take the subnet.",
    fix: 'Give each enterprise policy its own delegated subnets, or link all environments to one policy.',
    sources: [SOURCES.overview],
    checkable: 'static',
  },
  check(t, ctx) {
    for (const s of t.all('subnet')) {
      const policies = [...new Set(t.sources(s.id, 'policySubnet', 'enterprisePolicy'))];
      if (policies.length < 2) continue;
      ctx.report({
        elementId: s.id,
        message: `Subnet ${label(s)} is used by ${policies.length} enterprise policies (${policies.map(label).join(', ')}); a subnet can serve one policy only.`,
        related: policies.map((p) => ({ elementId: p.id, message: `Enterprise policy ${label(p)} injects into this subnet.` })),
      });
    }
  },
};
