// The addresses a flow's ends stand for, and three-valued matching of NSG and route prefixes against
// them: a concrete range either lies inside a prefix, outside it, or straddles it (then the caller
// splits the range and judges each half); a symbolic end (a public service, Azure DNS) can also only
// *maybe* match, when the design cannot tell which addresses it has.
import { RFC1918, formatIpv4, tryCidr, type Cidr } from '../net/cidr';

/** One end of a flow. */
export type Endpoint =
  | { readonly kind: 'range'; readonly cidr: Cidr }
  /** A public address: an Azure service reached publicly (its type and region known), or any internet host. */
  | { readonly kind: 'public'; readonly serviceType?: string; readonly region?: string }
  /** Azure-provided DNS, the platform's virtual IP 168.63.129.16. */
  | { readonly kind: 'azureDns' }
  | { readonly kind: 'unknown' };

export type Match = 'yes' | 'no' | 'maybe' | 'split';

/** Address space that is never on the internet: RFC 1918 and the shared 100.64.0.0/10 Azure routes to None. */
export const PRIVATE_SPACE: readonly Cidr[] = [...RFC1918, tryCidr('100.64.0.0/10')!];
export const AZURE_DNS_IP = '168.63.129.16';
const AZURE_DNS = tryCidr(`${AZURE_DNS_IP}/32`)!;

export const isPrivate = (c: Cidr): boolean => PRIVATE_SPACE.some((p) => p.start <= c.start && c.end <= p.end);

/** How much of [lo, hi] the intervals cover: all of it, none of it, or part. */
export function coverage(lo: number, hi: number, intervals: readonly (readonly [number, number])[]): 'all' | 'none' | 'part' {
  // The usual answers need no sorting: one interval holds the range, or none touches it.
  let touching = 0;
  for (const [a, b] of intervals) {
    if (a <= lo && hi <= b) return 'all';
    if (a <= hi && lo <= b) touching++;
  }
  if (touching === 0) return 'none';
  if (touching === 1) return 'part';
  const parts = intervals.filter(([a, b]) => a <= hi && lo <= b).map(([a, b]) => [Math.max(a, lo), Math.min(b, hi)] as const).sort((x, y) => x[0] - y[0]);
  let next = lo;
  for (const [a, b] of parts) {
    if (a > next) return 'part';
    next = Math.max(next, b + 1);
  }
  return next > hi ? 'all' : 'part';
}

/** `coverage` of a block by a set of blocks, without building the intervals unless the blocks only cover it together. */
function cidrCoverage(c: Cidr, set: readonly Cidr[]): 'all' | 'none' | 'part' {
  let touching = 0;
  for (const s of set) {
    if (s.start <= c.start && c.end <= s.end) return 'all';
    if (s.start <= c.end && c.start <= s.end) touching++;
  }
  if (touching === 0) return 'none';
  if (touching === 1) return 'part';
  return coverage(c.start, c.end, set.map((s) => [s.start, s.end] as const));
}

const fromCoverage = (c: 'all' | 'none' | 'part'): Match => (c === 'all' ? 'yes' : c === 'none' ? 'no' : 'split');

/**
 * Service tags that name Azure services' public ranges, by the service types the design models.
 * Tags may carry a region (`Storage.westeurope`); AzureCloud covers every Azure service.
 */
const SERVICE_TAGS: Readonly<Record<string, string>> = {
  storage: 'storageAccount',
  sql: 'sqlServer',
  azurekeyvault: 'keyVault',
  appservice: 'appService',
  azurecognitivesearch: 'aiSearch',
};
/** Tags known to hold only public Azure addresses (never the private ranges of a VNet). */
const PUBLIC_TAGS = new Set(['internet', 'azurecloud', 'azureloadbalancer', 'azureplatformdns', 'azureactivedirectory', 'azuremonitor', 'azurefrontdoor.backend', 'powerplatforminfra', 'powerplatformplex', 'azureresourcemanager', 'gatewaymanager', ...Object.keys(SERVICE_TAGS)]);

/** What the VirtualNetwork tag stands for where an NSG or route is evaluated. */
export interface TagContext {
  /** The VNet's address space, peered VNets, connected on-premises spaces and the subnet's UDR prefixes. */
  readonly virtualNetwork: readonly Cidr[];
}

/**
 * Whether an NSG address prefix (`*`, a CIDR, an IP, a service tag, optionally `Tag.region`, or a
 * comma-separated list of these) matches an endpoint.
 */
export function matchPrefix(pattern: string, end: Endpoint, ctx: TagContext): Match {
  const items = splitPattern(pattern);
  if (items.length === 0) return 'maybe';
  if (items.length > 1) {
    // A list matches where any item does; concrete ranges are judged on the union.
    const cidrs = listCidrs(items);
    if (end.kind === 'range' && cidrs.every((c) => c !== undefined)) return fromCoverage(cidrCoverage(end.cidr, cidrs));
    const each = items.map((i) => matchPrefix(i, end, ctx));
    if (each.includes('yes')) return 'yes';
    if (each.every((m) => m === 'no')) return 'no';
    return each.includes('split') && !each.includes('maybe') ? 'split' : 'maybe';
  }
  const item = items[0]!;
  if (item === '*' || item.toLowerCase() === 'any') return 'yes';
  const cidr = asCidr(item);
  if (cidr) return matchCidr(cidr, end);
  return matchTag(item, end, ctx);
}

// Designs repeat the same few prefixes in every rule: parse each text once (bounded, for long sessions).
const patterns = new Map<string, readonly string[]>();
const cidrs = new Map<string, Cidr | undefined>();
export const PARSE_CACHE_LIMIT = 10_000;

function splitPattern(pattern: string): readonly string[] {
  let items = patterns.get(pattern);
  if (!items) {
    if (patterns.size >= PARSE_CACHE_LIMIT) patterns.clear();
    patterns.set(pattern, (items = pattern.split(',').map((s) => s.trim()).filter((s) => s !== '')));
  }
  return items;
}

const lists = new WeakMap<readonly string[], readonly (Cidr | undefined)[]>();
/** The blocks of a split pattern's items, kept with the (cached, shared) item list. */
function listCidrs(items: readonly string[]): readonly (Cidr | undefined)[] {
  let out = lists.get(items);
  if (!out) lists.set(items, (out = items.map(asCidr)));
  return out;
}

const tagNames = new Map<string, readonly [string, string | undefined]>();
/** A tag's lower-case name and region (`Storage.westeurope`), split once per text. */
function tagParts(tag: string): readonly [string, string | undefined] {
  let parts = tagNames.get(tag);
  if (!parts) {
    if (tagNames.size >= PARSE_CACHE_LIMIT) tagNames.clear();
    tagNames.set(tag, (parts = tag.toLowerCase().split('.', 2) as [string, string | undefined]));
  }
  return parts;
}

function asCidr(text: string): Cidr | undefined {
  if (cidrs.has(text)) return cidrs.get(text);
  const c = tryCidr(text.includes('/') ? text : `${text}/32`);
  if (cidrs.size >= PARSE_CACHE_LIMIT) cidrs.clear();
  cidrs.set(text, c);
  return c;
}

/** Whether a CIDR matches an endpoint (a route's or a rule's explicit prefix). */
export function matchCidr(cidr: Cidr, end: Endpoint): Match {
  switch (end.kind) {
    case 'range':
      return end.cidr.start >= cidr.start && end.cidr.end <= cidr.end ? 'yes' : end.cidr.start <= cidr.end && cidr.start <= end.cidr.end ? 'split' : 'no';
    case 'azureDns':
      return cidr.start <= AZURE_DNS.start && AZURE_DNS.end <= cidr.end ? 'yes' : 'no';
    case 'public':
      if (cidr.prefix === 0) return 'yes';
      return isPrivate(cidr) ? 'no' : 'maybe';
    case 'unknown':
      return 'maybe';
  }
}

function matchTag(tag: string, end: Endpoint, ctx: TagContext): Match {
  const [name, region] = tagParts(tag);
  if (end.kind === 'unknown') return 'maybe';
  if (name === 'virtualnetwork') {
    if (end.kind === 'range') return fromCoverage(cidrCoverage(end.cidr, ctx.virtualNetwork));
    // The tag includes the host's virtual IP (Azure DNS) and, through UDR prefixes, possibly the default route.
    if (end.kind === 'azureDns') return 'yes';
    if (ctx.virtualNetwork.some((c) => c.prefix === 0)) return 'yes';
    return ctx.virtualNetwork.some((c) => !isPrivate(c)) ? 'maybe' : 'no';
  }
  if (end.kind === 'range') {
    if (PUBLIC_TAGS.has(name) && isPrivate(end.cidr)) return 'no';
    return 'maybe';
  }
  if (end.kind === 'azureDns') {
    if (name === 'azureplatformdns' || name === 'azureloadbalancer') return 'yes';
    return name === 'internet' || name in SERVICE_TAGS ? 'no' : 'maybe';
  }
  // A public end.
  if (name === 'internet') return 'yes';
  if (name === 'azureloadbalancer' || name === 'azureplatformdns') return 'no';
  if (end.serviceType === undefined) return 'maybe';
  const sameRegion = (): Match => (region === undefined ? 'yes' : end.region === undefined ? 'maybe' : end.region.toLowerCase() === region ? 'yes' : 'no');
  if (name === 'azurecloud') return sameRegion();
  const service = SERVICE_TAGS[name];
  if (service === undefined) return 'maybe';
  return service === end.serviceType ? sameRegion() : 'no';
}

/** Splits a concrete range into its two halves (a /32 cannot be split; callers never ask). */
export function halves(c: Cidr): [Cidr, Cidr] {
  const size = c.size / 2;
  const mk = (start: number): Cidr => ({ start, end: start + size - 1, prefix: c.prefix + 1, size, text: `${formatIpv4(start)}/${c.prefix + 1}` });
  return [mk(c.start), mk(c.start + size)];
}
