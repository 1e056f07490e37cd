// PPV-026: a linked policy's subnet ranges and VNet DNS servers must not change in place (guidance).
import type { Rule } from '../rule';
import { SOURCES, label, linkedEnvironments, policyVnets } from '../analysis/power-platform';

export const rule: Rule = {
  meta: {
    id: 'PPV-026',
    title: 'Unlink before changing subnet ranges or DNS servers',
    severity: 'info',
    category: 'lifecycle',
    rationale:
      "While environments are linked, changing the delegated subnet's address range breaks the delegation and the environment stops working, and a change of the VNet's DNS servers is not picked up. Both need unlink, change, relink (or a support ticket for the range, per the setup article).",
    fix: 'Plan such changes as: Disable-SubnetInjection for each linked environment, apply the change, Enable-SubnetInjection again.',
    sources: [SOURCES.overview, SOURCES.setup],
    checkable: 'guidance',
    whyNotStatic:
      'A design is one state, not a change: whether an address prefix or DNS server list differs from what is deployed is only known by comparing with Azure (Compare with Azure) or an IaC plan. The rule reminds where a linked policy makes such a change destructive.',
  },
  check(t, ctx) {
    for (const p of t.all('enterprisePolicy')) {
      const envs = linkedEnvironments(t, p.id);
      const vnets = policyVnets(t, p.id);
      if (envs.length === 0 || vnets.length === 0) continue;
      ctx.report({
        elementId: p.id,
        message: `Policy ${label(p)} has ${envs.length} linked environment(s): do not change its delegated subnet ranges or the DNS servers of ${vnets.map(label).join(', ')} in place; unlink, change, relink.`,
      });
    }
  },
};
