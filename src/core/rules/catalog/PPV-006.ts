// PPV-006: the two VNets of a paired geography are in different regions that form an allowed pair.
import { allowedRegions, findGeography, pairOf, requiresPair } from '../../geo/geographies';
import type { Rule } from '../rule';
import { SOURCES, label, policyVnets } from '../analysis/power-platform';
import { canonicalRegion } from '../analysis/regions';

export const rule: Rule = {
  meta: {
    id: 'PPV-006',
    title: 'VNets form an allowed region pair',
    severity: 'error',
    category: 'region',
    rationale:
      "Failover works between the two regions of an allowed pair only. The module's Assert-RegionPairing refuses two VNets in the same region and two regions from different pairs (for example eastus with eastus2 in unitedstates).",
    fix: 'Place the two VNets in the two regions of one allowed pair, for example westeurope and northeurope for europe.',
    sources: [SOURCES.overview, SOURCES.module],
    checkable: 'static',
  },
  check(t, ctx) {
    for (const p of t.all('enterprisePolicy')) {
      const geo = findGeography(p.geography);
      if (!geo || !requiresPair(geo)) continue;
      const vnets = policyVnets(t, p.id);
      if (vnets.length !== 2) continue; // PPV-004 reports the count
      const [a, b] = vnets as [(typeof vnets)[0], (typeof vnets)[0]];
      if (a.region === undefined || b.region === undefined) continue;
      const ra = canonicalRegion(a.region);
      const rb = canonicalRegion(b.region);
      const allowed = allowedRegions(geo);
      if (!allowed.includes(ra) || !allowed.includes(rb)) continue; // PPV-005 reports the region
      if (pairOf(geo, ra, rb)) continue;
      const pairs = geo.pairs.map((pair) => `{${pair.join(', ')}}`).join(' or ');
      ctx.report({
        elementId: b.id,
        property: 'region',
        message:
          ra === rb
            ? `VNets ${label(a)} and ${label(b)} are both in '${ra}'; the policy needs one VNet in each region of a pair: ${pairs}.`
            : `VNets ${label(a)} ('${ra}') and ${label(b)} ('${rb}') are not an allowed pair for ${geo.displayName}: ${pairs}.`,
        related: [
          { elementId: a.id, property: 'region', message: `The other VNet of policy ${label(p)} is in '${ra}'.` },
          { elementId: p.id, message: `Enterprise policy ${label(p)}.` },
        ],
      });
    }
  },
};
