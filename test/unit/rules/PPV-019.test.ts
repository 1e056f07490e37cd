import { rule } from '../../../src/core/rules/catalog/PPV-019';
import { edited, set } from '../support/designs';
import { testRule } from '../support/rule-tester';
import { TENANT_A, TENANT_B, seed } from './ppv-fixtures';

testRule(rule, {
  valid: [
    { name: 'the seed (tenants unknown)', design: seed },
    { name: 'everything in one tenant', design: edited(seed, set('policy-prod', { tenantId: TENANT_A }), set('vnet-neu', { tenantId: TENANT_A }), set('env-prod', { tenantId: TENANT_A.toUpperCase() })) },
  ],
  invalid: [
    { name: 'a VNet in another tenant', design: edited(seed, set('policy-prod', { tenantId: TENANT_A }), set('vnet-neu', { tenantId: TENANT_B })), expected: ['vnet-neu'], messages: [/cross-tenant/] },
    { name: 'policy tenant unknown, environment differs from a VNet', design: edited(seed, set('vnet-weu', { tenantId: TENANT_A }), set('env-prod', { tenantId: TENANT_B })), expected: ['env-prod'] },
  ],
});
