import { rule } from '../../../src/core/rules/catalog/PPV-022';
import { edited, removeRelations } from '../support/designs';
import { testRule } from '../support/rule-tester';
import { add, minimal, seed } from './ppv-fixtures';

const routeTable = (id: string, to: string) => add([{ id, kind: 'routeTable', name: id, routes: [] }], [{ id: `${id}-assoc`, kind: 'routeTableAssociation', from: id, to }]);

testRule(rule, {
  valid: [
    { name: 'the seed: NAT and NSG on both', design: seed },
    { name: 'the minimal sample: one subnet', design: minimal },
    { name: 'route tables on both', design: edited(seed, routeTable('rt-weu', 'snet-pp-weu'), routeTable('rt-neu', 'snet-pp-neu')) },
  ],
  invalid: [
    { name: 'NSG on the primary only', design: edited(seed, removeRelations('nsg-neu-pp')), expected: ['snet-pp-neu'], messages: [/no network security group/] },
    { name: 'route table on the primary only', design: edited(seed, routeTable('rt-weu', 'snet-pp-weu')), expected: ['snet-pp-neu'], messages: [/no route table/] },
    { name: 'NAT on the failover only', design: edited(seed, removeRelations('nat-weu-pp')), expected: ['snet-pp-weu'], messages: [/no NAT gateway/] },
  ],
});
