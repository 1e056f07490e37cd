import { rule } from '../../../src/core/rules/catalog/PPV-029';
import { edited, set } from '../support/designs';
import { testRule } from '../support/rule-tester';
import { seed } from './ppv-fixtures';

testRule(rule, {
  valid: [
    { name: 'the seed: a custom connector with Entra ID OAuth', design: seed },
    { name: 'a SQL Server connector with basic auth', design: edited(seed, set('conn-casemgmt', { connectorType: 'sqlServer', authKind: 'basic' })) },
  ],
  invalid: [
    { name: 'Power BI', design: edited(seed, set('conn-casemgmt', { connectorType: 'powerBi' })), expected: ['conn-casemgmt'], messages: [/VNet data gateway.*vnetaccesslinks/] },
    { name: 'a dataflow', design: edited(seed, set('conn-casemgmt', { connectorType: 'dataflow' })), expected: ['conn-casemgmt'], messages: [/VNet data gateway/] },
    { name: 'a low-code plug-in', design: edited(seed, set('conn-casemgmt', { connectorType: 'lowCodePlugin' })), expected: ['conn-casemgmt'], messages: [/does not carry/] },
    { name: 'an Azure-aware plug-in', design: edited(seed, set('conn-casemgmt', { connectorType: 'azureAwarePlugin' })), expected: ['conn-casemgmt'], messages: [/Azure-aware/] },
    { name: 'Windows authentication', design: edited(seed, set('conn-casemgmt', { connectorType: 'sqlServer', authKind: 'windows' })), expected: ['conn-casemgmt'], messages: [/on-premises data gateway/] },
    { name: 'a third-party driver', design: edited(seed, set('conn-casemgmt', { connectorType: 'snowflake', thirdPartyDriver: true })), expected: ['conn-casemgmt'], messages: [/third-party driver/] },
  ],
});
