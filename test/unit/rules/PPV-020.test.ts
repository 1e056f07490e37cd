import { rule } from '../../../src/core/rules/catalog/PPV-020';
import { edited, set } from '../support/designs';
import { testRule } from '../support/rule-tester';
import { TENANT_A, TENANT_B, seed } from './ppv-fixtures';

// Subscription ids are GUIDs like tenant ids; the fixtures reuse the two constants.
testRule(rule, {
  valid: [
    { name: 'the seed (subscriptions unknown)', design: seed },
    { name: 'same subscription', design: edited(seed, set('policy-prod', { subscriptionId: TENANT_A }), set('vnet-weu', { subscriptionId: TENANT_A }), set('vnet-neu', { subscriptionId: TENANT_A })) },
    { name: 'policy subscription unknown', design: edited(seed, set('vnet-weu', { subscriptionId: TENANT_A }), set('vnet-neu', { subscriptionId: TENANT_B })) },
  ],
  invalid: [
    { name: 'failover VNet elsewhere', design: edited(seed, set('policy-prod', { subscriptionId: TENANT_A }), set('vnet-neu', { subscriptionId: TENANT_B })), expected: ['vnet-neu'], messages: [/not documented/] },
  ],
});
