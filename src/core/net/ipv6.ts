// Strict IPv6 CIDR arithmetic in the forms Azure takes for address prefixes: colon-separated hex groups,
// one `::` at most, no zone id, no dotted IPv4 tail, /0–/128, host bits zero. Addresses are 128-bit bigints.

export interface Ipv6Cidr {
  /** First address of the block. */
  readonly start: bigint;
  /** Last address of the block. */
  readonly end: bigint;
  /** Prefix length, 0–128. */
  readonly prefix: number;
  /** Number of addresses, 2^(128-prefix). */
  readonly size: bigint;
  /** The text as written by the user. */
  readonly text: string;
}

export type Ipv6CidrResult = { ok: true; cidr: Ipv6Cidr } | { ok: false; error: string };
type Ipv6Result = { ok: true; value: bigint } | { ok: false; error: string };

const GROUPS = 8;
const GROUP_RE = /^[0-9A-Fa-f]{1,4}$/;
const CIDR_RE = /^([^/]*)\/(\d{1,3})$/;

/** Parses an IPv6 address in colon-hex form, saying what is wrong when it is not one. */
export function parseIpv6(text: string): Ipv6Result {
  // Both are valid IPv6 text elsewhere but not in an Azure prefix: a zone names an interface, not a
  // network, and the dotted tail is refused by the address-family check rather than guessed at.
  if (text.includes('%')) return { ok: false, error: `'${text}' has a zone id (%…), which an address prefix cannot have` };
  if (text.includes('.')) return { ok: false, error: `'${text}' ends in dotted IPv4 notation; write the last 32 bits as two hex groups` };
  const halves = text.split('::');
  if (halves.length > 2) return { ok: false, error: `'${text}' uses '::' more than once` };
  const split = (s: string) => (s === '' ? [] : s.split(':'));
  const head = split(halves[0]!);
  const tail = halves.length === 2 ? split(halves[1]!) : [];
  const bad = [...head, ...tail].find((g) => !GROUP_RE.test(g));
  if (bad !== undefined) {
    return { ok: false, error: bad === '' ? `'${text}' has an empty group (a stray ':')` : `'${bad}' in '${text}' is not a group of 1–4 hex digits` };
  }
  if (halves.length === 1 && head.length !== GROUPS) return { ok: false, error: `'${text}' has ${head.length} groups; an IPv6 address has 8, or '::' for the zeros` };
  // '::' stands for at least one zero group.
  if (halves.length === 2 && head.length + tail.length > GROUPS - 1) return { ok: false, error: `'${text}' has too many groups around '::'` };
  const groups = [...head, ...Array<string>(GROUPS - head.length - tail.length).fill('0'), ...tail];
  return { ok: true, value: groups.reduce((n, g) => (n << 16n) | BigInt(`0x${g}`), 0n) };
}

/** RFC 5952 text: lowercase, no leading zeros, the first longest run of two or more zero groups as '::'. */
export function formatIpv6(n: bigint): string {
  const groups = Array.from({ length: GROUPS }, (_, i) => Number((n >> BigInt(16 * (GROUPS - 1 - i))) & 0xffffn));
  let best = -1;
  let bestLength = 1;
  for (let i = 0; i < GROUPS; i++) {
    let j = i;
    while (j < GROUPS && groups[j] === 0) j++;
    if (j - i > bestLength) [best, bestLength] = [i, j - i];
    i = j;
  }
  const hex = (gs: number[]) => gs.map((g) => g.toString(16)).join(':');
  if (best < 0) return hex(groups);
  return `${hex(groups.slice(0, best))}::${hex(groups.slice(best + bestLength))}`;
}

/**
 * Parses `addr/p` strictly, as `parseCidr` does for IPv4: host bits must be zero, because Azure refuses
 * a prefix such as `fd00::1/64` rather than masking it.
 */
export function parseIpv6Cidr(raw: string): Ipv6CidrResult {
  const text = raw.trim();
  if (text !== raw) return { ok: false, error: `'${raw}' has leading or trailing spaces` };
  const m = CIDR_RE.exec(text);
  if (!m) return { ok: false, error: `'${raw}' is not an IPv6 CIDR block like fd00:db8::/48` };
  const ip = parseIpv6(m[1]!);
  if (!ip.ok) return ip;
  if (m[2]!.length > 1 && m[2]!.startsWith('0')) return { ok: false, error: `prefix length '/${m[2]}' has a leading zero` };
  const prefix = Number(m[2]);
  if (prefix > 128) return { ok: false, error: `prefix length /${prefix} is larger than /128` };
  const size = 1n << BigInt(128 - prefix);
  const start = ip.value - (ip.value % size);
  if (start !== ip.value) {
    return { ok: false, error: `'${raw}' has host bits set; the network address is ${formatIpv6(start)}/${prefix}` };
  }
  return { ok: true, cidr: { start, end: start + size - 1n, prefix, size, text } };
}
