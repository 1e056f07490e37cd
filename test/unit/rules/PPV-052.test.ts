import { rule } from '../../../src/core/rules/catalog/PPV-052';
import { edited, loadFixture, removeRelations, set } from '../support/designs';
import { testRule } from '../support/rule-tester';
import { relate } from './ppv-fixtures';

const hybrid = loadFixture('hybrid-dns');
const rule26 = Array.from({ length: 26 }, (_, i) => ({ name: `r${i}`, domainName: `d${i}.contoso.com.`, targetDnsServers: [{ ipAddress: '192.168.1.4' }] }));

testRule(rule, {
  valid: [
    { name: 'hybrid-dns: the hub ruleset in westeurope, linked to the hub', design: hybrid },
    { name: 'linked to the westeurope spoke', design: edited(hybrid, relate({ id: 'l-weu', kind: 'rulesetLink', from: 'dnsfrs-hub', to: 'vnet-weu' })) },
    { name: 'region unknown on both sides of the link', design: edited(hybrid, set('dnsfrs-hub', { region: undefined }), set('vnet-hub', { region: undefined }), relate({ id: 'l-neu', kind: 'rulesetLink', from: 'dnsfrs-hub', to: 'vnet-neu' })) },
  ],
  invalid: [
    { name: 'linked to the northeurope spoke', design: edited(hybrid, relate({ id: 'l-neu', kind: 'rulesetLink', from: 'dnsfrs-hub', to: 'vnet-neu' })), expected: ['l-neu'], messages: [/can't be linked to a VNet in another region/] },
    { name: 'the resolver has no outbound endpoint', design: edited(hybrid, removeRelations('dnspr-out')), expected: ['dnsfrs-hub'], messages: [/no outbound endpoint/] },
    { name: '26 rules', design: edited(hybrid, set('dnsfrs-hub', { rules: rule26 })), expected: ['dnsfrs-hub'], messages: [/up to 25/] },
    { name: 'ruleset in another region than its resolver', design: edited(hybrid, set('dnsfrs-hub', { region: 'northeurope' })), expected: ['dnsfrs-hub', 'dnsfrs-hub-link'] },
  ],
});
