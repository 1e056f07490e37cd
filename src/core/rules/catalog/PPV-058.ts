// PPV-058: each connector's endpoint rules in a data policy end with the * rule.
import type { Rule } from '../rule';
import { DLP_SOURCES } from '../analysis/data-policy';
import { label } from '../analysis/power-platform';

export const rule: Rule = {
  meta: {
    id: 'PPV-058',
    title: "A connector's endpoint rules end with the * rule",
    severity: 'error',
    category: 'workload',
    rationale:
      "Endpoint filtering rules are evaluated in order, first match wins, and Microsoft requires the last rule of each connector to apply to * so that every endpoint is covered (the admin center always keeps that row last; the PowerShell connector configurations must end with it). A list that stops before * leaves the unmatched endpoints to no rule and is not the policy the admin center would save.",
    fix: "End the connector's rules with * Allow or * Deny, usually * Deny after the Allow rules for the intended endpoints.",
    sources: [DLP_SOURCES.endpointFiltering, DLP_SOURCES.terraform],
    checkable: 'static',
  },
  check(t, ctx) {
    for (const p of t.all('dataPolicy')) {
      const lastByConnector = new Map<string, string>();
      for (const r of p.endpointRules ?? []) lastByConnector.set(r.connector.toLowerCase(), r.endpoint);
      for (const [connector, last] of lastByConnector) {
        if (last.trim() === '*') continue;
        ctx.report({
          elementId: p.id,
          property: 'endpointRules',
          message: `Data policy ${label(p)}: the endpoint rules of ${connector} end with '${last}', not *; the last rule of each connector must apply to every endpoint (*).`,
        });
      }
    }
  },
};
