// PPV-037: copy, backup and restore work only between environments on the same enterprise policy (guidance).
import type { ElementOf } from '../../model/schema';
import type { Rule } from '../rule';
import { SOURCES, label } from '../analysis/power-platform';

/**
 * A finding names at most this many of the other environments: in a design with hundreds of policies,
 * listing them all made every finding (and the whole rule) grow with the square of the design.
 */
const MAX_NAMED = 10;

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
    // Environments on the same set of policies are copy targets of each other and of no one else, so
    // "the others" is worked out once per such group, not once per environment (that was O(n²)).
    const policyOf = new Map(envs.map((e) => [e.id, t.targets(e.id, 'policyLink', 'enterprisePolicy').map((p) => p.id).sort().join(',')]));
    const groupSize = new Map<string, number>();
    for (const env of envs) groupSize.set(policyOf.get(env.id)!, (groupSize.get(policyOf.get(env.id)!) ?? 0) + 1);
    const relatedOf = new Map(envs.map((o) => [o.id, { elementId: o.id, message: `Environment ${label(o)} is on ${policyOf.get(o.id) ? 'another policy' : 'no policy'}.` }]));
    const named = new Map<string, ElementOf<'environment'>[]>();
    const namedOthers = (own: string) => {
      let list = named.get(own);
      if (list) return list;
      list = [];
      for (const o of envs) {
        if (list.length === MAX_NAMED) break;
        if (policyOf.get(o.id) !== own) list.push(o);
      }
      named.set(own, list);
      return list;
    };
    for (const env of envs) {
      const own = policyOf.get(env.id)!;
      if (own === '') continue; // an environment without a policy may be restored into one with it
      const count = envs.length - groupSize.get(own)!;
      if (count === 0) continue;
      const others = namedOthers(own);
      const names = count > others.length ? `${others.map(label).join(', ')} and ${count - others.length} more environments` : others.map(label).join(', ');
      ctx.report({
        elementId: env.id,
        message: `Environment ${label(env)} can be copied or restored only to environments on its own enterprise policy; ${names} ${count === 1 ? 'is' : 'are'} not.`,
        related: others.map((o) => relatedOf.get(o.id)!),
      });
    }
  },
};
