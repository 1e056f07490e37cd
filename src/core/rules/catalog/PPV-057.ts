// PPV-057: an environment with Virtual Network support is covered by one of the design's data policies.
import type { Rule } from '../rule';
import { DLP_SOURCES, covers } from '../analysis/data-policy';
import { SOURCES, label } from '../analysis/power-platform';

export const rule: Rule = {
  meta: {
    id: 'PPV-057',
    title: 'A VNet environment is covered by a data policy',
    severity: 'info',
    category: 'workload',
    rationale:
      "The enterprise policy decides where the supported connectors' traffic leaves from; which connectors makers may use at all, and which endpoints, is the data policy's part. When a design models data policies, an environment linked to a Virtual Network policy that none of them covers is governed only by policies the design does not show (tenant-wide ones in the admin center), and the design's connector and endpoint checks say nothing about it. A design without data policies is not judged: it does not claim to model them.",
    fix: 'Add the environment to a data policy of the design (OnlyEnvironments names it; AllEnvironments covers it), or model the tenant-wide policy that covers it.',
    sources: [DLP_SOURCES.dlp, SOURCES.overview],
    checkable: 'static',
  },
  check(t, ctx) {
    const policies = t.all('dataPolicy');
    if (policies.length === 0) return;
    for (const env of t.all('environment')) {
      if (t.targets(env.id, 'policyLink', 'enterprisePolicy').length === 0) continue;
      const coverage = policies.map((p) => covers(t, p, env.id));
      // A policy whose scope is not stated may cover it: cannot tell.
      if (coverage.some((c) => c !== false)) continue;
      ctx.report({
        elementId: env.id,
        message: `${label(env)} has Virtual Network support but none of the design's data policies (${policies.map(label).join(', ')}) covers it; which connectors and endpoints its makers may use is not shown.`,
      });
    }
  },
};
