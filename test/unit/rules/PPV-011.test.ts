import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contains, overlaps, tryCidr } from '../../../src/core/net/cidr';
import { rule } from '../../../src/core/rules/catalog/PPV-011';
import { edited, set } from '../support/designs';
import { runRule, testRule } from '../support/rule-tester';
import { add, seed } from './ppv-fixtures';

testRule(rule, {
  valid: [
    { name: 'the seed: two /24', design: seed },
    { name: 'one prefix unknown', design: edited(seed, set('snet-pp-neu', { addressPrefix: undefined })) },
  ],
  invalid: [
    { name: 'failover subnet smaller', design: edited(seed, set('snet-pp-neu', { addressPrefix: '10.20.1.0/25' })), expected: ['snet-pp-neu'], messages: [/123 usable IPs.*251 usable IPs/], fixResolves: true },
    {
      name: 'primary smaller, its aligned block taken by a sibling',
      design: edited(seed, set('snet-pp-weu', { addressPrefix: '10.10.1.0/25' }), set('snet-pe-weu', { addressPrefix: '10.10.1.128/25' })),
      expected: ['snet-pp-weu'],
      fixResolves: true,
    },
  ],
});

describe('PPV-011 resize fix', () => {
  it('grows in place when the aligned block is free', () => {
    const [f] = runRule(rule, edited(seed, set('snet-pp-neu', { addressPrefix: '10.20.1.0/25' })));
    expect(f?.fixes?.[0]?.title).toBe('Resize to 10.20.1.0/24');
  });
  it('moves to the first free block when the aligned one overlaps a sibling', () => {
    const [f] = runRule(rule, edited(seed, set('snet-pp-weu', { addressPrefix: '10.10.1.0/25' }), set('snet-pe-weu', { addressPrefix: '10.10.1.128/25' })));
    expect(f?.fixes?.[0]?.title).toBe('Resize to 10.10.0.0/24');
  });
  it('moves past the siblings when the start of the space is taken too', () => {
    const design = edited(
      seed,
      set('snet-pp-weu', { addressPrefix: '10.10.1.0/25' }),
      set('snet-pe-weu', { addressPrefix: '10.10.1.128/25' }),
      add([{ id: 'snet-apps', kind: 'subnet', name: 'snet-apps', addressPrefix: '10.10.0.0/24', parent: 'vnet-weu' }]),
    );
    const [f] = runRule(rule, design);
    expect(f?.fixes?.[0]?.title).toBe('Resize to 10.10.2.0/24');
  });
  it('offers no fix when the VNet address space is unknown', () => {
    const [f] = runRule(rule, edited(seed, set('snet-pp-neu', { addressPrefix: '10.20.1.0/25' }), set('vnet-neu', { addressSpaces: undefined })));
    expect(f).toBeDefined();
    expect(f?.fixes).toBeUndefined();
  });
  it('compares and resizes the IPv4 prefixes of a dual-stack VNet, past its IPv6 space and subnet (#12 case 12)', () => {
    const design = edited(
      seed,
      set('snet-pp-neu', { addressPrefix: '10.20.1.0/25' }),
      set('vnet-neu', { addressSpaces: ['10.20.0.0/16', 'fd00:db8:decb::/48'] }),
      add([{ id: 'snet-v6', kind: 'subnet', name: 'snet-v6', addressPrefix: 'fd00:db8:decb:1::/64', parent: 'vnet-neu' }]),
    );
    const [f] = runRule(rule, design);
    expect(f?.fixes?.[0]?.title).toBe('Resize to 10.20.1.0/24');
  });
  it('offers no fix when the VNet is full', () => {
    const [f] = runRule(rule, edited(seed, set('snet-pp-neu', { addressPrefix: '10.20.1.0/25' }), set('vnet-neu', { addressSpaces: ['10.20.1.0/25'] })));
    expect(f?.fixes).toBeUndefined();
  });
});

describe('PPV-011 resize fix, property', () => {
  it('never proposes a block outside the VNet or overlapping a sibling', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 20, max: 26 }),
        fc.uniqueArray(fc.integer({ min: 0, max: 255 }), { maxLength: 12 }),
        fc.integer({ min: 0, max: 255 }),
        (target, siblingSlots, smallSlot) => {
          // vnet-neu is 10.20.0.0/16; siblings and the small subnet are /27 slots in its first /19.
          const slot = (n: number) => `10.20.${Math.floor(n / 8)}.${(n % 8) * 32}/27`;
          const slots = siblingSlots.filter((n) => n !== smallSlot);
          const design = edited(
            seed,
            set('snet-pp-weu', { addressPrefix: `10.10.0.0/${target}` }),
            set('snet-pe-weu', { addressPrefix: undefined }),
            set('snet-pp-neu', { addressPrefix: slot(smallSlot) }),
            ...(slots.length > 0 ? [add(slots.map((n) => ({ id: `s${n}`, kind: 'subnet' as const, name: `s${n}`, addressPrefix: slot(n), parent: 'vnet-neu' })))] : []),
          );
          const fix = runRule(rule, design).find((f) => f.elementId === 'snet-pp-neu')?.fixes?.[0];
          if (!fix || fix.edit.op !== 'updateElement') return;
          const chosen = tryCidr(fix.edit.set.addressPrefix as string)!;
          expect(chosen.prefix).toBe(target);
          expect(contains(tryCidr('10.20.0.0/16')!, chosen)).toBe(true);
          for (const n of slots) expect(overlaps(tryCidr(slot(n))!, chosen)).toBe(false);
        },
      ),
      { numRuns: 200 },
    );
  });
});
