// Property tests of the strict IPv6 CIDR parser against ip-address (the oracle), plus the forms Azure's
// prefixes refuse that ip-address takes (zone ids, dotted IPv4 tails, padded prefix lengths) (#12 case 12).
import fc from 'fast-check';
import { Address6 } from 'ip-address';
import { describe, expect, it } from 'vitest';
import { parseAddressPrefix } from '../../../src/core/net/address-prefix';
import { contains, findOverlaps, overlaps } from '../../../src/core/net/cidr';
import { formatIpv6, parseIpv6Cidr, type Ipv6Cidr } from '../../../src/core/net/ipv6';

interface Block { start: bigint; end: bigint; prefix: number }

/** What a strict reading of `text` should give: ip-address's verdict, narrowed by Azure's forms. */
function oracle(text: string): Block | undefined {
  const slash = text.indexOf('/');
  if (slash < 0 || text.indexOf('/', slash + 1) >= 0) return undefined;
  if (text.includes('%') || text.includes('.') || text.trim() !== text) return undefined;
  if (!/^(0|[1-9]\d{0,2})$/.test(text.slice(slash + 1))) return undefined;
  let a: Address6;
  try {
    if (!Address6.isValid(text)) return undefined;
    a = new Address6(text);
  } catch {
    return undefined;
  }
  if (a.bigInt() !== a.startAddress().bigInt()) return undefined;
  return { start: a.startAddress().bigInt(), end: a.endAddress().bigInt(), prefix: a.subnetMask };
}

const u128 = fc.bigInt({ min: 0n, max: (1n << 128n) - 1n });
const prefixLength = fc.integer({ min: 0, max: 128 });
const networkOf = (ip: bigint, p: number) => ip - (ip % (1n << BigInt(128 - p)));
const canonical = fc.tuple(u128, prefixLength).map(([ip, p]) => `${formatIpv6(networkOf(ip, p))}/${p}`);
/** Uncompressed, upper-case, zero-padded spellings of valid blocks: still valid. */
const spelled = fc.tuple(u128, prefixLength, fc.boolean()).map(([ip, p, upper]) => {
  const hex = networkOf(ip, p).toString(16).padStart(32, '0').match(/.{4}/g)!.join(':');
  return `${upper ? hex.toUpperCase() : hex}/${p}`;
});
const group = fc.oneof(fc.integer({ min: 0, max: 0xffff }).map((n) => n.toString(16)), fc.constantFrom('', '0', '00000', '12345', 'g', 'ffff', 'FFFF', '-1', ' 1', '1.2.3.4', '1%eth0', '٣'));
const suffix = fc.oneof(prefixLength.map(String), fc.constantFrom('064', '129', '00', '', '+8', ' 8', 'x'));
const nearMiss = fc.tuple(fc.array(group, { minLength: 0, maxLength: 10 }), fc.array(fc.constantFrom(':', '::', ':::'), { minLength: 0, maxLength: 10 }), fc.constantFrom('/', '//', ''), suffix)
  .map(([gs, seps, slash, s]) => `${gs.map((g, i) => `${g}${seps[i] ?? ':'}`).join('')}${slash}${s}`);
const hostBits = fc.tuple(u128, fc.integer({ min: 0, max: 127 })).map(([ip, p]) => `${formatIpv6(networkOf(ip, p) + 1n)}/${p}`);
const junk = fc.string({ unit: fc.constantFrom(...'0123456789abcdefABCDEF:/.% '.split('')), maxLength: 30 });

describe('parseIpv6Cidr against ip-address', () => {
  const agrees = (text: string) => {
    const expected = oracle(text);
    const r = parseIpv6Cidr(text);
    if (expected === undefined) {
      expect(r.ok, `accepted ${JSON.stringify(text)}`).toBe(false);
      if (!r.ok) expect(r.error.length).toBeGreaterThan(10);
    } else {
      expect(r.ok, `refused ${JSON.stringify(text)}: ${r.ok ? '' : r.error}`).toBe(true);
      if (r.ok) {
        expect({ start: r.cidr.start, end: r.cidr.end, prefix: r.cidr.prefix }).toEqual(expected);
        expect(r.cidr.size).toBe(expected.end - expected.start + 1n);
      }
    }
  };

  it('accepts every canonical block with the oracle\'s range', () => fc.assert(fc.property(canonical, agrees), { numRuns: 2000 }));
  it('accepts uncompressed and upper-case spellings', () => fc.assert(fc.property(spelled, agrees), { numRuns: 1000 }));
  it('agrees on near-misses (empty and long groups, several ::, odd prefixes)', () => fc.assert(fc.property(nearMiss, agrees), { numRuns: 5000 }));
  it('refuses host bits, as for IPv4', () => fc.assert(fc.property(hostBits, (t) => { agrees(t); expect(parseIpv6Cidr(t).ok).toBe(false); }), { numRuns: 1000 }));
  it('agrees on arbitrary junk', () => fc.assert(fc.property(junk, agrees), { numRuns: 3000 }));

  it('formats as RFC 5952 does (ip-address\'s correct form)', () => {
    fc.assert(fc.property(u128, (n) => {
      const hex = n.toString(16).padStart(32, '0').match(/.{4}/g)!.join(':');
      expect(formatIpv6(n)).toBe(new Address6(hex).correctForm());
    }), { numRuns: 2000 });
    expect([formatIpv6(0n), formatIpv6(1n), formatIpv6(0x10002000300040005000600070000n)]).toEqual(['::', '::1', '1:2:3:4:5:6:7:0']);
  });

  it.each([
    ['fd00:db8:deca::/48', true], ['ace:cab:deca::/48', true], ['::/0', true], ['fd00:db8:deca:1::/64', true], ['1:2:3:4:5:6:7::/128', true],
    ['fd00:db8:deca::1/48', false], ['fe80::%eth0/64', false], ['::ffff:10.0.0.0/104', false], ['1::2::/64', false], [':::/0', false],
    ['1:2:3:4:5:6:7:8::/128', false], ['fd00::/129', false], ['fd00::/064', false], ['12345::/16', false], ['fd00::', false], [' fd00::/8', false],
  ])('%j → %s', (text, ok) => {
    expect(parseIpv6Cidr(text).ok).toBe(ok);
  });

  it('names the problem in its errors', () => {
    const error = (t: string) => { const r = parseIpv6Cidr(t); return r.ok ? '' : r.error; };
    expect(error('fd00:db8:deca::1/48')).toMatch(/host bits set; the network address is fd00:db8:deca::\/48/);
    expect(error('fe80::%eth0/64')).toMatch(/zone id/);
    expect(error('::ffff:10.0.0.0/104')).toMatch(/dotted IPv4/);
    expect(error('1::2::/64')).toMatch(/'::' more than once/);
    expect(error('fd00::/129')).toMatch(/larger than \/128/);
    expect(error('fd00::/064')).toMatch(/leading zero/);
    expect(error('12345::/16')).toMatch(/'12345' .* 1–4 hex digits/);
    expect(error('1:2:3/48')).toMatch(/3 groups/);
  });
});

describe('address prefixes of either family', () => {
  const v6 = (t: string) => (parseIpv6Cidr(t) as { ok: true; cidr: Ipv6Cidr }).cidr;

  it('reads IPv4 and IPv6 with their own strict parsers', () => {
    expect(parseAddressPrefix('10.0.0.0/16')).toMatchObject({ ok: true, family: 4 });
    expect(parseAddressPrefix('fd00:db8:deca::/48')).toMatchObject({ ok: true, family: 6 });
    expect(parseAddressPrefix('10.0.0.1/16')).toMatchObject({ ok: false, error: expect.stringMatching(/host bits/) });
    expect(parseAddressPrefix('fd00::1/48')).toMatchObject({ ok: false, error: expect.stringMatching(/host bits/) });
  });

  it('does the block arithmetic on bigints', () => {
    expect(contains(v6('fd00:db8:deca::/48'), v6('fd00:db8:deca:1::/64'))).toBe(true);
    expect(contains(v6('fd00:db8:deca::/48'), v6('fd00:db8:decb::/64'))).toBe(false);
    expect(overlaps(v6('fd00::/8'), v6('fd00:db8::/32'))).toBe(true);
    expect(overlaps(v6('fd00:db8:deca::/48'), v6('ace:cab:deca::/48'))).toBe(false);
    const items = ['fd00:db8:deca::/48', 'ace:cab:deca::/48', 'fd00:db8:deca:8000::/49', '::/0'].map((t) => ({ cidr: v6(t), tag: t }));
    expect(findOverlaps(items).map((p) => p.sort().join(' ')).sort()).toEqual([
      '::/0 ace:cab:deca::/48', '::/0 fd00:db8:deca:8000::/49', '::/0 fd00:db8:deca::/48', 'fd00:db8:deca:8000::/49 fd00:db8:deca::/48',
    ]);
  });
});
