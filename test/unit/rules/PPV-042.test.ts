import { rule } from '../../../src/core/rules/catalog/PPV-042';
import { edited } from '../support/designs';
import { testRule } from '../support/rule-tester';
import { dataGateway, seed } from './ppv-fixtures';

testRule(rule, {
  valid: [
    { name: 'an IPv4 subnet outside 10.0.1.x', design: edited(seed, dataGateway()) },
    { name: 'next to 10.0.1.x, not in it', design: edited(seed, dataGateway({ addressPrefix: '10.0.2.0/27' })) },
  ],
  invalid: [
    { name: 'inside 10.0.1.x', design: edited(seed, dataGateway({ addressPrefix: '10.0.1.32/27' })), expected: ['snet-dgw'], messages: [/overlaps 10\.0\.1\.x/] },
    { name: 'a block that contains 10.0.1.x', design: edited(seed, dataGateway({ addressPrefix: '10.0.0.0/23' })), expected: ['snet-dgw'] },
    { name: 'an IPv6 prefix', design: edited(seed, dataGateway({ addressPrefix: 'fd00:db8:deca:1::/64' })), expected: ['snet-dgw'], messages: [/IPv4 only/] },
  ],
});
