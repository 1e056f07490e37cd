// PPV-014: every environment linked to a policy is a Managed Environment.
import type { Rule } from '../rule';
import { SOURCES, label } from '../analysis/power-platform';

export const rule: Rule = {
  meta: {
    id: 'PPV-014',
    title: 'Linked environment is a Managed Environment',
    severity: 'error',
    category: 'power-platform',
    rationale:
      'Virtual Network support is a Managed Environments feature: the link call is refused for an environment that is not managed. In Terraform that means a powerplatform_managed_environment exists for the environment and the link depends on it.',
    fix: 'Enable Managed Environments for the environment before linking it (powerplatform_managed_environment in Terraform, or the admin center).',
    sources: [SOURCES.setup],
    checkable: 'static',
  },
  check(t, ctx) {
    const linked = new Set(t.relations('policyLink').map((r) => r.from));
    for (const env of t.all('environment')) {
      if (!linked.has(env.id) || env.managed !== false) continue;
      ctx.report({
        elementId: env.id,
        property: 'managed',
        message: `Environment ${label(env)} is linked to an enterprise policy but is not a Managed Environment; the link is refused.`,
        fixes: [{ title: 'Make it a Managed Environment', edit: { op: 'updateElement', id: env.id, set: { managed: true } } }],
      });
    }
  },
};
