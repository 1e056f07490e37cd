// PPV-055: an HTTP connector in an environment with Virtual Network support is blocked or endpoint-filtered by a data policy.
import type { Rule } from '../rule';
import { CONNECTOR_POLICY_IDS, DLP_SOURCES, deniesTheRest, endpointRulesOf, groupOf, policiesCovering } from '../analysis/data-policy';
import { SOURCES, label } from '../analysis/power-platform';

const HTTP = CONNECTOR_POLICY_IDS.http!;

export const rule: Rule = {
  meta: {
    id: 'PPV-055',
    title: 'HTTP connectors in a VNet environment are governed by a data policy',
    severity: 'warning',
    category: 'workload',
    rationale:
      "Virtual Network support sends the supported connectors' calls from the delegated subnet, through the customer's NSGs, routes, NAT gateway or firewall. The HTTP connectors are not among them (Learn's limitations): their calls leave from Power Platform's shared infrastructure, so none of the VNet's egress controls sees them. In an environment whose network is meant to be the only way out, what limits an HTTP connector is the data policy: block it, or filter its endpoints with an ordered list that ends with * Deny.",
    fix: "In a data policy covering the environment, put the HTTP connector in the Blocked group, or add endpoint rules for it that allow only the intended URLs and end with * Deny. For calls that must use the VNet, use HTTP with Microsoft Entra ID (preauthorized) or a custom connector instead.",
    sources: [SOURCES.overview, DLP_SOURCES.endpointFiltering, DLP_SOURCES.dlp],
    checkable: 'static',
  },
  check(t, ctx) {
    for (const env of t.all('environment')) {
      if (t.targets(env.id, 'policyLink', 'enterprisePolicy').length === 0) continue;
      const policies = policiesCovering(t, env.id);
      const governed = policies.some((p) => groupOf(p, HTTP) === 'Blocked' || deniesTheRest(endpointRulesOf(p, HTTP)));
      if (governed) continue;
      for (const c of t.targets(env.id, 'workload', 'connector')) {
        if (c.connectorType !== 'http') continue;
        ctx.report({
          elementId: c.id,
          property: 'connectorType',
          message: `${label(c)} is an HTTP connector in ${label(env)}, which has Virtual Network support, but HTTP connectors do not run in the delegated subnet: their calls bypass the VNet's NSGs, routes and egress. ${policies.length === 0 ? 'No data policy in the design covers the environment' : `No data policy covering it (${policies.map(label).join(', ')}) blocks the HTTP connector or ends its endpoint rules with * Deny`}.`,
        });
      }
    }
  },
};
