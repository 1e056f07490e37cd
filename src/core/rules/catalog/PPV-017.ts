// PPV-017: an environment is linked to at most one network injection policy.
import type { Rule } from '../rule';
import { SOURCES, label } from '../analysis/power-platform';

export const rule: Rule = {
  meta: {
    id: 'PPV-017',
    title: 'One policy per environment',
    severity: 'error',
    category: 'power-platform',
    rationale:
      'Each Power Platform environment is linked to one virtual network policy. A second link does not add a network: Enable-SubnetInjection refuses it unless -Swap is given, and then it replaces the first.',
    fix: 'Keep one policyLink per environment; to move an environment, swap the link instead of adding one.',
    sources: [SOURCES.overview, SOURCES.module],
    checkable: 'static',
  },
  check(t, ctx) {
    for (const env of t.all('environment')) {
      const links = t.outgoing(env.id, 'policyLink');
      if (links.length < 2) continue;
      ctx.report({
        elementId: env.id,
        message: `Environment ${label(env)} is linked to ${links.length} enterprise policies; an environment can use one only.`,
        related: links.map((l) => ({ relationId: l.id, message: `Link to policy "${l.to}".` })),
      });
    }
  },
};
