// PPV-015: only Production, Default, Sandbox and Developer environments support VNet injection.
import type { Rule } from '../rule';
import { SOURCES, label } from '../analysis/power-platform';

const SUPPORTED = ['Production', 'Default', 'Sandbox', 'Developer'];

export const rule: Rule = {
  meta: {
    id: 'PPV-015',
    title: 'Environment type supports VNet injection',
    severity: 'error',
    category: 'power-platform',
    rationale: 'Microsoft supports Virtual Network support for Production, Default, Sandbox and Developer environments. Trial and Microsoft Dataverse for Teams environments cannot be linked to an enterprise policy.',
    fix: 'Convert the trial to a production or sandbox environment, or leave it out of the policy.',
    sources: [SOURCES.overview],
    checkable: 'static',
  },
  check(t, ctx) {
    const linked = new Set(t.relations('policyLink').map((r) => r.from));
    for (const env of t.all('environment')) {
      if (!linked.has(env.id) || env.environmentType === undefined || SUPPORTED.includes(env.environmentType)) continue;
      const kind = env.environmentType === 'Teams' ? 'a Dataverse for Teams environment' : 'a Trial environment';
      ctx.report({ elementId: env.id, property: 'environmentType', message: `Environment ${label(env)} is ${kind}, which cannot use Virtual Network support; supported types: ${SUPPORTED.join(', ')}.` });
    }
  },
};
