// PPV-029: workloads that VNet support does not carry: they use another gateway or are unsupported.
import type { Rule } from '../rule';
import { SOURCES, label } from '../analysis/power-platform';

export const rule: Rule = {
  meta: {
    id: 'PPV-029',
    title: 'Workloads routed outside subnet injection',
    severity: 'info',
    category: 'workload',
    rationale:
      "Subnet injection carries plug-ins and the supported connectors only. Power BI and Power Platform dataflows keep using the VNet data gateway (its own subnet, delegated to Microsoft.PowerPlatform/vnetaccesslinks); connectors that need third-party drivers or Windows authentication keep using the on-premises data gateway; low-code plug-ins that use connectors and Azure-aware plug-ins aren't supported.",
    fix: 'Plan a VNet data gateway or on-premises data gateway for these workloads, or replace them with supported ones; they do not use the enterprise policy.',
    sources: [SOURCES.overview],
    checkable: 'static',
  },
  check(t, ctx) {
    for (const c of t.all('connector')) {
      if (c.connectorType === 'dataflow' || c.connectorType === 'powerBi') {
        ctx.report({ elementId: c.id, property: 'connectorType', message: `${label(c)} is a ${c.connectorType === 'powerBi' ? 'Power BI' : 'dataflow'} workload: it does not use subnet injection but the VNet data gateway, which needs its own subnet delegated to Microsoft.PowerPlatform/vnetaccesslinks.` });
      } else if (c.connectorType === 'lowCodePlugin' || c.connectorType === 'azureAwarePlugin') {
        ctx.report({ elementId: c.id, property: 'connectorType', message: `${label(c)} is ${c.connectorType === 'lowCodePlugin' ? 'a low-code plug-in using connectors' : 'an Azure-aware plug-in'}, which Virtual Network support does not carry yet.` });
      } else if (c.authKind === 'windows') {
        ctx.report({ elementId: c.id, property: 'authKind', message: `${label(c)} uses Windows authentication, which subnet injection does not support; it keeps using the on-premises data gateway.` });
      } else if (c.thirdPartyDriver === true) {
        ctx.report({ elementId: c.id, property: 'thirdPartyDriver', message: `${label(c)} needs a third-party driver, which subnet injection does not support; it keeps using the on-premises data gateway.` });
      }
    }
  },
};
