// AZ-14: a private endpoint is in its VNet's region and registers in one zone per name.
import { rule as AZ14 } from '../../../src/core/rules/catalog/AZ-14';
import { edited, loadSample, set } from '../support/designs';
import { testRule } from '../support/rule-tester';

const seed = loadSample('seed');

testRule(AZ14, {
  valid: [
    { name: 'the seed', design: seed },
    { name: 'the minimal sample', design: loadSample('minimal') },
    { name: 'a region written differently', design: edited(seed, set('pe-api', { region: 'WestEurope' })) },
    { name: 'a target service in another region', design: edited(seed, set('app-api', { region: 'northeurope' })) },
    { name: 'an unknown region', design: edited(seed, set('pe-api', { region: undefined })) },
  ],
  invalid: [
    { name: 'a private endpoint in another region than its VNet', design: edited(seed, set('pe-api', { region: 'northeurope' })), expected: ['pe-api'], messages: [/is in northeurope, but its subnet .* in westeurope/] },
    {
      name: 'two zones of the same name in one zone group',
      design: edited(seed, {
        op: 'addElements',
        elements: [{ id: 'dns-sites-2', kind: 'privateDnsZone', name: 'PrivateLink.AzureWebsites.net.' }],
        relations: [{ id: 'pe-api-dns-2', kind: 'peDnsZone', from: 'pe-api', to: 'dns-sites-2' }],
      }),
      expected: ['pe-api'],
      messages: [/registers in two DNS zones named/],
    },
  ],
});
