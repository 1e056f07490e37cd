// PPV-036: HTTP connectors and on-premises data gateway connections do not run in the delegated subnet.
import type { ElementOf } from '../../model/schema';
import type { Rule } from '../rule';
import { SOURCES, label } from '../analysis/power-platform';

const KINDS: Partial<Record<NonNullable<ElementOf<'connector'>['connectorType']>, string>> = {
  http: 'an HTTP connector',
  onPremisesDataGateway: 'a connection through the on-premises data gateway',
};

export const rule: Rule = {
  meta: {
    id: 'PPV-036',
    title: 'HTTP connectors and the on-premises data gateway bypass the delegated subnet',
    severity: 'warning',
    category: 'workload',
    rationale:
      "Virtual Network support carries plug-ins and the supported connectors only; the HTTP connectors and connections through the on-premises data gateway are listed among its limitations and do not send their calls from the delegated subnet. (HTTP with Microsoft Entra ID (preauthorized) is a supported connector and is not concerned.) A target that accepts only private traffic is therefore unreachable for them through the enterprise policy's network.",
    fix: 'Call the private resource through a supported connector (a custom connector, or HTTP with Microsoft Entra ID (preauthorized)) or a plug-in, or give the gateway host its own network path to the resource.',
    sources: [SOURCES.overview, SOURCES.setup],
    checkable: 'static',
  },
  check(t, ctx) {
    for (const c of t.all('connector')) {
      const kind = c.connectorType && KINDS[c.connectorType];
      if (!kind) continue;
      for (const s of t.targets(c.id, 'connectorTarget', 'azureService')) {
        if (s.publicNetworkAccess !== false) continue;
        ctx.report({
          elementId: c.id,
          property: 'connectorType',
          message: `${label(c)} is ${kind}, which does not run in the delegated subnet, but its target ${label(s)} accepts only private traffic; the call cannot use the enterprise policy's network.`,
          related: [{ elementId: s.id, property: 'publicNetworkAccess', message: `${label(s)} has public network access disabled.` }],
        });
      }
    }
  },
};
