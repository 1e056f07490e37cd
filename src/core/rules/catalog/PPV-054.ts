// PPV-054: a connector that reaches a private endpoint is limited by the data policy's endpoint filtering to that host.
import type { Rule } from '../rule';
import { DLP_SOURCES, deniesTheRest, endpointOf, endpointRulesOf, groupOf, hasPrivateEndpoint, policiesCovering, policyIdOf } from '../analysis/data-policy';
import { SOURCES, label } from '../analysis/power-platform';

/** The connectors that run in the delegated subnet and whose endpoints a data policy can filter. */
const IN_SUBNET_AND_FILTERABLE = new Set(['sqlServer', 'azureBlob', 'httpEntraId']);

export const rule: Rule = {
  meta: {
    id: 'PPV-054',
    title: 'A connector to a private endpoint is limited to its host by endpoint filtering',
    severity: 'warning',
    category: 'workload',
    rationale:
      "A connector that runs in the delegated subnet (SQL Server, Azure Blob Storage, HTTP with Microsoft Entra ID) reaches what the subnet reaches: the private endpoint the design drew, and every other host the VNet's routes, DNS and egress allow. A data policy's connector endpoint filtering is the control that keeps makers on the intended endpoint: an ordered list of Allow and Deny patterns whose last rule is * (Allow by default). Without an Allow for the private host and a closing * Deny, the same connection can be pointed at any other server or account the network reaches.",
    fix: "In the data policy, add endpoint rules for the connector: Allow the private service's endpoint in the connector's format (SQL Server '<server>,<database>' or '<server>,*', Azure Blob Storage the account name, HTTP a URL pattern), then * Deny as the last rule. Endpoint filtering is in preview and does not apply to endpoints set by environment variables or at run time.",
    sources: [DLP_SOURCES.endpointFiltering, SOURCES.overview, DLP_SOURCES.terraform],
    checkable: 'static',
  },
  check(t, ctx) {
    const seen = new Set<string>();
    for (const env of t.all('environment')) {
      for (const c of t.targets(env.id, 'workload', 'connector')) {
        const id = policyIdOf(c);
        if (!id || !c.connectorType || !IN_SUBNET_AND_FILTERABLE.has(c.connectorType)) continue;
        const privateTargets = t.targets(c.id, 'connectorTarget', 'azureService').filter((s) => hasPrivateEndpoint(t, s.id));
        if (privateTargets.length === 0) continue;
        for (const p of policiesCovering(t, env.id)) {
          // A blocked connector is PPV-056's finding; an unknown group or rule list says nothing.
          if (groupOf(p, id) === 'Blocked' || p.endpointRules === undefined || seen.has(`${p.id} ${c.id}`)) continue;
          const rules = endpointRulesOf(p, id);
          if (deniesTheRest(rules)) continue;
          seen.add(`${p.id} ${c.id}`);
          const hosts = privateTargets.map((s) => endpointOf(c, s) ?? s.name);
          ctx.report({
            elementId: p.id,
            property: 'endpointRules',
            message: `Data policy ${label(p)} ${rules.length === 0 ? 'has no endpoint rules for' : 'does not end the endpoint rules with * Deny for'} the connector ${label(c)} (${c.connectorType}), which reaches the private endpoint of ${privateTargets.map(label).join(', ')}; limit it to ${hosts.map((h) => `'${h}'`).join(', ')} and deny the rest, or makers can point it at any other endpoint the delegated subnet reaches.`,
            related: [{ elementId: c.id, message: `${label(c)} is run by ${label(env)}, which ${label(p)} covers.` }],
          });
        }
      }
    }
  },
};
