// PPV-037: copy, backup and restore work only between environments on the same enterprise policy (guidance).
import type { Rule } from '../rule';
import { SOURCES, label } from '../analysis/power-platform';

export const rule: Rule = {
  meta: {
    id: 'PPV-037',
    title: 'Copy, backup and restore stay on one policy',
    severity: 'info',
    category: 'power-platform',
    rationale:
      'An environment with Virtual Network support can be copied only to an environment on the same enterprise policy, and restored within the same network (or from an environment without Virtual Network support into one with it). Environments on different policies, or one without a policy, are not copy or restore targets of each other.',
    fix: 'Keep the environments you copy or restore between (for example production and its test copy) on the same enterprise policy, or plan the copy before the link.',
    sources: [SOURCES.overview, SOURCES.copyEnvironment, SOURCES.backupRestore],
    checkable: 'guidance',
    whyNotStatic: 'Copies, backups and restores are admin operations at run time; the design states which environments share a policy, not which of them will be copied to which.',
  },
  check(t, ctx) {
    const envs = t.all('environment');
    if (envs.length < 2) return;
    const policyOf = new Map(envs.map((e) => [e.id, t.targets(e.id, 'policyLink', 'enterprisePolicy').map((p) => p.id).sort().join(',')]));
    for (const env of envs) {
      const own = policyOf.get(env.id)!;
      if (own === '') continue; // an environment without a policy may be restored into one with it
      const others = envs.filter((o) => o.id !== env.id && policyOf.get(o.id) !== own);
      if (others.length === 0) continue;
      ctx.report({
        elementId: env.id,
        message: `Environment ${label(env)} can be copied or restored only to environments on its own enterprise policy; ${others.map(label).join(', ')} ${others.length === 1 ? 'is' : 'are'} not.`,
        related: others.map((o) => ({ elementId: o.id, message: `Environment ${label(o)} is on ${policyOf.get(o.id) ? 'another policy' : 'no policy'}.` })),
      });
    }
  },
};
