// PPV-027: a policy marked for deletion still has linked environments.
import type { Rule } from '../rule';
import { SOURCES, label, linkedEnvironments } from '../analysis/power-platform';

export const rule: Rule = {
  meta: {
    id: 'PPV-027',
    title: 'Unlink environments before deleting a policy',
    severity: 'warning',
    category: 'lifecycle',
    rationale:
      "An enterprise policy can't be deleted while any Power Platform environment is associated with it. In IaC the links must be destroyed (powerplatform_enterprise_policy, or Disable-SubnetInjection) before the policy resource, or the deletion fails.",
    fix: 'Unlink every environment first (remove the policy links), then delete the policy.',
    sources: [SOURCES.module, SOURCES.setup],
    checkable: 'static',
  },
  check(t, ctx) {
    for (const p of t.all('enterprisePolicy')) {
      if (p.markedForDeletion !== true) continue;
      const envs = linkedEnvironments(t, p.id);
      if (envs.length === 0) continue;
      ctx.report({
        elementId: p.id,
        property: 'markedForDeletion',
        message: `Policy ${label(p)} is marked for deletion but ${envs.length} environment(s) are still linked; unlink them first or the deletion fails.`,
        related: envs.map((e) => ({ elementId: e.id, message: `Environment ${label(e)} is still linked.` })),
        fixes: [{ title: 'Remove the policy links', edit: { op: 'removeRelations', ids: t.incoming(p.id, 'policyLink').map((r) => r.id) } }],
      });
    }
  },
};
