import { describe, expect, it } from 'vitest';
import { rule } from '../../../src/core/rules/catalog/PPV-039';
import { edited, set } from '../support/designs';
import { runRule, testRule } from '../support/rule-tester';
import { seed } from './ppv-fixtures';

const plan = (production: number, nonProduction = 0) => set('policy-prod', { plannedEnvironments: { production, nonProduction } });
const small = edited(seed, set('snet-pp-weu', { addressPrefix: '10.10.1.0/26' }), set('snet-pp-neu', { addressPrefix: '10.20.1.0/26' }));

testRule(rule, {
  valid: [
    { name: 'no growth stated', design: small },
    { name: 'the seed /24s hold 1 linked + 3 planned production (120 of 251)', design: edited(seed, plan(3)) },
    { name: 'too small for what is linked today is PPV-012’s finding', design: edited(seed, set('snet-pp-weu', { addressPrefix: '10.10.1.0/27' }), set('snet-pp-neu', { addressPrefix: '10.20.1.0/27' }), plan(3)) },
  ],
  invalid: [
    {
      name: '/26 subnets, 1 production linked and 3 planned (120 > 59)',
      design: edited(small, plan(3)),
      expected: ['snet-pp-weu', 'snet-pp-neu'],
      messages: [/59 usable IPs.*plans for 120.*a \/25 holds them/],
      fixResolves: true,
    },
  ],
});

describe('PPV-039 fix', () => {
  it('resizes both paired subnets together, in place, to the smallest prefix that fits', () => {
    const [f] = runRule(rule, edited(small, plan(3)));
    expect(f?.fixes?.[0]?.title).toBe('Resize both delegated subnets to /25 (10.10.1.0/25, 10.20.1.0/25)');
    expect(f?.fixes?.[0]?.edit).toEqual({
      op: 'batch',
      edits: [
        { op: 'updateElement', id: 'snet-pp-weu', set: { addressPrefix: '10.10.1.0/25' } },
        { op: 'updateElement', id: 'snet-pp-neu', set: { addressPrefix: '10.20.1.0/25' } },
      ],
    });
  });
  it('moves a subnet whose grown block would overlap a sibling to the lowest free block', () => {
    const design = edited(seed, set('snet-pp-weu', { addressPrefix: '10.10.2.0/26' }), set('snet-pe-weu', { addressPrefix: '10.10.2.64/26' }), set('snet-pp-neu', { addressPrefix: '10.20.1.0/26' }), plan(3));
    const [f] = runRule(rule, design);
    expect(f?.fixes?.[0]?.title).toBe('Resize both delegated subnets to /25 (10.10.0.0/25, 10.20.1.0/25)');
  });
});
