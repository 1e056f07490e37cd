// PPV-030: targets must present a publicly trusted, complete TLS chain (guidance).
import type { Rule } from '../rule';
import { SOURCES, label, policyConnectors } from '../analysis/power-platform';

export const rule: Rule = {
  meta: {
    id: 'PPV-030',
    title: 'Targets present a publicly trusted certificate',
    severity: 'info',
    category: 'workload',
    rationale:
      'Endpoints called from the delegated subnet must present a certificate with the complete chain up to a well-known public root CA. Custom (private) root CAs cannot be added, so internal APIs and on-premises services signed by an enterprise CA fail the TLS handshake.',
    fix: 'Serve the targets with certificates from a public CA (App Service and Azure PaaS do by default); check with Test-TLSHandshake from the subnet.',
    sources: [SOURCES.overview, SOURCES.module],
    checkable: 'guidance',
    whyNotStatic: 'Which certificate a target presents is runtime state of that target, not part of the network design.',
  },
  check(t, ctx) {
    for (const p of t.all('enterprisePolicy')) {
      const connectors = policyConnectors(t, p.id);
      if (connectors.length === 0) continue;
      ctx.report({
        elementId: p.id,
        message: `The targets of ${connectors.map(label).join(', ')} must present a complete certificate chain from a public root CA; private CAs are not supported for policy ${label(p)}.`,
        related: connectors.map((c) => ({ elementId: c.id, message: `Connector ${label(c)} runs in an environment of this policy.` })),
      });
    }
  },
};
