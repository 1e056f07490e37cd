// Firewall policy rules as both IaC languages write them, with each language's attribute names: one
// reader for network rules, application rules and a collection of them, so Bicep and Terraform agree on
// what is readable. A rule with any value the evaluator could not settle (or an IP group, a URL, a web
// category, which the design does not model) is unreadable, and so is its collection.
import type { FirewallApplicationRule, FirewallNetworkRule, FirewallRuleCollection } from '../model/schema';
import { FIREWALL_APPLICATION_PROTOCOLS, FIREWALL_NETWORK_PROTOCOLS } from '../model/schema';
import { field } from './design-builder';
import { items, num, str, strings, type Value } from './iac-value';

export interface RuleKeys {
  readonly sources: string;
  readonly networkProtocols: string;
  readonly addresses: string;
  readonly networkFqdns: string;
  readonly ports: string;
  readonly protocolType: string;
  readonly targetFqdns: string;
  readonly fqdnTags: string;
  /** Attributes naming what the design does not model; present, they make a rule unreadable. */
  readonly unmodelled: readonly string[];
}

export const oneOf = <T extends string>(options: readonly T[], v: string | undefined) => options.find((o) => o.toLowerCase() === v?.toLowerCase());

/** A list that is absent is empty (undefined); one the reader cannot evaluate is null. */
function optList(rule: Value, key: string): string[] | undefined | null {
  const f = field(rule, key);
  if (!f) return undefined;
  return strings(f.value) ?? null;
}

/** An unmodelled attribute counts when it says something: live ARM returns the unused ones as [] or null. */
function namesUnmodelled(rule: Value, k: RuleKeys): boolean {
  return k.unmodelled.some((u) => {
    const v = field(rule, u)?.value;
    return v !== undefined && v.t !== 'null' && !(v.t === 'arr' && v.items.length === 0);
  });
}

function networkRule(rule: Value, k: RuleKeys): FirewallNetworkRule | undefined {
  const name = str(field(rule, 'name')?.value);
  const sources = optList(rule, k.sources);
  const protocols = strings(field(rule, k.networkProtocols)?.value)?.map((p) => oneOf(FIREWALL_NETWORK_PROTOCOLS, p));
  const addresses = optList(rule, k.addresses);
  const fqdns = optList(rule, k.networkFqdns);
  const ports = strings(field(rule, k.ports)?.value);
  if (!name || !sources || !protocols || protocols.some((p) => p === undefined) || addresses === null || fqdns === null || !ports || namesUnmodelled(rule, k)) return undefined;
  const description = str(field(rule, 'description')?.value);
  return { name, ...(description ? { description } : {}), sourceAddresses: sources, protocols: protocols as FirewallNetworkRule['protocols'], ...(addresses ? { destinationAddresses: addresses } : {}), ...(fqdns ? { destinationFqdns: fqdns } : {}), destinationPorts: ports };
}

function applicationRule(rule: Value, k: RuleKeys): FirewallApplicationRule | undefined {
  const name = str(field(rule, 'name')?.value);
  const sources = optList(rule, k.sources);
  const protocols = items(field(rule, 'protocols')?.value)?.map((p) => ({ protocolType: oneOf(FIREWALL_APPLICATION_PROTOCOLS, str(field(p, k.protocolType)?.value)), port: num(field(p, 'port')?.value) }));
  const fqdns = optList(rule, k.targetFqdns);
  const tags = optList(rule, k.fqdnTags);
  if (!name || !sources || !protocols || protocols.some((p) => p.protocolType === undefined || p.port === undefined) || fqdns === null || tags === null || namesUnmodelled(rule, k)) return undefined;
  const description = str(field(rule, 'description')?.value);
  return { name, ...(description ? { description } : {}), sourceAddresses: sources, protocols: protocols as FirewallApplicationRule['protocols'], ...(fqdns ? { targetFqdns: fqdns } : {}), ...(tags ? { fqdnTags: tags } : {}) };
}

/** A collection (`c` holds name, priority, and the action under `actionPath`), or why it cannot be read. */
export function readCollection(c: Value, type: 'network' | 'application', rules: readonly Value[] | undefined, actionPath: readonly string[], k: RuleKeys): FirewallRuleCollection | string {
  const name = str(field(c, 'name')?.value);
  const priority = num(field(c, 'priority')?.value);
  const action = oneOf(['Allow', 'Deny'] as const, str(field(c, ...actionPath)?.value));
  if (!name || priority === undefined || !action || !rules) return `collection '${name ?? '?'}' is not written in literals`;
  const head = { name, priority, action };
  const bad = `a rule of collection '${name}' is not written in literals`;
  if (type === 'network') {
    const read = rules.map((r) => networkRule(r, k));
    return read.some((x) => x === undefined) ? bad : { ...head, ruleType: 'network', rules: read as FirewallNetworkRule[] };
  }
  const read = rules.map((r) => applicationRule(r, k));
  return read.some((x) => x === undefined) ? bad : { ...head, ruleType: 'application', rules: read as FirewallApplicationRule[] };
}
