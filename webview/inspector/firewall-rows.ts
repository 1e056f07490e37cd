// The firewall policy as one editable table: each rule a row carrying its group and collection (name,
// priority, action, type), written back as rule collection groups. A priority, action or type edited on
// one row applies to its whole group or collection; a collection left without rules is dropped.
import {
  FIREWALL_APPLICATION_PROTOCOLS, FIREWALL_NETWORK_PROTOCOLS,
  type FirewallApplicationRule, type FirewallNetworkRule, type FirewallRuleCollection, type FirewallRuleCollectionGroup,
} from '../../src/core/model/schema';
import { checkAddressPrefix, checkName, checkPortRange, freeName, type Column, type Row } from './rule-columns';

const list = (text: unknown) => String(text ?? '').split(',').map((s) => s.trim()).filter((s) => s !== '');
const DEFAULT_PORT: Record<string, number> = { Http: 80, Https: 443, Mssql: 1433 };

/** One row per rule, in the order the policy lists them. */
export function firewallRows(groups: readonly FirewallRuleCollectionGroup[]): Row[] {
  return groups.flatMap((g) => g.ruleCollections.flatMap((c) => c.rules.map((r): Row => {
    const head = { group: g.name, groupPriority: g.priority, collection: c.name, collectionPriority: c.priority, action: c.action, ruleType: c.ruleType, name: r.name, ...(r.description !== undefined ? { description: r.description } : {}), sources: r.sourceAddresses.join(', ') };
    if (c.ruleType === 'network') {
      const n = r as FirewallNetworkRule;
      return { ...head, protocols: n.protocols.join(', '), destinations: (n.destinationAddresses ?? []).join(', '), fqdns: (n.destinationFqdns ?? []).join(', '), ports: n.destinationPorts.join(', ') };
    }
    const a = r as FirewallApplicationRule;
    return { ...head, protocols: a.protocols.map((p) => `${p.protocolType}:${p.port}`).join(', '), destinations: (a.targetFqdns ?? []).join(', '), fqdns: (a.fqdnTags ?? []).join(', ') };
  })));
}

/** The flat row index of the rule at [group, collection, rule], for focusing it. */
export function firewallRowIndex(groups: readonly FirewallRuleCollectionGroup[], [g, c, r]: readonly number[]): number | undefined {
  let i = 0;
  for (let gi = 0; gi < groups.length; gi++) {
    const cs = groups[gi]!.ruleCollections;
    for (let ci = 0; ci < cs.length; ci++) {
      if (gi === g && ci === c) return r !== undefined && r < cs[ci]!.rules.length ? i + r : undefined;
      i += cs[ci]!.rules.length;
    }
  }
  return undefined;
}

function networkProtocols(text: unknown): FirewallNetworkRule['protocols'] {
  return list(text).map((p) => FIREWALL_NETWORK_PROTOCOLS.find((k) => k.toLowerCase() === p.toLowerCase())!).filter((p) => p !== undefined);
}

function applicationProtocols(text: unknown): FirewallApplicationRule['protocols'] {
  return list(text).flatMap((p) => {
    const [type, port] = p.split(':').map((s) => s.trim());
    const t = FIREWALL_APPLICATION_PROTOCOLS.find((k) => k.toLowerCase() === type?.toLowerCase());
    return t ? [{ protocolType: t, port: port ? Number(port) : DEFAULT_PORT[t]! }] : [];
  });
}

function ruleOf(row: Row): FirewallNetworkRule | FirewallApplicationRule {
  // The description is no column but rides along on the row, so editing a cell does not lose it.
  const name = String(row.name);
  const described = row.description === undefined ? {} : { description: String(row.description) };
  const sourceAddresses = list(row.sources);
  if (row.ruleType === 'network') {
    const fqdns = list(row.fqdns);
    return { name, ...described, sourceAddresses, protocols: networkProtocols(row.protocols), destinationAddresses: list(row.destinations), ...(fqdns.length ? { destinationFqdns: fqdns } : {}), destinationPorts: list(row.ports) };
  }
  const tags = list(row.fqdns);
  return { name, ...described, sourceAddresses, protocols: applicationProtocols(row.protocols), targetFqdns: list(row.destinations), ...(tags.length ? { fqdnTags: tags } : {}) };
}

/**
 * Rows back to groups, in first-appearance order. Where rows of one group or collection disagree on a
 * shared field (the user edited it on one row), the edited row's value wins, so the edit is not lost.
 */
export function firewallGroups(rows: readonly Row[], before: readonly Row[] = []): FirewallRuleCollectionGroup[] {
  const changed = (i: number, key: string) => before[i] === undefined || before[i]![key] !== rows[i]![key];
  const pick = (indices: readonly number[], key: string) => rows[indices.find((i) => changed(i, key)) ?? indices[0]!]![key];
  const groups = new Map<string, number[]>();
  rows.forEach((r, i) => groups.set(String(r.group), [...(groups.get(String(r.group)) ?? []), i]));
  return [...groups.entries()].map(([name, gi]) => {
    const collections = new Map<string, number[]>();
    for (const i of gi) collections.set(String(rows[i]!.collection), [...(collections.get(String(rows[i]!.collection)) ?? []), i]);
    return {
      name,
      priority: Number(pick(gi, 'groupPriority')),
      ruleCollections: [...collections.entries()].map(([cname, ci]): FirewallRuleCollection => {
        const head = { name: cname, priority: Number(pick(ci, 'collectionPriority')), action: pick(ci, 'action') === 'Deny' ? 'Deny' as const : 'Allow' as const };
        const type = pick(ci, 'ruleType') === 'network' ? 'network' : 'application';
        const rules = ci.map((i) => ruleOf({ ...rows[i]!, ruleType: type }));
        return type === 'network'
          ? { ...head, ruleType: 'network', rules: rules as FirewallNetworkRule[] }
          : { ...head, ruleType: 'application', rules: rules as FirewallApplicationRule[] };
      }),
    };
  });
}

function checkPriority(text: string): string | undefined {
  const n = Number(text.trim());
  return /^\d+$/.test(text.trim()) && n >= 100 && n <= 65000 ? undefined : 'Azure Firewall priorities are whole numbers from 100 to 65000.';
}

function checkProtocols(text: string, row: Row): string | undefined {
  const items = list(text);
  if (items.length === 0) return 'At least one protocol.';
  if (row.ruleType === 'network') {
    const bad = items.find((p) => !FIREWALL_NETWORK_PROTOCOLS.some((k) => k.toLowerCase() === p.toLowerCase()));
    return bad === undefined ? undefined : `'${bad}' is not TCP, UDP, ICMP or Any.`;
  }
  const bad = items.find((p) => {
    const [type, port] = p.split(':').map((s) => s.trim());
    const known = FIREWALL_APPLICATION_PROTOCOLS.some((k) => k.toLowerCase() === type?.toLowerCase());
    return !known || (port !== undefined && !(/^\d{1,5}$/.test(port) && Number(port) >= 1 && Number(port) <= 65535));
  });
  return bad === undefined ? undefined : `'${bad}' is not Http, Https or Mssql with an optional :port (e.g. Https:443).`;
}

function checkSources(text: string): string | undefined {
  const items = list(text);
  if (items.length === 0) return 'At least one source address (* for any).';
  const bad = items.map((i) => (i.includes('/') || /^[\d.]+$/.test(i) || i === '*' ? checkAddressPrefix(i) : `'${i}' is not an IP address, a CIDR block or *.`)).find((e) => e !== undefined);
  return bad;
}

function checkDestinations(text: string, row: Row): string | undefined {
  const items = list(text);
  if (row.ruleType === 'network') {
    if (items.length === 0 && list(row.fqdns).length === 0) return 'A network rule needs destination addresses or FQDNs.';
    return items.map((i) => checkAddressPrefix(i)).find((e) => e !== undefined);
  }
  if (items.length === 0 && list(row.fqdns).length === 0) return 'An application rule needs target FQDNs or FQDN tags.';
  const bad = items.find((i) => !/^(\*|(\*\.)?[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*)$/.test(i));
  return bad === undefined ? undefined : `'${bad}' is not an FQDN like api.contoso.com or *.contoso.com.`;
}

function checkPorts(text: string, row: Row): string | undefined {
  if (row.ruleType !== 'network') return text.trim() === '' ? undefined : 'Application rules take their ports from the protocols (e.g. Https:443).';
  const items = list(text);
  if (items.length === 0) return 'At least one destination port (* for any).';
  return items.map(checkPortRange).find((e) => e !== undefined);
}

export const FIREWALL_RULE_COLUMNS: readonly Column[] = [
  { key: 'group', label: 'Group', type: 'text', check: checkName },
  { key: 'groupPriority', label: 'Group prio', type: 'number', check: checkPriority },
  { key: 'collection', label: 'Collection', type: 'text', check: checkName },
  { key: 'collectionPriority', label: 'Coll. prio', type: 'number', check: checkPriority },
  { key: 'action', label: 'Action', type: 'enum', options: ['Allow', 'Deny'] },
  { key: 'ruleType', label: 'Type', type: 'enum', options: ['network', 'application'], clears: () => ['protocols', 'ports'] },
  { key: 'name', label: 'Rule', type: 'text', check: checkName },
  { key: 'sources', label: 'Sources', type: 'text', check: checkSources },
  { key: 'protocols', label: 'Protocols', type: 'text', check: checkProtocols },
  { key: 'destinations', label: 'Destinations / target FQDNs', type: 'text', check: checkDestinations },
  { key: 'fqdns', label: 'Dest. FQDNs / FQDN tags', type: 'text', optional: true },
  { key: 'ports', label: 'Dest. ports', type: 'text', optional: true, check: checkPorts },
];

/** A new rule in the last row's collection (or a first group and collection), named freshly. */
export function newFirewallRow(rows: readonly Row[]): Row {
  const last = rows.at(-1);
  const where = last
    ? { group: last.group, groupPriority: last.groupPriority, collection: last.collection, collectionPriority: last.collectionPriority, action: last.action, ruleType: last.ruleType }
    : { group: 'rcg-1', groupPriority: 200, collection: 'allow-1', collectionPriority: 100, action: 'Allow', ruleType: 'application' };
  return { ...where, name: freeName(rows, 'rule'), sources: '*', protocols: where.ruleType === 'network' ? 'TCP' : 'Https:443', destinations: '', ...(where.ruleType === 'network' ? { ports: '443' } : {}) };
}
