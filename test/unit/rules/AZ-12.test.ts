// AZ-12: NSG priorities in 100–4096, unique per direction; unique rule names; safe renumbering fix.
import type { NsgRule } from '../../../src/core/model/schema';
import { rule as AZ12 } from '../../../src/core/rules/catalog/AZ-12';
import { edited, loadSample, set } from '../support/designs';
import { runRule, testRule } from '../support/rule-tester';
import { expect, it } from 'vitest';

const seed = loadSample('seed');
const seedRules = seed.elements.find((e) => e.id === 'nsg-weu' && e.kind === 'nsg') as { rules: NsgRule[] };
/** The seed's NSG with rule i changed. */
const withRule = (i: number, change: Partial<NsgRule>) => edited(seed, set('nsg-weu', { rules: seedRules.rules.map((r, j) => (j === i ? { ...r, ...change } : r)) }));

testRule(AZ12, {
  valid: [
    { name: 'the seed', design: seed },
    { name: 'the minimal sample', design: loadSample('minimal') },
    { name: 'the same priority in different directions', design: withRule(1, { priority: 100, direction: 'Inbound', name: 'AllowDnsUdpInbound' }) },
    { name: 'the bounds 100 and 4096', design: withRule(2, { priority: 4096 }) },
  ],
  invalid: [
    { name: 'priority 99', design: withRule(0, { priority: 99 }), expected: ['nsg-weu'], messages: [/priority 99; custom rules use 100–4096/] },
    { name: 'priority 4097', design: withRule(2, { priority: 4097 }), expected: ['nsg-weu'] },
    { name: 'a duplicate outbound priority (fixable: 101 is free)', design: withRule(1, { priority: 100 }), expected: ['nsg-weu'], messages: [/both have outbound priority 100/], fixResolves: true },
    { name: 'a duplicate name', design: withRule(1, { name: 'AllowDnsTcpOutbound' }), expected: ['nsg-weu'], messages: [/two rules named "AllowDnsTcpOutbound"/] },
  ],
});

it('AZ-12 offers no renumbering when the next priority is taken', () => {
  const design = edited(seed, set('nsg-weu', { rules: [...seedRules.rules, { ...seedRules.rules[0]!, name: 'Extra', priority: 101 }, { ...seedRules.rules[0]!, name: 'Dup', priority: 100 }] }));
  const findings = runRule(AZ12, design);
  expect(findings).toHaveLength(1);
  expect(findings[0]!.fixes).toBeUndefined();
});
