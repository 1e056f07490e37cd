// PPV-001: the enterprise policy resource is written with an API version and kind that deploy.
import type { Rule } from '../rule';
import { SOURCES, label } from '../analysis/power-platform';

/**
 * `2020-10-30` is what Microsoft's own module deploys (ARM accepts it; Bicep has no types for it, so it warns
 * BCP081); `2020-10-30-preview` is the version Bicep's types describe (domain.md §11).
 */
const ACCEPTED_API_VERSIONS = ['2020-10-30', '2020-10-30-preview'];

export const rule: Rule = {
  meta: {
    id: 'PPV-001',
    title: 'Enterprise policy API version and kind',
    severity: 'error',
    category: 'power-platform',
    rationale:
      'Microsoft.PowerPlatform/enterprisePolicies deploys with two API versions: 2020-10-30, which Microsoft\'s PowerShell module deploys (Bicep has no types for it and warns BCP081), and 2020-10-30-preview, which Bicep\'s types describe. Subnet injection needs kind NetworkInjection. Any other version is rejected by Azure Resource Manager, and any other kind creates a different policy (Encryption, Lockbox…) that environments cannot be injected with.',
    fix: "Write apiVersion '2020-10-30' (what the module deploys) or '2020-10-30-preview' (typed in Bicep), and kind 'NetworkInjection', on the enterprise policy resource.",
    sources: [SOURCES.setup, SOURCES.module],
    checkable: 'static',
  },
  check(t, ctx) {
    for (const p of t.all('enterprisePolicy')) {
      if (p.apiVersion !== undefined && !ACCEPTED_API_VERSIONS.includes(p.apiVersion.trim().toLowerCase())) {
        ctx.report({
          elementId: p.id,
          property: 'apiVersion',
          message: `Enterprise policy ${label(p)} uses API version '${p.apiVersion}'; use '2020-10-30' (what Microsoft's module deploys) or '2020-10-30-preview' (the version Bicep's types describe).`,
        });
      }
      if (p.policyKind !== undefined && p.policyKind.trim().toLowerCase() !== 'networkinjection') {
        ctx.report({
          elementId: p.id,
          property: 'policyKind',
          message: `Enterprise policy ${label(p)} has kind '${p.policyKind}'; subnet injection needs kind 'NetworkInjection'.`,
        });
      }
    }
  },
};
