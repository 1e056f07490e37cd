// PPV-016: a linked environment is in the policy's geography (with the aliases the module accepts).
import { canonicalGeography } from '../../geo/geographies';
import type { Rule } from '../rule';
import { SOURCES, label } from '../analysis/power-platform';

/** Enable-SubnetInjection also accepts environment `unitedstates` for a policy in `unitedstateseuap`. */
function sameGeography(env: string, policy: string): boolean {
  const e = canonicalGeography(env);
  const p = canonicalGeography(policy);
  return e === p || (e === 'unitedstates' && p === 'unitedstateseuap');
}

export const rule: Rule = {
  meta: {
    id: 'PPV-016',
    title: 'Environment and policy are in the same geography',
    severity: 'error',
    category: 'region',
    rationale:
      "Enable-SubnetInjection refuses to link an environment whose location differs from the policy's: 'The environment and policy must be in the same location.' The only spelling alias it accepts is unitedkingdom ≡ uk.",
    fix: "Link the environment to a policy in its own geography (create one there if needed); an environment's geography cannot be changed in place.",
    sources: [SOURCES.module, SOURCES.setup],
    checkable: 'static',
  },
  check(t, ctx) {
    for (const link of t.relations('policyLink')) {
      const env = t.get(link.from, 'environment');
      const p = t.get(link.to, 'enterprisePolicy');
      if (!env || !p || env.geography === undefined || p.geography === undefined) continue;
      if (sameGeography(env.geography, p.geography)) continue;
      ctx.report({
        elementId: env.id,
        property: 'geography',
        message: `Environment ${label(env)} is in '${env.geography}' but its policy ${label(p)} is in '${p.geography}'; the link is refused.`,
        related: [{ elementId: p.id, property: 'geography', message: `Enterprise policy ${label(p)} is in '${p.geography}'.` }],
      });
    }
  },
};
