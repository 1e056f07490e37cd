// PPV-056: a connector the design runs is not blocked, nor its endpoint denied, by a data policy covering the environment.
import type { ElementOf } from '../../model/schema';
import type { Topology } from '../../model/topology';
import type { Rule } from '../rule';
import { DLP_SOURCES, endpointBehavior, endpointMatches, endpointOf, endpointRulesOf, groupOf, policiesCovering, policyIdOf } from '../analysis/data-policy';
import { label } from '../analysis/power-platform';
import { serviceHost } from '../../verify/service-hosts';

export const rule: Rule = {
  meta: {
    id: 'PPV-056',
    title: 'A connector the design uses is not blocked by its data policy',
    severity: 'error',
    category: 'workload',
    rationale:
      "Connectors in a data policy's Blocked group cannot be used where the policy applies, and a connector's endpoint filtering refuses, at design time, a connection to an endpoint whose first matching rule is Deny. Custom connectors are classified by the first of the policy's host URL patterns that matches their host. A workload the design draws through a blocked connector or to a denied endpoint cannot be built in that environment, whatever the network allows.",
    fix: 'Move the connector to the Business or Non-business group (or give it a URL pattern that is not Blocked), allow its endpoint before the rule that denies it, or run the workload in an environment the policy does not cover.',
    sources: [DLP_SOURCES.dlp, DLP_SOURCES.endpointFiltering, DLP_SOURCES.classification],
    checkable: 'static',
  },
  check(t, ctx) {
    for (const env of t.all('environment')) {
      for (const c of t.targets(env.id, 'workload', 'connector')) {
        for (const p of policiesCovering(t, env.id)) {
          const why = blockReason(t, p, c);
          if (!why) continue;
          ctx.report({
            elementId: c.id,
            message: `${label(c)} is run by ${label(env)}, but data policy ${label(p)} ${why.text}; the workload cannot use it there.`,
            related: [{ elementId: p.id, property: why.property, message: `${label(p)} covers ${label(env)}.` }],
          });
        }
      }
    }
  },
};

function blockReason(t: Topology, p: ElementOf<'dataPolicy'>, c: ElementOf<'connector'>): { text: string; property: string } | undefined {
  if (c.connectorType === 'custom') {
    const hosts = [c.host, ...t.targets(c.id, 'connectorTarget', 'azureService').map((s) => { const h = serviceHost(s); return 'host' in h ? h.host : undefined; })]
      .filter((h): h is string => !!h);
    for (const host of hosts) {
      const url = `https://${host}`;
      const match = p.customConnectorPatterns?.find((r) => endpointMatches(r.hostUrlPattern, url) || endpointMatches(r.hostUrlPattern, `${url}/`));
      if (match?.group === 'Blocked') return { text: `blocks custom connectors at ${url} (pattern '${match.hostUrlPattern}')`, property: 'customConnectorPatterns' };
    }
    return undefined;
  }
  const id = policyIdOf(c);
  if (!id) return undefined;
  if (groupOf(p, id) === 'Blocked') {
    const listed = p.connectors?.some((x) => x.connector.toLowerCase().endsWith(id.slice(id.lastIndexOf('/')).toLowerCase()));
    return { text: listed ? `puts its connector (${id}) in the Blocked group` : `blocks every connector it does not list, ${id} among them`, property: listed ? 'connectors' : 'defaultGroup' };
  }
  const rules = endpointRulesOf(p, id);
  if (rules.length === 0) return undefined;
  for (const s of t.targets(c.id, 'connectorTarget', 'azureService')) {
    const endpoint = endpointOf(c, s);
    if (endpoint && endpointBehavior(rules, endpoint) === 'Deny') return { text: `denies the endpoint '${endpoint}' of ${label(s)} by its endpoint filtering`, property: 'endpointRules' };
  }
  return undefined;
}
