// PPV-048: a delegated subnet's forced tunnel goes through a firewall that allows the workloads' internet calls.
import type { Rule } from '../rule';
import { SOURCES, label } from '../analysis/power-platform';
import { flowsOf } from '../../verify/verify-design';
import { FIREWALL_SOURCES } from './PPV-046';

export const rule: Rule = {
  meta: {
    id: 'PPV-048',
    title: 'Forced-tunnel firewall allows the workloads\' internet calls',
    severity: 'warning',
    category: 'egress',
    rationale:
      "Once an environment is linked, calls from plug-ins and connectors to public endpoints leave from the delegated subnet, and they break if nothing lets them out (Power Platform's VNet support overview). With forced tunnelling (a 0.0.0.0/0 route to Azure Firewall) the firewall is that way out, and Azure Firewall denies everything no rule allows: network rules are processed first, then application rules, and what matches neither is denied by default. A host the workloads call that the policy does not allow fails after linking.",
    fix: "Add an application rule (HTTPS to the host's FQDN) or a network rule allowing the call in the firewall's policy, or remove the rule that denies it; the finding names the rule that decided, or says no rule allows it.",
    sources: [SOURCES.overview, FIREWALL_SOURCES.rules, FIREWALL_SOURCES.forcedTunneling],
    checkable: 'static',
  },
  check(t, ctx) {
    // Private and public-service targets are PPV-024's; this rule judges the connectors' internet hosts.
    for (const f of flowsOf(t, ['internet'])) {
      const hop = f.deciding;
      if (f.verdict !== 'blocked' || hop?.kind !== 'firewall' || f.target.kind !== 'internet') continue;
      const subnet = t.get(f.sourceSubnetId, 'subnet')!;
      const connector = t.get(f.target.connectorId, 'connector');
      ctx.report({
        ...(hop.elementId ? { elementId: hop.elementId } : {}),
        ...(hop.property ? { property: hop.property } : {}),
        message: `${connector ? `Connector ${label(connector)}` : 'A workload'} calls ${f.target.host} from delegated subnet ${label(subnet)} (${f.side}), whose forced tunnel ends at a firewall that refuses it: ${hop.text}`,
        related: [{ elementId: subnet.id, message: `Delegated subnet ${label(subnet)}.` }, ...(connector ? [{ elementId: connector.id, message: `Connector ${label(connector)}.` }] : [])],
      });
    }
  },
};
