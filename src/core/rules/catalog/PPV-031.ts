// PPV-031: self-service disaster recovery needs a VNet pair.
import { findGeography, requiresPair } from '../../geo/geographies';
import type { Rule } from '../rule';
import { SOURCES, label, linkedEnvironments } from '../analysis/power-platform';

export const rule: Rule = {
  meta: {
    id: 'PPV-031',
    title: 'Self-service disaster recovery needs a VNet pair',
    severity: 'info',
    category: 'lifecycle',
    rationale:
      "Environments in a virtual network must have a Virtual Network pair configured for self-service disaster recovery: 'Without a Virtual Network pair, disaster recovery operations fail.' A policy in a single-region geography has one VNet, so its environments cannot use self-service DR.",
    fix: 'Where self-service DR matters, place the environments in a paired geography and give the policy a VNet in each region of the pair.',
    sources: [SOURCES.overview],
    checkable: 'static',
  },
  check(t, ctx) {
    for (const p of t.all('enterprisePolicy')) {
      const geo = findGeography(p.geography);
      if (!geo || requiresPair(geo) || linkedEnvironments(t, p.id).length === 0) continue;
      ctx.report({
        elementId: p.id,
        property: 'geography',
        message: `${geo.displayName} is a single-region geography, so policy ${label(p)} has no VNet pair: self-service disaster recovery is not available to its environments.`,
      });
    }
  },
};
