// Azure Firewall Policy evaluation as Microsoft documents it ("Azure Firewall rule processing logic"):
// network rules of every rule collection group are processed before any application rule; within each
// type, groups by priority, then collections by priority; rules are terminating (the first match
// decides); application rules see only HTTP/HTTPS/MSSQL traffic; what no rule allows is denied.
// Matching is exact on concrete ranges (a range a rule covers in part is split) and three-valued on
// symbolic ends (a host the design does not name, an FQDN tag, a service tag over a private range).
// Left out, and said so: DNAT rules (inbound only), threat intelligence (feed-based), the built-in
// infrastructure rule collection (platform FQDNs no workload calls), TLS inspection and IDPS (Premium),
// and rules inherited from a parent policy (the design holds one policy per firewall).
import type { ElementOf, FirewallApplicationRule, FirewallNetworkRule, FirewallRuleCollectionGroup } from '../model/schema';
import { coverage, matchPrefix, type Endpoint, type Match } from './addresses';
import { parsePorts, splitPacket, type Dim, type Packet } from './nsg';

/** What the firewall sees of a packet: its addresses and ports, and the host name it is for, when known. */
export interface FirewallPacket extends Packet {
  /** The FQDN the workload calls (TLS SNI / HTTP Host); undefined when the design does not tell. */
  readonly host?: string;
}

/** Where a rule sits in the policy: `ruleCollectionGroups[group].ruleCollections[collection].rules[rule]`. */
export interface FirewallRulePath {
  readonly group: number;
  readonly collection: number;
  readonly rule: number;
}

export interface FirewallRuleRef {
  readonly path: FirewallRulePath;
  readonly groupName: string;
  readonly collectionName: string;
  readonly ruleName: string;
  readonly ruleType: 'network' | 'application';
  readonly action: 'Allow' | 'Deny';
}

export interface FirewallDecision {
  /** `unknown` when a rule the design cannot settle comes before the deciding one and would decide otherwise. */
  readonly access: 'Allow' | 'Deny' | 'unknown';
  /** The deciding rule; for unknown, the first unsettled rule; undefined when the default deny decides. */
  readonly rule?: FirewallRuleRef;
  /** Whether a rule naming FQDNs was consulted (then the decision depends on the host). */
  readonly usedHost: boolean;
}

type Ordered = { readonly ref: FirewallRuleRef; readonly rule: FirewallNetworkRule | FirewallApplicationRule };

const orderCache = new WeakMap<readonly FirewallRuleCollectionGroup[], Ordered[]>();

/** Every rule in processing order: network before application, then group, collection, rule order. */
export function orderedFirewallRules(groups: readonly FirewallRuleCollectionGroup[]): Ordered[] {
  const cached = orderCache.get(groups);
  if (cached) return cached;
  const byPriority = <T extends { priority: number }>(items: readonly T[]) => items.map((item, index) => ({ item, index })).sort((a, b) => a.item.priority - b.item.priority || a.index - b.index);
  const out: Ordered[] = [];
  for (const type of ['network', 'application'] as const) {
    for (const g of byPriority(groups)) {
      for (const c of byPriority(g.item.ruleCollections)) {
        if (c.item.ruleType !== type) continue;
        c.item.rules.forEach((rule, r) => out.push({
          rule,
          ref: { path: { group: g.index, collection: c.index, rule: r }, groupName: g.item.name, collectionName: c.item.name, ruleName: rule.name, ruleType: type, action: c.item.action },
        }));
      }
    }
  }
  orderCache.set(groups, out);
  return out;
}

/** Whether an FQDN pattern (`*`, `*.contoso.com`, `api.contoso.com`) names a host; case-insensitive. */
export function fqdnMatches(pattern: string, host: string): boolean {
  const p = pattern.trim().toLowerCase();
  const h = host.trim().toLowerCase().replace(/\.$/, '');
  if (p === '*') return true;
  if (p.startsWith('*.')) return h.endsWith(p.slice(1));
  return p === h;
}

function hostMatch(patterns: readonly string[], host: string | undefined): Match {
  if (patterns.length === 0) return 'no';
  if (patterns.some((p) => p.trim() === '*')) return 'yes';
  if (host === undefined) return 'maybe';
  return patterns.some((p) => fqdnMatches(p, host)) ? 'yes' : 'no';
}

/** Any of several matches: yes if one is, no if all are, split only when no part is merely unknown. */
function anyOf(ms: readonly Match[]): Match {
  if (ms.includes('yes')) return 'yes';
  if (ms.every((m) => m === 'no')) return 'no';
  return ms.includes('maybe') ? 'maybe' : 'split';
}

const portMatch = (ports: readonly [number, number][] | undefined, p: Packet): Match => {
  if (ports === undefined) return 'maybe';
  const c = coverage(p.ports[0], p.ports[1], ports);
  return c === 'all' ? 'yes' : c === 'none' ? 'no' : 'split';
};

const NO_TAGS = { virtualNetwork: [] } as const;

/** Source addresses are IPs, CIDRs or `*`; an empty list (an IP group the design does not hold) is unknown. */
const sourceMatch = (sources: readonly string[], src: Endpoint): Match => (sources.length === 0 ? 'maybe' : matchPrefix(sources.join(','), src, NO_TAGS));

type RuleMatch = { readonly m: Exclude<Match, 'split'>; readonly usedHost: boolean } | { readonly split: Dim; readonly usedHost: boolean };

function decide(dims: readonly [Dim | undefined, Match][], usedHost: boolean): RuleMatch {
  if (dims.some(([, m]) => m === 'no')) return { m: 'no', usedHost };
  const split = dims.find(([, m]) => m === 'split');
  if (split) return { split: split[0]!, usedHost };
  return { m: dims.some(([, m]) => m === 'maybe') ? 'maybe' : 'yes', usedHost };
}

function matchNetwork(r: FirewallNetworkRule, p: FirewallPacket): RuleMatch {
  const proto = r.protocols.some((x) => x === 'Any' || x.toLowerCase() === p.protocol.toLowerCase());
  if (!proto) return { m: 'no', usedHost: false };
  const fqdns = r.destinationFqdns ?? [];
  const addresses = r.destinationAddresses ?? [];
  const dst = anyOf([addresses.length === 0 ? 'no' : matchPrefix(addresses.join(','), p.dst, NO_TAGS), hostMatch(fqdns, p.host)]);
  return decide([['src', sourceMatch(r.sourceAddresses, p.src)], ['dst', dst], ['ports', portMatch(parsePorts(r.destinationPorts.join(',')), p)]], fqdns.length > 0);
}

function matchApplication(r: FirewallApplicationRule, p: FirewallPacket): RuleMatch {
  // Application rules filter HTTP(S) and MSSQL over TCP only, on the ports each protocol names.
  if (p.protocol !== 'Tcp') return { m: 'no', usedHost: false };
  const ports = portMatch(r.protocols.map((x) => [x.port, x.port] as [number, number]), p);
  // The hosts behind an FQDN tag (WindowsUpdate, AzureKubernetesService…) are not in the design.
  const target = anyOf([hostMatch(r.targetFqdns ?? [], p.host), (r.fqdnTags ?? []).length > 0 ? 'maybe' : 'no']);
  return decide([['src', sourceMatch(r.sourceAddresses, p.src)], ['ports', ports], [undefined, target]], true);
}

/** Evaluates a firewall policy's rules for one packet. */
export function evaluateFirewall(groups: readonly FirewallRuleCollectionGroup[], packet: FirewallPacket): FirewallDecision {
  return evaluateFrom(orderedFirewallRules(groups), 0, [], packet, false);
}

function evaluateFrom(list: readonly Ordered[], from: number, maybes: readonly Ordered[], p: FirewallPacket, used: boolean): FirewallDecision {
  const possible = [...maybes];
  let usedHost = used;
  for (let i = from; i < list.length; i++) {
    const o = list[i]!;
    const m = o.ref.ruleType === 'network' ? matchNetwork(o.rule as FirewallNetworkRule, p) : matchApplication(o.rule as FirewallApplicationRule, p);
    usedHost ||= m.usedHost;
    if ('m' in m) {
      if (m.m === 'no') continue;
      if (m.m === 'maybe') {
        possible.push(o);
        continue;
      }
      const actions = new Set([...possible.map((x) => x.ref.action), o.ref.action]);
      return actions.size === 1 ? { access: o.ref.action, rule: o.ref, usedHost } : { access: 'unknown', rule: possible[0]!.ref, usedHost };
    }
    const [a, b] = splitPacket(p, m.split);
    const da = evaluateFrom(list, i, possible, a, usedHost);
    const db = evaluateFrom(list, i, possible, b, usedHost);
    const both = { usedHost: da.usedHost || db.usedHost };
    if (da.access === db.access && da.access !== 'unknown') {
      // Both halves agree: name a rule that decided one of them rather than the default deny.
      const rule = da.rule ?? db.rule;
      return { access: da.access, ...(rule ? { rule } : {}), ...both };
    }
    const rule = da.access === 'unknown' ? da.rule : db.access === 'unknown' ? db.rule : da.rule ?? db.rule;
    return { access: 'unknown', ...(rule ? { rule } : {}), ...both };
  }
  // No rule matched: the default deny, unless an unsettled Allow rule before it might have matched.
  const allow = possible.find((x) => x.ref.action === 'Allow');
  return allow ? { access: 'unknown', rule: allow.ref, usedHost } : { access: 'Deny', usedHost };
}

/** `group/collection/rule` names of a rule, as the verifier and the rules quote it. */
export const rulePathText = (r: FirewallRuleRef): string => `${r.groupName}/${r.collectionName}/${r.ruleName}`;

/** The firewall's rules when the design holds them: an NVA's, or a policy the design does not state, are not. */
export function knownRules(fw: ElementOf<'firewall'>): readonly FirewallRuleCollectionGroup[] | undefined {
  return fw.appliance === 'nva' ? undefined : fw.ruleCollectionGroups;
}
