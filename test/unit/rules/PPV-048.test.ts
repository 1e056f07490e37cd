import { rule } from '../../../src/core/rules/catalog/PPV-048';
import type { ElementOf } from '../../../src/core/model/schema';
import { edited, loadSample, set } from '../support/designs';
import { testRule } from '../support/rule-tester';
import { seed } from './ppv-fixtures';

const hub = loadSample('hub-firewall');
const groupsOf = (id: string) => structuredClone((hub.elements.find((e) => e.id === id) as ElementOf<'firewall'>).ruleCollectionGroups!);
const withoutDeny = (id: string) => {
  const g = groupsOf(id);
  g[0]!.ruleCollections.splice(1, 1);
  return g;
};
const allowFabrikam = (id: string) => {
  const g = withoutDeny(id);
  const allow = g[0]!.ruleCollections.find((c) => c.ruleType === 'application' && c.action === 'Allow')!;
  if (allow.ruleType === 'application') allow.rules.push({ name: 'allow-fabrikam', sourceAddresses: ['*'], protocols: [{ protocolType: 'Https', port: 443 }], targetFqdns: ['api.fabrikam.com'] });
  return g;
};

testRule(rule, {
  valid: [
    { name: 'the seed has no forced tunnel', design: seed },
    { name: 'both firewalls allow the Fabrikam API', design: edited(hub, set('afw-weu', { ruleCollectionGroups: allowFabrikam('afw-weu') }), set('afw-neu', { ruleCollectionGroups: allowFabrikam('afw-neu') })) },
    { name: 'an NVA is unknown, not reported', design: edited(hub, set('afw-weu', { appliance: 'nva' }), set('afw-neu', { appliance: 'nva' })) },
  ],
  invalid: [
    { name: 'the sample: the deny rule refuses the Fabrikam API on both sides', design: hub, expected: ['afw-neu', 'afw-weu'], messages: [/Fabrikam rates API.*calls api\.fabrikam\.com.*by application rule 'rcg-powerplatform\/app-deny-untrusted\/deny-fabrikam'/] },
    {
      name: 'with the deny rule gone the default deny still refuses it',
      design: edited(hub, set('afw-weu', { ruleCollectionGroups: withoutDeny('afw-weu') }), set('afw-neu', { ruleCollectionGroups: allowFabrikam('afw-neu') })),
      expected: ['afw-weu'],
      messages: [/no rule allows TCP 443 to api\.fabrikam\.com/],
    },
  ],
});
