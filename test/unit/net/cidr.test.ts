// Property tests of the strict CIDR parser against ip-address (the oracle) and of the block arithmetic
// against brute force: we accept exactly the canonical dotted-decimal network forms Azure accepts.
import fc from 'fast-check';
import { Address4 } from 'ip-address';
import { describe, expect, it } from 'vitest';
import { azureUsable, contains, findOverlaps, formatIpv4, overlaps, parseCidr, type Cidr } from '../../../src/core/net/cidr';

interface Block { start: number; end: number; prefix: number }

/** What a strict reading of `text` should give, decided by ip-address plus Azure's canonical-form rules. */
function oracle(text: string): Block | undefined {
  const slash = text.indexOf('/');
  if (slash < 0 || text.indexOf('/', slash + 1) >= 0) return undefined;
  if (!Address4.isValid(text)) return undefined;
  // ip-address tolerates "/08"; a canonical prefix length has no leading zero.
  if (!/^(0|[1-9]\d?)$/.test(text.slice(slash + 1))) return undefined;
  const a = new Address4(text);
  if (a.addressMinusSuffix !== a.correctForm()) return undefined;
  if (a.startAddress().correctForm() !== a.correctForm()) return undefined;
  return { start: Number(a.startAddress().bigInt()), end: Number(a.endAddress().bigInt()), prefix: a.subnetMask };
}

const u32 = fc.integer({ min: 0, max: 2 ** 32 - 1 });
const prefixLength = fc.integer({ min: 0, max: 32 });
const networkOf = (ip: number, prefix: number) => ip - (ip % 2 ** (32 - prefix));

/** Canonical blocks: always valid. */
const canonical = fc.tuple(u32, prefixLength).map(([ip, p]) => `${formatIpv4(networkOf(ip, p))}/${p}`);
/** Near-misses: odd octets (leading zeros, out of range, hex, empty), odd prefixes, odd separators, spaces. */
const octet = fc.oneof(fc.integer({ min: 0, max: 255 }).map(String), fc.constantFrom('0', '00', '010', '007', '01', '256', '999', '0x1', '', '1e1', '-1', '+1', '٣'));
const suffix = fc.oneof(prefixLength.map(String), fc.constantFrom('08', '032', '33', '64', '', '+8', '-1', ' 8', '8 ', '1.5', 'x'));
const nearMiss = fc.tuple(fc.array(octet, { minLength: 1, maxLength: 5 }), fc.constantFrom('/', '//', '\\', ''), suffix, fc.constantFrom('', ' ', '\t', '\n'), fc.constantFrom('', ' ', '\u00a0'))
  .map(([octets, sep, s, lead, trail]) => `${lead}${octets.join('.')}${sep}${s}${trail}`);
/** Host bits set: a canonical block whose address is moved inside the block. */
const hostBits = fc.tuple(u32, fc.integer({ min: 0, max: 31 })).map(([ip, p]) => `${formatIpv4(networkOf(ip, p) + 1)}/${p}`);
const junk = fc.oneof(fc.string({ maxLength: 24 }), fc.string({ unit: fc.constantFrom(...'0123456789./ '.split('')), maxLength: 22 }));

describe('parseCidr against ip-address', () => {
  const agrees = (text: string) => {
    const expected = oracle(text);
    const r = parseCidr(text);
    if (expected === undefined) {
      expect(r.ok, `accepted ${JSON.stringify(text)}`).toBe(false);
      if (!r.ok) expect(r.error.length).toBeGreaterThan(10);
    } else {
      expect(r.ok, `refused ${JSON.stringify(text)}: ${r.ok ? '' : r.error}`).toBe(true);
      if (r.ok) {
        expect({ start: r.cidr.start, end: r.cidr.end, prefix: r.cidr.prefix }).toEqual(expected);
        expect(r.cidr.size).toBe(expected.end - expected.start + 1);
      }
    }
  };

  it('accepts every canonical block with the oracle\'s range', () => fc.assert(fc.property(canonical, agrees), { numRuns: 2000 }));
  it('agrees on near-misses (leading zeros, short forms, /33, spaces, bad separators)', () => fc.assert(fc.property(nearMiss, agrees), { numRuns: 5000 }));
  it('refuses host bits, as Azure does', () => fc.assert(fc.property(hostBits, (t) => { agrees(t); expect(parseCidr(t).ok).toBe(false); }), { numRuns: 1000 }));
  it('agrees on arbitrary junk', () => fc.assert(fc.property(junk, agrees), { numRuns: 3000 }));

  it.each([
    ['10.0.0.0/8', true], ['0.0.0.0/0', true], ['255.255.255.255/32', true],
    ['010.0.0.0/8', false], ['10.0.0.0/08', false], ['10.0/16', false], ['10.0.0.0/33', false], ['10.0.0.1/8', false],
    [' 10.0.0.0/8', false], ['10.0.0.0/8 ', false], ['10.0.0.0', false], ['10.0.0.0/', false], ['0x0a.0.0.0/8', false],
  ])('%j → %s (and the oracle agrees)', (text, ok) => {
    expect(parseCidr(text).ok).toBe(ok);
    expect(oracle(text) !== undefined).toBe(ok);
  });

  it('names the problem in its errors', () => {
    const error = (t: string) => { const r = parseCidr(t); return r.ok ? '' : r.error; };
    expect(error('10.0.0.1/24')).toMatch(/host bits set; the network address is 10\.0\.0\.0\/24/);
    expect(error('10.0.0.0/33')).toMatch(/larger than \/32/);
    expect(error('010.0.0.0/8')).toMatch(/no leading zeros/);
    expect(error('10.0.0.0/08')).toMatch(/leading zero/);
    expect(error(' 10.0.0.0/8')).toMatch(/leading or trailing spaces/);
  });

  it('counts Azure-usable addresses as size − 5, never below 0', () => {
    const usable = (t: string) => azureUsable((parseCidr(t) as { ok: true; cidr: Cidr }).cidr);
    expect([usable('10.0.0.0/24'), usable('10.0.0.0/29'), usable('10.0.0.0/30'), usable('10.0.0.0/32')]).toEqual([251, 3, 0, 0]);
  });
});

// Small blocks inside 10.0.0.0/22 so that overlaps are common and addresses can be enumerated.
const smallBlock = fc.tuple(fc.integer({ min: 0, max: 1023 }), fc.integer({ min: 22, max: 32 })).map(([offset, p]) => {
  const r = parseCidr(`${formatIpv4(networkOf(0x0a000000 + offset, p))}/${p}`);
  if (!r.ok) throw new Error(r.error);
  return r.cidr;
});
const addresses = (c: Cidr) => Array.from({ length: c.size }, (_, i) => c.start + i);

describe('block arithmetic against brute force', () => {
  it('overlaps ⇔ the blocks share an address', () => fc.assert(fc.property(smallBlock, smallBlock, (a, b) => {
    const inA = new Set(addresses(a));
    expect(overlaps(a, b)).toBe(addresses(b).some((x) => inA.has(x)));
    expect(overlaps(a, b)).toBe(overlaps(b, a));
  }), { numRuns: 500 }));

  it('contains ⇔ every address of the inner block is in the outer', () => fc.assert(fc.property(smallBlock, smallBlock, (outer, inner) => {
    const inOuter = new Set(addresses(outer));
    expect(contains(outer, inner)).toBe(addresses(inner).every((x) => inOuter.has(x)));
  }), { numRuns: 500 }));

  it('findOverlaps finds exactly the overlapping pairs that an all-pairs scan finds', () => fc.assert(fc.property(fc.array(smallBlock, { maxLength: 40 }), (blocks) => {
    const key = (i: number, j: number) => (i < j ? `${i}-${j}` : `${j}-${i}`);
    const expected = new Set<string>();
    for (let i = 0; i < blocks.length; i++) for (let j = i + 1; j < blocks.length; j++) if (overlaps(blocks[i]!, blocks[j]!)) expected.add(key(i, j));
    const found = findOverlaps(blocks.map((cidr, i) => ({ cidr, tag: i }))).map(([i, j]) => key(i, j));
    expect(found.length).toBe(new Set(found).size);
    expect(new Set(found)).toEqual(expected);
  }), { numRuns: 500 }));

  it('findOverlaps stops at its limit', () => {
    const same = Array.from({ length: 10 }, (_, i) => ({ cidr: (parseCidr('10.0.0.0/24') as { ok: true; cidr: Cidr }).cidr, tag: i }));
    expect(findOverlaps(same)).toHaveLength(45);
    expect(findOverlaps(same, 7)).toHaveLength(7);
  });
});
