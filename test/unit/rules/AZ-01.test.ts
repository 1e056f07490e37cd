// AZ-01: private endpoints must fit the usable addresses of their subnet.
import type { DesignEdit } from '../../../src/core/model/design-edits';
import { rule as AZ01 } from '../../../src/core/rules/catalog/AZ-01';
import { edited, loadSample, set } from '../support/designs';
import { testRule } from '../support/rule-tester';

const seed = loadSample('seed');
const addEndpoints = (...ids: string[]): DesignEdit => ({
  op: 'addElements',
  elements: ids.map((id) => ({ id, kind: 'privateEndpoint', name: id, region: 'westeurope' })),
  relations: ids.map((id) => ({ id: `${id}-subnet`, kind: 'peSubnet', from: id, to: 'snet-pe-weu' })),
});

testRule(AZ01, {
  valid: [
    { name: 'the seed', design: seed },
    { name: 'the minimal sample', design: loadSample('minimal') },
    { name: 'a /29 (3 usable) with three private endpoints', design: edited(seed, set('snet-pe-weu', { addressPrefix: '10.10.2.0/29' }), addEndpoints('pe-3')) },
  ],
  invalid: [
    {
      name: 'a /29 (3 usable) with four private endpoints',
      design: edited(seed, set('snet-pe-weu', { addressPrefix: '10.10.2.0/29' }), addEndpoints('pe-3', 'pe-4')),
      expected: ['snet-pe-weu'],
      messages: [/3 usable addresses after the 5 Azure reserves, but hosts 4 private endpoints/],
    },
  ],
});
