// AZ-11: NAT gateway public IP count, idle timeout, and one VNet per NAT gateway.
import { rule as AZ11 } from '../../../src/core/rules/catalog/AZ-11';
import { edited, loadSample, removeRelations, set } from '../support/designs';
import { testRule } from '../support/rule-tester';

const seed = loadSample('seed');

testRule(AZ11, {
  valid: [
    { name: 'the seed', design: seed },
    { name: 'the minimal sample', design: loadSample('minimal') },
    { name: 'the limits themselves: 16 IPs, 120 minutes', design: edited(seed, set('nat-weu', { publicIpCount: 16, idleTimeoutMinutes: 120 })) },
    { name: 'unknown counts (not resolved from IaC)', design: edited(seed, set('nat-weu', { publicIpCount: undefined, idleTimeoutMinutes: undefined })) },
    { name: 'one NAT gateway for two subnets of the same VNet', design: edited(seed, { op: 'addRelation', relation: { id: 'nat-pe', kind: 'natAssociation', from: 'nat-weu', to: 'snet-pe-weu' } }) },
  ],
  invalid: [
    { name: 'no public IP', design: edited(seed, set('nat-weu', { publicIpCount: 0 })), expected: ['nat-weu'], messages: [/0 public IPs; it needs between 1 and 16/] },
    { name: '17 public IPs', design: edited(seed, set('nat-weu', { publicIpCount: 17 })), expected: ['nat-weu'] },
    { name: 'idle timeout 3 and 121', design: edited(seed, set('nat-weu', { idleTimeoutMinutes: 3 }), set('nat-neu', { idleTimeoutMinutes: 121 })), expected: ['nat-weu', 'nat-neu'], messages: [/idle timeout of (3|121) minutes; Azure accepts 4–120/] },
    {
      name: 'two NAT gateways on one subnet',
      design: edited(seed, { op: 'addElements', elements: [{ id: 'nat-2', kind: 'natGateway', name: 'ng-2', region: 'westeurope', publicIpCount: 1 }], relations: [{ id: 'nat-2-pp', kind: 'natAssociation', from: 'nat-2', to: 'snet-pp-weu' }] }),
      expected: ['snet-pp-weu'],
      messages: [/associated with 2 NAT gateways .* can use one NAT gateway/],
    },
    {
      name: 'one NAT gateway for subnets in two VNets',
      design: edited(seed, removeRelations('nat-neu-pp'), { op: 'addRelation', relation: { id: 'nat-weu-neu', kind: 'natAssociation', from: 'nat-weu', to: 'snet-pp-neu' } }),
      expected: ['nat-weu'],
      messages: [/serves subnets in 2 VNets .* cannot span more than one VNet/],
    },
  ],
});
