// PPV-034: Power Platform admins need Reader on the policy to see and link it (guidance).
import type { Rule } from '../rule';
import { SOURCES, label } from '../analysis/power-platform';

export const rule: Rule = {
  meta: {
    id: 'PPV-034',
    title: 'Power Platform admins can read the policy',
    severity: 'info',
    category: 'power-platform',
    rationale:
      'Power Platform administrators who link environments in the admin center see only the enterprise policies they can read in Azure. Without the Reader role on the policy resource, the policy does not appear in Azure Virtual Network policies.',
    fix: 'Assign the Reader role on the enterprise policy resource to the Power Platform administrators (or their group).',
    sources: [SOURCES.setup, SOURCES.module],
    checkable: 'guidance',
    whyNotStatic: 'Azure role assignments are tenant state; the design does not model who administers Power Platform or which roles they hold.',
  },
  check(t, ctx) {
    for (const p of t.all('enterprisePolicy')) {
      ctx.report({ elementId: p.id, message: `Grant the Power Platform administrators Reader on policy ${label(p)} so they can see and link it in the admin center.` });
    }
  },
};
