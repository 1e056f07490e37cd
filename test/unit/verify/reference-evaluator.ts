// A slow, obviously correct evaluator of the same NSG and routing semantics on single packets: one
// concrete source address, destination address and port, a linear scan in priority order, and a
// linear longest-prefix scan, and Azure Firewall's policy as a plain nested loop. The property tests enumerate every packet of a range through it.
import type { FirewallApplicationRule, FirewallNetworkRule, FirewallRuleCollectionGroup, NsgRule } from '../../../src/core/model/schema';
import { parseIpv4 } from '../../../src/core/net/cidr';
import { DEFAULT_RULES } from '../../../src/core/verify/nsg';
import type { EffectiveRoute } from '../../../src/core/verify/routes';

/** Whether one address is in a prefix: `*`, an IP, a CIDR, or `VirtualNetwork` (given as concrete blocks). */
function inPrefix(prefix: string, ip: number, virtualNetwork: readonly [number, number][]): boolean {
  if (prefix === '*') return true;
  if (prefix === 'VirtualNetwork') return virtualNetwork.some(([a, b]) => a <= ip && ip <= b);
  const [addr, len] = prefix.split('/');
  const start = parseIpv4(addr!)!;
  const size = 2 ** (32 - Number(len ?? 32));
  return start <= ip && ip < start + size;
}

function inPorts(range: string, port: number): boolean {
  if (range === '*') return true;
  const [lo, hi] = range.split('-').map(Number);
  return lo! <= port && port <= (hi ?? lo!);
}

export function referenceNsg(rules: readonly NsgRule[], direction: 'Inbound' | 'Outbound', protocol: 'Tcp' | 'Udp', src: number, dst: number, port: number, virtualNetwork: readonly [number, number][]): 'Allow' | 'Deny' {
  const list = [...rules.filter((r) => r.direction === direction)].sort((a, b) => a.priority - b.priority).concat(DEFAULT_RULES[direction]);
  for (const r of list) {
    if (r.protocol !== '*' && r.protocol !== protocol) continue;
    if (!inPrefix(r.sourceAddressPrefix, src, virtualNetwork) || !inPrefix(r.destinationAddressPrefix, dst, virtualNetwork)) continue;
    if (!inPorts(r.destinationPortRange, port)) continue;
    return r.access;
  }
  throw new Error('no default rule matched');
}

const RANK = { User: 0, Gateway: 1, Default: 2 } as const;

/** The route for one address: longest prefix, then user before gateway before system. */
export function referenceRoute(routes: readonly EffectiveRoute[], ip: number): EffectiveRoute | undefined {
  let best: EffectiveRoute | undefined;
  for (const r of routes) {
    if ('tag' in r.prefix) continue;
    if (ip < r.prefix.start || ip > r.prefix.end) continue;
    if (!best || 'tag' in best.prefix) { best = r; continue; }
    if (r.prefix.prefix > best.prefix.prefix || (r.prefix.prefix === best.prefix.prefix && RANK[r.source] < RANK[best.source])) best = r;
  }
  return best;
}

/**
 * Azure Firewall for one packet with a known host: every network rule (groups, then collections, by
 * priority) before every application rule, the first match decides, no match denies.
 */
export function referenceFirewall(groups: readonly FirewallRuleCollectionGroup[], protocol: 'Tcp' | 'Udp', src: number, dst: number, port: number, host: string): 'Allow' | 'Deny' {
  const sorted = <T extends { priority: number }>(xs: readonly T[]) => [...xs].sort((a, b) => a.priority - b.priority);
  const listed = (items: readonly string[], test: (item: string) => boolean) => items.some(test);
  const fqdn = (p: string) => p === '*' || (p.startsWith('*.') ? host.endsWith(p.slice(1)) : p === host);
  for (const type of ['network', 'application'] as const) {
    for (const g of sorted(groups)) {
      for (const c of sorted(g.ruleCollections)) {
        if (c.ruleType !== type) continue;
        for (const r of c.rules) {
          if (!listed(r.sourceAddresses, (a) => inPrefix(a, src, []))) continue;
          if (c.ruleType === 'network') {
            const n = r as FirewallNetworkRule;
            if (!n.protocols.some((x) => x === 'Any' || x.toLowerCase() === protocol.toLowerCase())) continue;
            if (!listed(n.destinationAddresses ?? [], (a) => inPrefix(a, dst, [])) && !listed(n.destinationFqdns ?? [], fqdn)) continue;
            if (!listed(n.destinationPorts, (x) => inPorts(x, port))) continue;
          } else {
            const a = r as FirewallApplicationRule;
            if (protocol !== 'Tcp' || !a.protocols.some((x) => x.port === port) || !listed(a.targetFqdns ?? [], fqdn)) continue;
          }
          return c.action;
        }
      }
    }
  }
  return 'Deny';
}
