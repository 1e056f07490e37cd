import { rule } from '../../../src/core/rules/catalog/PPV-036';
import { edited, set } from '../support/designs';
import { testRule } from '../support/rule-tester';
import { seed } from './ppv-fixtures';

testRule(rule, {
  valid: [
    { name: 'the seed: a custom connector to a private API', design: seed },
    { name: 'HTTP with Microsoft Entra ID (preauthorized) is supported', design: edited(seed, set('conn-casemgmt', { connectorType: 'httpEntraId' })) },
    { name: 'an HTTP connector to a public target', design: edited(seed, set('conn-casemgmt', { connectorType: 'http' }), set('app-api', { publicNetworkAccess: true })) },
    { name: 'an HTTP connector to a target of unknown access', design: edited(seed, set('conn-casemgmt', { connectorType: 'http' }), set('app-api', { publicNetworkAccess: undefined })) },
  ],
  invalid: [
    { name: 'an HTTP connector to the private API', design: edited(seed, set('conn-casemgmt', { connectorType: 'http' })), expected: ['conn-casemgmt'], messages: [/an HTTP connector, which does not run in the delegated subnet.*"app-casemgmt-api".*private traffic/] },
    { name: 'an on-premises data gateway connection to the private API', design: edited(seed, set('conn-casemgmt', { connectorType: 'onPremisesDataGateway' })), expected: ['conn-casemgmt'], messages: [/on-premises data gateway/] },
  ],
});
