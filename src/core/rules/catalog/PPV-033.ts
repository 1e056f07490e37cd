// PPV-033: the usdod geography is accepted by the module but not available per the docs.
import { canonicalGeography } from '../../geo/geographies';
import type { Rule } from '../rule';
import { SOURCES, label } from '../analysis/power-platform';

export const rule: Rule = {
  meta: {
    id: 'PPV-033',
    title: 'US DoD geography is not available',
    severity: 'warning',
    category: 'region',
    rationale:
      "Microsoft's module lists usdod with the usdodeast/usdodcentral pair, but Microsoft Learn states that Virtual Network support in government clouds is only available for GCC High (usgov); DoD and GCC environments aren't available.",
    fix: 'Do not plan on usdod; for US government workloads use GCC High (usgov) environments.',
    sources: [SOURCES.overview, SOURCES.module],
    checkable: 'static',
  },
  check(t, ctx) {
    for (const e of [...t.all('enterprisePolicy'), ...t.all('environment')]) {
      if (e.geography === undefined || canonicalGeography(e.geography) !== 'usdod') continue;
      ctx.report({
        elementId: e.id,
        property: 'geography',
        message: `${e.kind === 'environment' ? 'Environment' : 'Enterprise policy'} ${label(e)} is in usdod; Microsoft Learn says Virtual Network support is not available for DoD (only GCC High, usgov).`,
      });
    }
  },
};
