// PPV-038: who can set up Virtual Network support: Network Contributor in Azure, Power Platform administrator (guidance).
import type { Rule } from '../rule';
import { SOURCES, label } from '../analysis/power-platform';

export const rule: Rule = {
  meta: {
    id: 'PPV-038',
    title: 'Setup roles: Network Contributor and Power Platform administrator',
    severity: 'info',
    category: 'power-platform',
    rationale:
      "Setting up Virtual Network support takes two roles: in Azure, Network Contributor (or a role with the same permissions) on the virtual networks, to delegate the subnets and create the enterprise policy; in Microsoft Entra ID, Power Platform administrator, to link environments to the policy (the module's Test-AccountPermissions checks it).",
    fix: 'Have the deployment run by an identity with Network Contributor on the VNets, and the environment link done by a Power Platform administrator.',
    sources: [SOURCES.setup, SOURCES.module],
    checkable: 'guidance',
    whyNotStatic: 'Role assignments are tenant state; the design does not model who deploys it or which roles they hold.',
  },
  check(t, ctx) {
    for (const p of t.all('enterprisePolicy')) {
      ctx.report({
        elementId: p.id,
        message: `Setting up policy ${label(p)} needs Network Contributor (or equivalent) on its VNets in Azure, and the Power Platform administrator role to link environments to it.`,
      });
    }
  },
};
