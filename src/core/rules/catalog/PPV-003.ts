// PPV-003: networkInjection.virtualNetworks is written as a plain array, not the ARM reference's wrapper.
import type { Rule } from '../rule';
import { SOURCES, label } from '../analysis/power-platform';

export const rule: Rule = {
  meta: {
    id: 'PPV-003',
    title: 'virtualNetworks is a plain array',
    severity: 'error',
    category: 'power-platform',
    rationale:
      "The service accepts properties.networkInjection.virtualNetworks only as a plain array of { id: <VNet id>, subnet: { name } }, and the current Bicep types (Azure.Bicep.Types.Az) define it that way, with no warning. Only Learn's ARM template reference still shows a { value: [...], nextLink } wrapper: deployments written that way fail with 'request body is null', and in Bicep the wrapper is a type error (BCP036).",
    fix: 'Write virtualNetworks as a plain array of { id, subnet: { name } } objects; no any() or #disable-next-line is needed in Bicep.',
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
