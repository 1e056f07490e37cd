// PPV-002: the policy location is a supported Power Platform geography, not an Azure region.
import { GEOGRAPHIES, findGeography, isAzureRegionName } from '../../geo/geographies';
import type { Rule } from '../rule';
import { SOURCES, label } from '../analysis/power-platform';

export const rule: Rule = {
  meta: {
    id: 'PPV-002',
    title: 'Policy location is a supported geography',
    severity: 'error',
    category: 'region',
    rationale:
      "An enterprise policy's location is a Power Platform geography such as europe or unitedstates, not an Azure region. Azure rejects other values, and the EUAP geographies are Microsoft-internal early-access locations that customer tenants cannot use.",
    fix: 'Set the policy location to the geography of the environments it serves (for example europe for West/North Europe VNets).',
    sources: [SOURCES.setup, SOURCES.module],
    checkable: 'static',
  },
  check(t, ctx) {
    for (const p of t.all('enterprisePolicy')) {
      if (p.geography === undefined) continue;
      const written = p.geography.trim().toLowerCase();
      const geo = findGeography(written);
      if (geo && geo.id === written) {
        if (geo.status === 'internal') {
          ctx.report({ elementId: p.id, property: 'geography', message: `Enterprise policy ${label(p)} uses '${p.geography}', a Microsoft-internal early-access location; customer policies use a public geography such as 'unitedstates'.` });
        }
        continue;
      }
      if (geo) {
        // The environment-side alias unitedkingdom: the policy resource uses the module's key.
        ctx.report({
          elementId: p.id,
          property: 'geography',
          message: `Enterprise policy ${label(p)} uses '${p.geography}', which is how environments spell it; the policy location is '${geo.id}'.`,
          fixes: [{ title: `Use geography '${geo.id}'`, edit: { op: 'updateElement', id: p.id, set: { geography: geo.id } } }],
        });
        continue;
      }
      if (isAzureRegionName(written)) {
        const candidates = GEOGRAPHIES.filter((g) => g.status === 'supported' && g.pairs.flat().includes(written));
        const hint = candidates.map((g) => `'${g.id}'`).join(' or ');
        ctx.report({
          elementId: p.id,
          property: 'geography',
          message: `Enterprise policy ${label(p)} uses the Azure region '${p.geography}' as its location; did you mean the geography ${hint}?`,
          fixes: candidates.map((g) => ({ title: `Use geography '${g.id}'`, edit: { op: 'updateElement' as const, id: p.id, set: { geography: g.id } } })),
        });
        continue;
      }
      ctx.report({ elementId: p.id, property: 'geography', message: `Enterprise policy ${label(p)} uses '${p.geography}', which is not a Power Platform geography that supports VNet injection.` });
    }
  },
};
