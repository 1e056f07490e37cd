// AZ-15: one private DNS zone of each name per VNet; one auto-registration zone per VNet.
import type { DesignEdit } from '../../../src/core/model/design-edits';
import { rule as AZ15 } from '../../../src/core/rules/catalog/AZ-15';
import { edited, loadSample } from '../support/designs';
import { testRule } from '../support/rule-tester';

const seed = loadSample('seed');
const secondZone = (linkTo: string): DesignEdit => ({
  op: 'addElements',
  elements: [{ id: 'dns-sites-2', kind: 'privateDnsZone', name: 'privatelink.azurewebsites.net', resourceGroup: 'rg-other' }],
  relations: [{ id: 'dns-sites-2-link', kind: 'dnsZoneLink', from: 'dns-sites-2', to: linkTo }],
});
const registration = (...ids: string[]): DesignEdit[] => ids.map((id) => ({ op: 'updateRelation', id, set: { registrationEnabled: true } }));
const unlinkNeu: DesignEdit = { op: 'removeRelations', ids: ['dns-sites-neu'] };

testRule(AZ15, {
  valid: [
    { name: 'the seed', design: seed },
    { name: 'the minimal sample', design: loadSample('minimal') },
    { name: 'same-named zones linked to different VNets', design: edited(seed, unlinkNeu, secondZone('vnet-neu')) },
    { name: 'auto-registration on one zone per VNet', design: edited(seed, ...registration('dns-sites-weu', 'dns-vault-neu')) },
  ],
  invalid: [
    { name: 'two zones of the same name linked to one VNet', design: edited(seed, secondZone('vnet-weu')), expected: ['dns-sites-2-link'], messages: [/linked to two private DNS zones named "privatelink\.azurewebsites\.net"/] },
    { name: 'auto-registration on two zones of one VNet', design: edited(seed, ...registration('dns-sites-weu', 'dns-vault-weu')), expected: ['dns-vault-weu'], messages: [/auto-register in one zone only/] },
  ],
});
