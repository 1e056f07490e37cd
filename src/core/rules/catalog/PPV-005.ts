// PPV-005: every VNet a policy injects into is in one of the geography's allowed Azure regions.
import { allowedRegions, findGeography } from '../../geo/geographies';
import type { Rule } from '../rule';
import { SOURCES, label, policyVnets } from '../analysis/power-platform';
import { canonicalRegion } from '../analysis/regions';

export const rule: Rule = {
  meta: {
    id: 'PPV-005',
    title: 'VNet region is allowed for the geography',
    severity: 'error',
    category: 'region',
    rationale:
      "Each Power Platform geography serves environments from specific Azure regions, and the delegated VNets must be in those regions (the module's Assert-AzureRegionIsSupported refuses any other). A VNet elsewhere cannot host the environment's containers.",
    fix: "Move the VNet to one of the geography's regions (create a VNet there and peer it to the existing network if resources live elsewhere).",
    sources: [SOURCES.overview, SOURCES.module],
    checkable: 'static',
  },
  check(t, ctx) {
    for (const p of t.all('enterprisePolicy')) {
      const geo = findGeography(p.geography);
      if (!geo) continue;
      const allowed = allowedRegions(geo);
      for (const v of policyVnets(t, p.id)) {
        if (v.region === undefined) continue;
        // ARM reads a display name ('West Europe') as the canonical region (westeurope).
        const region = canonicalRegion(v.region);
        if (allowed.includes(region)) continue;
        ctx.report({
          elementId: v.id,
          property: 'region',
          message: `VNet ${label(v)} is in '${v.region}', which ${geo.displayName} does not serve; allowed regions: ${allowed.join(', ')}.`,
          related: [{ elementId: p.id, property: 'geography', message: `Enterprise policy ${label(p)} is in ${geo.displayName}.` }],
        });
      }
    }
  },
};
