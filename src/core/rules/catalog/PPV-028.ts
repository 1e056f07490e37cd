// PPV-028: subscription prerequisites for enterprise policies (guidance).
import type { Rule } from '../rule';
import { SOURCES, label } from '../analysis/power-platform';

export const rule: Rule = {
  meta: {
    id: 'PPV-028',
    title: 'Subscription prerequisites are registered',
    severity: 'info',
    category: 'power-platform',
    rationale:
      'Creating an enterprise policy needs the Microsoft.PowerPlatform and Microsoft.Network resource providers registered in the subscription, and the preview feature Microsoft.PowerPlatform/enterprisePoliciesPreview; otherwise the deployment is refused.',
    fix: 'Register the providers and the enterprisePoliciesPreview feature (Register-AzResourceProvider / azurerm_resource_provider_registration) before deploying.',
    sources: [SOURCES.setup, SOURCES.module],
    checkable: 'guidance',
    whyNotStatic: 'Provider and feature registration is subscription state in Azure, not part of the design or of a template that declares the network.',
  },
  check(t, ctx) {
    for (const p of t.all('enterprisePolicy')) {
      const where = p.subscriptionId ? `subscription ${p.subscriptionId}` : 'the subscription of the policy';
      ctx.report({
        elementId: p.id,
        message: `Before deploying policy ${label(p)}, register Microsoft.PowerPlatform, Microsoft.Network and the enterprisePoliciesPreview feature in ${where}.`,
      });
    }
  },
};
