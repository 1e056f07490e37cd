// NSG evaluation as Azure documents it: rules of one direction in priority order, the first match
// decides, and Azure's default rules (65000 AllowVnet…, 65001 AllowAzureLoadBalancerInBound /
// AllowInternetOutBound, 65500 DenyAll…) close each list. Matching is exact on concrete ranges (a range
// that straddles a rule is split and each half judged) and three-valued on symbolic ends.
import type { NsgRule } from '../model/schema';
import { PARSE_CACHE_LIMIT, coverage, halves, matchPrefix, type Endpoint, type Match, type TagContext } from './addresses';

export interface Packet {
  readonly protocol: 'Tcp' | 'Udp';
  readonly src: Endpoint;
  readonly dst: Endpoint;
  /** Destination ports, inclusive; [0, 65535] when the design does not say which. */
  readonly ports: readonly [number, number];
}

export interface EvaluatedRule {
  readonly rule: NsgRule;
  /** Index in the NSG's `rules`, or undefined for Azure's default rules. */
  readonly index?: number;
}

export interface NsgDecision {
  readonly access: 'Allow' | 'Deny' | 'unknown';
  /** The rule that decided (for unknown: the first rule whose match the design cannot settle). */
  readonly rule: EvaluatedRule;
}

const rule = (name: string, priority: number, direction: 'Inbound' | 'Outbound', access: 'Allow' | 'Deny', source: string, destination: string): NsgRule => ({
  name, priority, direction, access, protocol: '*', sourceAddressPrefix: source, sourcePortRange: '*', destinationAddressPrefix: destination, destinationPortRange: '*',
});

/** Azure's default security rules, which every NSG has below the user's rules and which cannot be removed. */
export const DEFAULT_RULES: Readonly<Record<'Inbound' | 'Outbound', readonly NsgRule[]>> = {
  Inbound: [
    rule('AllowVnetInBound', 65000, 'Inbound', 'Allow', 'VirtualNetwork', 'VirtualNetwork'),
    rule('AllowAzureLoadBalancerInBound', 65001, 'Inbound', 'Allow', 'AzureLoadBalancer', '*'),
    rule('DenyAllInBound', 65500, 'Inbound', 'Deny', '*', '*'),
  ],
  Outbound: [
    rule('AllowVnetOutBound', 65000, 'Outbound', 'Allow', 'VirtualNetwork', 'VirtualNetwork'),
    rule('AllowInternetOutBound', 65001, 'Outbound', 'Allow', '*', 'Internet'),
    rule('DenyAllOutBound', 65500, 'Outbound', 'Deny', '*', '*'),
  ],
};

/** The rules Azure evaluates for one direction, in order: the user's by priority, then the defaults. */
export function orderedRules(rules: readonly NsgRule[] | undefined, direction: 'Inbound' | 'Outbound'): EvaluatedRule[] {
  const own = (rules ?? []).map((r, index) => ({ rule: r, index })).filter((r) => r.rule.direction === direction);
  own.sort((a, b) => a.rule.priority - b.rule.priority || a.index - b.index);
  return [...own, ...DEFAULT_RULES[direction].map((r) => ({ rule: r }))];
}

const FULL: [number, number] = [0, 65535];

const portCache = new Map<string, [number, number][] | undefined>();

/** Parses `*`, `443`, `1000-2000` or a comma-separated list into inclusive intervals; undefined if malformed. */
export function parsePorts(text: string): [number, number][] | undefined {
  if (portCache.has(text)) return portCache.get(text);
  const parsed = parsePortsUncached(text);
  if (portCache.size >= PARSE_CACHE_LIMIT) portCache.clear();
  portCache.set(text, parsed);
  return parsed;
}

function parsePortsUncached(text: string): [number, number][] | undefined {
  const out: [number, number][] = [];
  for (const part of text.split(',').map((s) => s.trim())) {
    if (part === '*') out.push(FULL);
    else {
      const m = /^(\d{1,5})(?:-(\d{1,5}))?$/.exec(part);
      if (!m) return undefined;
      const lo = Number(m[1]);
      const hi = m[2] === undefined ? lo : Number(m[2]);
      if (hi < lo || hi > 65535) return undefined;
      out.push([lo, hi]);
    }
  }
  return out.length > 0 ? out : undefined;
}

export type Dim = 'src' | 'dst' | 'ports';
type RuleMatch = Exclude<Match, 'split'> | { split: Dim };

const SPLIT: Readonly<Record<Dim, RuleMatch>> = { src: { split: 'src' }, dst: { split: 'dst' }, ports: { split: 'ports' } };

function matchRule(r: NsgRule, p: Packet, ctx: TagContext): RuleMatch {
  if (r.protocol !== '*' && r.protocol.toLowerCase() !== p.protocol.toLowerCase()) return 'no';
  // Every packet of every flow meets the rules: judged dimension by dimension without building lists,
  // in the order the verdict is read (any no; else the first split; else any maybe).
  const ports = parsePorts(r.destinationPortRange);
  const portMatch: Match = ports === undefined ? 'maybe' : ((c) => (c === 'all' ? 'yes' : c === 'none' ? 'no' : 'split'))(coverage(p.ports[0], p.ports[1], ports));
  if (portMatch === 'no') return 'no';
  const src = matchPrefix(r.sourceAddressPrefix, p.src, ctx);
  if (src === 'no') return 'no';
  const dst = matchPrefix(r.destinationAddressPrefix, p.dst, ctx);
  if (dst === 'no') return 'no';
  if (src === 'split') return SPLIT.src;
  if (dst === 'split') return SPLIT.dst;
  if (portMatch === 'split') return SPLIT.ports;
  // Source ports are ephemeral and never in a design: only `*` matches for sure.
  const srcPort: Match = r.sourcePortRange.trim() === '*' ? 'yes' : 'maybe';
  return srcPort === 'maybe' || src === 'maybe' || dst === 'maybe' || portMatch === 'maybe' ? 'maybe' : 'yes';
}

/** Splits a packet's ports or a concrete end in two halves, to judge a rule that covers part of it. */
export function splitPacket<P extends Packet>(p: P, dim: Dim): [P, P] {
  if (dim === 'ports') {
    const [lo, hi] = p.ports;
    const mid = Math.floor((lo + hi) / 2);
    return [{ ...p, ports: [lo, mid] }, { ...p, ports: [mid + 1, hi] }];
  }
  const end = p[dim];
  if (end.kind !== 'range') throw new Error('only concrete ranges split');
  const [a, b] = halves(end.cidr);
  return [{ ...p, [dim]: { kind: 'range', cidr: a } }, { ...p, [dim]: { kind: 'range', cidr: b } }];
}

/** Evaluates one NSG's rules of `direction` for a packet. */
export function evaluateNsg(rules: readonly NsgRule[] | undefined, direction: 'Inbound' | 'Outbound', packet: Packet, ctx: TagContext): NsgDecision {
  return evaluateFrom(cachedOrder(rules, direction), 0, [], packet, ctx);
}

// An NSG is evaluated for every flow through its subnet: sort its rules once per (immutable) rule list.
const orderCache = new WeakMap<readonly NsgRule[], Record<string, EvaluatedRule[]>>();
function cachedOrder(rules: readonly NsgRule[] | undefined, direction: 'Inbound' | 'Outbound'): EvaluatedRule[] {
  if (!rules) return orderedRules(rules, direction);
  let byDirection = orderCache.get(rules);
  if (!byDirection) orderCache.set(rules, (byDirection = {}));
  return (byDirection[direction] ??= orderedRules(rules, direction));
}

function evaluateFrom(list: readonly EvaluatedRule[], from: number, maybes: readonly EvaluatedRule[], p: Packet, ctx: TagContext): NsgDecision {
  // Copied only when a rule maybe matches: most evaluations never see one.
  let possible = maybes;
  let own = false;
  for (let i = from; i < list.length; i++) {
    const r = list[i]!;
    const m = matchRule(r.rule, p, ctx);
    if (m === 'no') continue;
    if (m === 'maybe') {
      if (!own) {
        possible = [...possible];
        own = true;
      }
      (possible as EvaluatedRule[]).push(r);
      continue;
    }
    if (m === 'yes') {
      const access = r.rule.access;
      if (possible.every((x) => x.rule.access === access)) return { access, rule: r };
      return { access: 'unknown', rule: possible[0]! };
    }
    // Part of the packet's range matches this rule: judge each half on its own from here on.
    const [a, b] = splitPacket(p, m.split);
    const da = evaluateFrom(list, i, possible, a, ctx);
    const db = evaluateFrom(list, i, possible, b, ctx);
    if (da.access === db.access && da.access !== 'unknown') return da.rule === db.rule || da.rule.index !== undefined ? da : db;
    return { access: 'unknown', rule: da.access === 'unknown' ? da.rule : db.access === 'unknown' ? db.rule : da.rule };
  }
  // Unreachable: DenyAll matches every packet.
  throw new Error('NSG evaluation fell through the default rules');
}
