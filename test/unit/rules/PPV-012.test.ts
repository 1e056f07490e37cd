import { describe, expect, it } from 'vitest';
import { rule } from '../../../src/core/rules/catalog/PPV-012';
import { edited, set } from '../support/designs';
import { runRule, testRule } from '../support/rule-tester';
import { linkedEnvironment, minimal, seed } from './ppv-fixtures';

const sandboxes = (n: number) => Array.from({ length: n }, (_, i) => linkedEnvironment(`env-sbx-${i}`, { geography: 'brazil', environmentType: 'Sandbox' }, 'policy'));
const smallSeed = edited(seed, set('snet-pp-weu', { addressPrefix: '10.10.1.0/27' }), set('snet-pp-neu', { addressPrefix: '10.20.1.0/27' }));

testRule(rule, {
  valid: [
    { name: 'the seed: one production environment in a /24', design: seed },
    { name: 'the minimal sample: one sandbox in a /26', design: minimal },
    { name: 'five sandboxes in a /26 (50 of 59)', design: edited(minimal, ...sandboxes(4)) },
    { name: 'type unknown counts as non-production in a /27', design: edited(smallSeed, set('env-prod', { environmentType: undefined })) },
  ],
  invalid: [
    { name: 'production environment in /27 subnets', design: smallSeed, expected: ['snet-pp-weu', 'snet-pp-neu'], messages: [/27 usable IPs.*need about 30/] },
    { name: 'six sandboxes in a /26 (60 of 59)', design: edited(minimal, ...sandboxes(5)), expected: ['snet-pp'], messages: [/need about 60.*\/24 or larger/] },
    {
      name: 'a Default environment counts as production',
      design: edited(minimal, set('env-sandbox', { environmentType: 'Default' }), ...sandboxes(3)),
      expected: ['snet-pp'],
      messages: [/1 production × 30 \+ 3 other × 10/],
    },
  ],
});

describe('PPV-012 fix', () => {
  it('resizes both paired subnets together to the smallest prefix that holds the linked environments', () => {
    const findings = runRule(rule, smallSeed);
    expect(findings.map((f) => f.fixes?.[0]?.title)).toEqual([
      'Resize both delegated subnets to /26 (10.10.1.0/26, 10.20.1.0/26)',
      'Resize both delegated subnets to /26 (10.10.1.0/26, 10.20.1.0/26)',
    ]);
    expect(runRule(rule, edited(smallSeed, findings[0]!.fixes![0]!.edit))).toEqual([]);
  });
});
