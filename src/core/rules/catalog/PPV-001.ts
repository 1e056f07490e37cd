// PPV-001: the enterprise policy resource is written with an API version and kind that deploy.
import type { Rule } from '../rule';
import { SOURCES, label } from '../analysis/power-platform';

/** The documented version, and the one Microsoft's own module deploys with (domain.md §1.1). */
const ACCEPTED_API_VERSIONS = ['2020-10-30-preview', '2020-10-30'];

export const rule: Rule = {
  meta: {
    id: 'PPV-001',
    title: 'Enterprise policy API version and kind',
    severity: 'error',
    category: 'power-platform',
    rationale:
      'Microsoft.PowerPlatform/enterprisePolicies has one published API version, 2020-10-30-preview, and subnet injection needs kind NetworkInjection. Any other version is rejected by Azure Resource Manager, and any other kind creates a different policy (Encryption, Lockbox…) that environments cannot be injected with.',
    fix: "Write apiVersion '2020-10-30-preview' and kind 'NetworkInjection' on the enterprise policy resource.",
    sources: [SOURCES.setup, SOURCES.module],
    checkable: 'static',
  },
  check(t, ctx) {
    for (const p of t.all('enterprisePolicy')) {
      if (p.apiVersion !== undefined && !ACCEPTED_API_VERSIONS.includes(p.apiVersion.trim().toLowerCase())) {
        ctx.report({
          elementId: p.id,
          property: 'apiVersion',
          message: `Enterprise policy ${label(p)} uses API version '${p.apiVersion}'; the published version is '2020-10-30-preview'.`,
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
