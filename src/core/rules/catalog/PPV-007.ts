// PPV-007: when an environment's Azure region is known, the policy's VNet pair contains it.
import { findGeography, pairOf } from '../../geo/geographies';
import type { Rule } from '../rule';
import { SOURCES, label, linkedEnvironments, policyVnets } from '../analysis/power-platform';
import { canonicalRegion } from '../analysis/regions';

export const rule: Rule = {
  meta: {
    id: 'PPV-007',
    title: "VNet pair matches the environment's Azure region",
    severity: 'warning',
    category: 'region',
    rationale:
      "Where a geography offers more than one region pair (unitedstates: eastus/westus or centralus/eastus2), Microsoft requires the pair that contains the environment's Azure region, as reported by Get-EnvironmentRegion. A VNet pair in the other regions leaves the environment's containers without a VNet in their region.",
    fix: "Use the pair that contains the environment's Azure region, or pin the environment (azure_region) to a region of the pair.",
    sources: [SOURCES.overview, SOURCES.module],
    checkable: 'static',
  },
  check(t, ctx) {
    for (const p of t.all('enterprisePolicy')) {
      const geo = findGeography(p.geography);
      if (!geo) continue;
      const vnets = policyVnets(t, p.id);
      if (vnets.length !== 2 || vnets.some((v) => v.region === undefined)) continue;
      const regions = vnets.map((v) => canonicalRegion(v.region!));
      if (!pairOf(geo, regions[0]!, regions[1]!)) continue; // PPV-006 reports an invalid pair
      for (const env of linkedEnvironments(t, p.id)) {
        if (env.azureRegion === undefined) continue;
        const region = canonicalRegion(env.azureRegion);
        if (regions.includes(region)) continue;
        const matching = geo.pairs.find((pair) => pair.includes(region));
        ctx.report({
          elementId: env.id,
          property: 'azureRegion',
          message: matching
            ? `Environment ${label(env)} runs in '${region}', but policy ${label(p)} uses the pair {${regions.join(', ')}}; use the pair {${matching.join(', ')}}.`
            : `Environment ${label(env)} runs in '${region}', which no region pair of ${geo.displayName} contains; policy ${label(p)} uses {${regions.join(', ')}}.`,
          related: vnets.map((v) => ({ elementId: v.id, property: 'region', message: `VNet ${label(v)} is in '${v.region}'.` })),
        });
      }
    }
  },
};
