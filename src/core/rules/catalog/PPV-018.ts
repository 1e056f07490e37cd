// PPV-018: a policy is not shared by environments that must be kept apart: early vs standard release
// cycle (a Microsoft restriction), and production vs dev/test (segmentation of the reference architecture).
import type { Rule } from '../rule';
import { SOURCES, isProductionEnvironment as isProduction, label, linkedEnvironments } from '../analysis/power-platform';

export const rule: Rule = {
  meta: {
    id: 'PPV-018',
    title: 'Policy not shared across incompatible environments',
    severity: 'error',
    category: 'power-platform',
    rationale:
      "Microsoft states that early release cycle environments can't use the same enterprise policy as other environments. Separately, dev/test environments that share production's policy share its subnets, egress and reach: a test flow can reach production data and exhaust production's IPs. Keep them on their own policy (this segmentation check is the reference architecture's advice, not a platform limit).",
    fix: 'Give early release cycle environments, and dev/test environments, their own enterprise policy and delegated subnets.',
    sources: [SOURCES.overview],
    checkable: 'static',
  },
  check(t, ctx) {
    for (const p of t.all('enterprisePolicy')) {
      const envs = linkedEnvironments(t, p.id);
      const standard = envs.filter((e) => e.releaseCycle === 'standard');
      for (const e of envs.filter((e) => e.releaseCycle === 'early')) {
        if (standard.length === 0) continue;
        ctx.report({
          elementId: e.id,
          property: 'releaseCycle',
          message: `Environment ${label(e)} is on the early release cycle but shares policy ${label(p)} with standard-cycle environments; early release environments need their own policy.`,
          related: standard.map((s) => ({ elementId: s.id, message: `Environment ${label(s)} is on the standard cycle.` })),
        });
      }
      const prod = envs.filter((e) => isProduction(e) === true);
      if (prod.length === 0) continue;
      for (const e of envs.filter((e) => isProduction(e) === false)) {
        ctx.report({
          elementId: e.id,
          property: e.stage !== undefined ? 'stage' : 'environmentType',
          message: `Non-production environment ${label(e)} shares policy ${label(p)} with production; give dev/test their own policy and subnets so they cannot reach production's network or use its IPs.`,
          related: prod.map((s) => ({ elementId: s.id, message: `Production environment ${label(s)} uses the same policy.` })),
        });
      }
    }
  },
};
