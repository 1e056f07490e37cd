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
      'Creating an enterprise policy needs the Microsoft.PowerPlatform resource provider registered in the subscription; otherwise the deployment is refused. Microsoft\'s module dropped the enterprisePoliciesPreview feature registration in 2026 and now registers only the resource provider.',
    fix: 'Register the Microsoft.PowerPlatform resource provider (Register-AzResourceProvider / azurerm_resource_provider_registration) before deploying; no preview feature is needed.',
    sources: [SOURCES.setup, SOURCES.module],
    checkable: 'guidance',
    whyNotStatic: 'Resource provider registration is subscription state in Azure, not part of the design or of a template that declares the network.',
  },
  check(t, ctx) {
    for (const p of t.all('enterprisePolicy')) {
      const where = p.subscriptionId ? `subscription ${p.subscriptionId}` : 'the subscription of the policy';
      ctx.report({
        elementId: p.id,
        message: `Before deploying policy ${label(p)}, register the Microsoft.PowerPlatform resource provider in ${where}.`,
      });
    }
  },
};
