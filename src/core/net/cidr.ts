// Strict IPv4/CIDR arithmetic in Azure's accepted forms only (dotted decimal, no octal or short forms, /0–/32).
// Addresses are plain numbers: 32-bit values are exact in a double, so no bigint is needed.

export interface Cidr {
  /** First address of the block, as an unsigned 32-bit number. */
  readonly start: number;
  /** Last address of the block. */
  readonly end: number;
  /** Prefix length, 0–32. */
  readonly prefix: number;
  /** Number of addresses, 2^(32-prefix). */
  readonly size: number;
  /** The text as written by the user (trimmed). */
  readonly text: string;
}

export type CidrResult = { readonly ok: true; readonly cidr: Cidr } | { readonly ok: false; readonly error: string };

// Rules and the verifier parse the same few thousand prefixes of a design many times per validation: each
// text is parsed once (results are frozen and shared). Bounded, so a long editing session cannot grow it.
const CACHE_LIMIT = 50_000;
const cidrCache = new Map<string, CidrResult>();
const ipv4Cache = new Map<string, number | undefined>();

const OCTET = '(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const IPV4_RE = new RegExp(`^${OCTET}\\.${OCTET}\\.${OCTET}\\.${OCTET}$`);
const CIDR_RE = /^([0-9.]+)\/(\d{1,2})$/;

/** Parses a dotted-decimal IPv4 address; leading zeros (octal in some libraries) are refused. */
export function parseIpv4(text: string): number | undefined {
  const hit = ipv4Cache.get(text);
  if (hit !== undefined || ipv4Cache.has(text)) return hit;
  const ip = parseIpv4Uncached(text);
  if (ipv4Cache.size >= CACHE_LIMIT) ipv4Cache.clear();
  ipv4Cache.set(text, ip);
  return ip;
}

function parseIpv4Uncached(text: string): number | undefined {
  const m = IPV4_RE.exec(text);
  if (!m) return undefined;
  return ((Number(m[1]) * 256 + Number(m[2])) * 256 + Number(m[3])) * 256 + Number(m[4]);
}

export function formatIpv4(n: number): string {
  return [24, 16, 8, 0].map((b) => Math.floor(n / 2 ** b) % 256).join('.');
}

/**
 * Parses `a.b.c.d/p` the way Azure accepts it: host bits must be zero, because Azure
 * rejects `10.0.0.1/24` as an address prefix rather than silently masking it.
 */
export function parseCidr(raw: string): CidrResult {
  let r = cidrCache.get(raw);
  if (!r) {
    r = parseCidrUncached(raw);
    Object.freeze(r);
    if (r.ok) Object.freeze(r.cidr);
    if (cidrCache.size >= CACHE_LIMIT) cidrCache.clear();
    cidrCache.set(raw, r);
  }
  return r;
}

function parseCidrUncached(raw: string): CidrResult {
  const text = raw.trim();
  if (text !== raw) return { ok: false, error: `'${raw}' has leading or trailing spaces` };
  const m = CIDR_RE.exec(text);
  if (!m) return { ok: false, error: `'${raw}' is not an IPv4 CIDR block like 10.0.0.0/24` };
  const ip = parseIpv4(m[1]!);
  if (ip === undefined) {
    return { ok: false, error: `'${m[1]}' is not a dotted-decimal IPv4 address (four numbers 0–255, no leading zeros)` };
  }
  if (m[2]!.length > 1 && m[2]!.startsWith('0')) return { ok: false, error: `prefix length '/${m[2]}' has a leading zero` };
  const prefix = Number(m[2]);
  if (prefix > 32) return { ok: false, error: `prefix length /${prefix} is larger than /32` };
  const size = 2 ** (32 - prefix);
  const start = ip - (ip % size);
  if (start !== ip) {
    return { ok: false, error: `'${raw}' has host bits set; the network address is ${formatIpv4(start)}/${prefix}` };
  }
  return { ok: true, cidr: { start, end: start + size - 1, prefix, size, text } };
}

/** Parse that returns undefined on error, for rules that report malformed prefixes elsewhere. */
export function tryCidr(raw: string | undefined): Cidr | undefined {
  if (raw === undefined) return undefined;
  const r = parseCidr(raw);
  return r.ok ? r.cidr : undefined;
}

/**
 * A block of either family: IPv4 as numbers, IPv6 (ipv6.ts) as bigints. The block arithmetic is the same,
 * and the type parameter keeps one call to one family, so an IPv4 block is never compared with an IPv6 one.
 */
export interface Block<N extends number | bigint> {
  readonly start: N;
  readonly end: N;
}

/** A block with the text it was written as, for messages: a Cidr or an Ipv6Cidr. */
export interface WrittenBlock<N extends number | bigint> extends Block<N> {
  readonly text: string;
}

export const contains = <N extends number | bigint>(outer: Block<N>, inner: Block<N>): boolean => inner.start >= outer.start && inner.end <= outer.end;
export const overlaps = <N extends number | bigint>(a: Block<N>, b: Block<N>): boolean => a.start <= b.end && b.start <= a.end;
const compare = <N extends number | bigint>(x: N, y: N): number => (x < y ? -1 : x > y ? 1 : 0);

/** Azure reserves five addresses in every subnet (network, gateway, two DNS, broadcast). */
export const AZURE_RESERVED_PER_SUBNET = 5;
export const azureUsable = (c: Cidr): number => Math.max(0, c.size - AZURE_RESERVED_PER_SUBNET);

export const RFC1918: readonly Cidr[] = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'].map((s) => tryCidr(s)!);
export const isRfc1918 = (c: Cidr): boolean => RFC1918.some((r) => contains(r, c));

/**
 * Finds overlapping pairs among tagged blocks in O(n log n + k): sort by start, sweep with the
 * running maximum end. `k` is the number of overlaps reported, bounded by `limit`.
 */
export function findOverlaps<T, N extends number | bigint = number>(items: readonly { cidr: Block<N>; tag: T }[], limit = 10_000): [T, T][] {
  const sorted = [...items].sort((a, b) => compare(a.cidr.start, b.cidr.start) || compare(b.cidr.end, a.cidr.end));
  const out: [T, T][] = [];
  // Active set: blocks whose end is still >= the current start. Kept small in practice.
  const active: { cidr: Block<N>; tag: T }[] = [];
  for (const item of sorted) {
    for (let i = active.length - 1; i >= 0; i--) {
      if (active[i]!.cidr.end < item.cidr.start) active.splice(i, 1);
    }
    for (const a of active) {
      out.push([a.tag, item.tag]);
      if (out.length >= limit) return out;
    }
    active.push(item);
  }
  return out;
}
