// PPV-003: networkInjection.virtualNetworks is written as a plain array, not the documented wrapper.
import type { Rule } from '../rule';
import { SOURCES, label } from '../analysis/power-platform';

export const rule: Rule = {
  meta: {
    id: 'PPV-003',
    title: 'virtualNetworks is a plain array',
    severity: 'error',
    category: 'power-platform',
    rationale:
      "The ARM template reference and the generated Bicep types show properties.networkInjection.virtualNetworks as { value: [...], nextLink }. Deployments with that wrapper fail with 'request body is null'; the service accepts only a plain array of { id: <VNet id>, subnet: { name } }.",
    fix: 'Write virtualNetworks as a plain array of { id, subnet: { name } } objects (in Bicep, suppress the type warning with #disable-next-line or any()).',
    sources: [SOURCES.bicepTypes, SOURCES.setup],
    checkable: 'static',
  },
  check(t, ctx) {
    for (const p of t.all('enterprisePolicy')) {
      if (p.networksShape === undefined || p.networksShape === 'array') continue;
      ctx.report({
        elementId: p.id,
        property: 'networksShape',
        message:
          p.networksShape === 'valueWrapper'
            ? `Enterprise policy ${label(p)} wraps virtualNetworks in { value: [...] }; the deployment fails with 'request body is null'. Write a plain array.`
            : `Enterprise policy ${label(p)} writes virtualNetworks in a shape the service does not accept; write a plain array of { id, subnet: { name } }.`,
      });
    }
  },
};
