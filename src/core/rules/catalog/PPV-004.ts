// PPV-004: a policy references two VNets in paired geographies and one in single-region geographies.
import { findGeography, requiresPair } from '../../geo/geographies';
import { hasKnownVnets } from '../../model/unresolved-name';
import type { Rule } from '../rule';
import { SOURCES, label, policyVnets } from '../analysis/power-platform';

export const rule: Rule = {
  meta: {
    id: 'PPV-004',
    title: 'Number of VNets matches the geography',
    severity: 'error',
    category: 'region',
    rationale:
      "Geographies with two Azure regions need one delegated subnet in a VNet in each region, for failover; the service refuses the policy otherwise ('There should be at least 2 vnets configured'). Single-region geographies take exactly one VNet: the module ignores a second one, so it gives no failover although the design suggests it.",
    fix: 'Paired geography: inject into exactly two VNets, one per region of an allowed pair. Single-region geography: inject into one VNet and remove the other subnet reference.',
    sources: [SOURCES.overview, SOURCES.module, SOURCES.singleVnet],
    checkable: 'static',
  },
  check(t, ctx) {
    for (const p of t.all('enterprisePolicy')) {
      const geo = findGeography(p.geography);
      if (!geo) continue;
      const designVnets = policyVnets(t, p.id);
      const known = new Set(designVnets.map((v) => v.name.toLowerCase()));
      // IaC references the reader could not resolve still count: they are VNets the template names.
      const unresolved = new Set((p.unresolvedSubnets ?? []).map((u) => u.vnet.toLowerCase()).filter((n) => !known.has(n)));
      const count = designVnets.length + unresolved.size;
      const needed = requiresPair(geo) ? 2 : 1;
      if (count === needed) continue;
      const related = designVnets.map((v) => ({ elementId: v.id, message: `VNet ${label(v)} is used by this policy.` }));
      if (count < needed && !hasKnownVnets(p)) {
        // Fewer known VNets than needed is no fault when the rest are a parameter: unknown is not none.
        const known = count === 0 ? '' : ` (${count} known)`;
        ctx.report({ elementId: p.id, cannotTell: true, related, message: `Cannot tell how many VNets enterprise policy ${label(p)} injects into${known}: its virtualNetworks come from a parameter or a loop the reader cannot evaluate; ${geo.displayName} needs ${needed === 2 ? 'two, one in each region of a pair' : 'one'}.` });
        continue;
      }
      let message: string;
      if (count === 0) message = `Enterprise policy ${label(p)} injects into no VNet; ${geo.displayName} needs ${needed === 2 ? 'two VNets, one in each region of a pair' : 'one VNet'}.`;
      else if (needed === 2 && count === 1) message = `Enterprise policy ${label(p)} injects into one VNet; ${geo.displayName} has two regions and needs a second VNet in the paired region (the service refuses the policy otherwise).`;
      else if (needed === 1) message = `Enterprise policy ${label(p)} injects into ${count} VNets; ${geo.displayName} is a single-region geography, so only one is used and the others are ignored.`;
      else message = `Enterprise policy ${label(p)} injects into ${count} VNets; ${geo.displayName} takes exactly two, one per region of a pair.`;
      ctx.report({ elementId: p.id, message, related });
    }
  },
};
