import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contains, overlaps, tryCidr } from '../../../src/core/net/cidr';
import { allocateBlock, freeBlocks, placeBlock, rangeToBlocks } from '../../../src/core/plan/allocate';

const c = (text: string) => tryCidr(text)!;
const texts = (blocks: readonly { text: string }[]) => blocks.map((b) => b.text);

describe('freeBlocks', () => {
  it('lists the free space of a pool as aligned blocks around what is taken', () => {
    expect(texts(freeBlocks(c('10.0.0.0/16'), [c('10.0.0.0/18'), c('10.0.128.0/24')]))).toEqual([
      '10.0.64.0/18', '10.0.129.0/24', '10.0.130.0/23', '10.0.132.0/22', '10.0.136.0/21', '10.0.144.0/20', '10.0.160.0/19', '10.0.192.0/18',
    ]);
  });
  it('merges overlapping and adjacent taken blocks and ignores those outside', () => {
    expect(texts(freeBlocks(c('10.0.0.0/24'), [c('10.0.0.0/25'), c('10.0.0.64/26'), c('10.0.0.128/26'), c('192.168.0.0/16')]))).toEqual(['10.0.0.192/26']);
  });
  it('splits an unaligned range into the fewest blocks', () => {
    expect(texts(rangeToBlocks(c('10.0.0.1/32').start, c('10.0.0.6/32').start))).toEqual(['10.0.0.1/32', '10.0.0.2/31', '10.0.0.4/31', '10.0.0.6/32']);
  });
});

describe('allocateBlock', () => {
  it('takes the smallest free block that fits (best fit), keeping large blocks whole', () => {
    // Free: 10.0.1.0/24 (a hole) and 10.0.4.0/22 onwards; a /24 request fills the hole.
    const r = allocateBlock([c('10.0.0.0/20')], [c('10.0.0.0/24'), c('10.0.2.0/23')], 24);
    expect(r).toMatchObject({ ok: true, cidr: { text: '10.0.1.0/24' } });
  });
  it('says the pool is exhausted when no block of the size is free', () => {
    const r = allocateBlock([c('10.0.0.0/23')], [c('10.0.0.0/24'), c('10.0.1.0/25')], 24);
    expect(r).toEqual({ ok: false, reason: 'Pool exhausted: 10.0.0.0/23 has no free /24 block left.' });
  });
  it('never overlaps anything taken and stays in the pool (property)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 255 }), { maxLength: 40 }), fc.integer({ min: 20, max: 28 }), (slots, prefix) => {
        const taken = slots.map((n) => c(`10.9.${n}.0/24`));
        const r = allocateBlock([c('10.9.0.0/16')], taken, prefix);
        if (!r.ok) {
          expect(r.reason).toMatch(/^Pool exhausted/);
          return;
        }
        expect(r.cidr.prefix).toBe(prefix);
        expect(contains(c('10.9.0.0/16'), r.cidr)).toBe(true);
        for (const t of taken) expect(overlaps(t, r.cidr)).toBe(false);
      }),
      { numRuns: 200 },
    );
  });
});

describe('placeBlock', () => {
  it('keeps the block that contains the preferred address when it is free', () => {
    expect(placeBlock([c('10.0.0.0/16')], [c('10.0.2.0/24')], 23, c('10.0.1.0/24').start)?.text).toBe('10.0.0.0/23');
  });
  it('else takes the lowest free block', () => {
    expect(placeBlock([c('10.0.0.0/16')], [c('10.0.0.0/24'), c('10.0.2.0/24')], 23, c('10.0.1.0/24').start)?.text).toBe('10.0.4.0/23');
  });
  it('returns undefined when nothing fits', () => {
    expect(placeBlock([c('10.0.0.0/24')], [c('10.0.0.0/25')], 24)).toBeUndefined();
  });
});
