// Maps azurerm's Azure Firewall resources to the design: azurerm_firewall (tier, region, subnet), its
// azurerm_firewall_policy and the policy's azurerm_firewall_policy_rule_collection_group blocks. The
// bookkeeping (which firewall a policy belongs to, unreadable rules) is the ARM reader's (arm-firewall.ts).
import type { FirewallApplicationRule, FirewallNetworkRule, FirewallRuleCollection, FirewallRuleCollectionGroup } from '../model/schema';
import { FIREWALL_APPLICATION_PROTOCOLS, FIREWALL_NETWORK_PROTOCOLS } from '../model/schema';
import { addGroup, declarePolicy, rememberPolicy } from './arm-firewall';
import { field, read, type DesignBuilder } from './design-builder';
import type { IacResource } from './iac-resource';
import { items, num, str, strings, type Value } from './iac-value';

const TIERS = ['Basic', 'Standard', 'Premium'] as const;
const oneOf = <T extends string>(options: readonly T[], v: string | undefined) => options.find((o) => o.toLowerCase() === v?.toLowerCase());
const policyKeyOf = (body: Value) => {
  const ref = field(body, 'firewall_policy_id')?.value.ref;
  return ref && ref.path[0] === 'id' ? ref.target : undefined;
};

/** Phase 1: the firewall; true when the resource was one. */
export function terraformFirewallElement(r: IacResource, b: DesignBuilder): boolean {
  if (r.type !== 'azurerm_firewall') return false;
  const fw = b.addElement(r.key, 'firewall', read(r.body, ['name'], str), r.key.slice(r.key.indexOf('.') + 1), r.at, {
    appliance: { value: 'azureFirewall', at: r.typeAt },
    skuTier: read(r.body, ['sku_tier'], (v) => oneOf(TIERS, str(v))),
    region: read(r.body, ['location'], str),
  });
  const policy = policyKeyOf(r.body);
  if (policy) rememberPolicy(b, policy, fw);
  return true;
}

/** Phase 1b: the policy and its rule collection groups; true when the resource was one. */
export function terraformFirewallChildren(r: IacResource, b: DesignBuilder): boolean {
  if (r.type === 'azurerm_firewall_policy') {
    declarePolicy(b, r, r.key);
    return true;
  }
  if (r.type !== 'azurerm_firewall_policy_rule_collection_group') return false;
  addGroup(b, r, policyKeyOf(r.body), readGroup(r.body));
  return true;
}

/** Phase 2: the firewall's subnet; true when the resource was one. */
export function terraformFirewallRelations(r: IacResource, b: DesignBuilder): boolean {
  if (r.type !== 'azurerm_firewall') return false;
  const self = b.element(r.key);
  const subnet = field(r.body, 'ip_configuration', 0, 'subnet_id');
  b.addRelation('firewallSubnet', self, b.resolve(subnet?.value, ['subnet']), `${self?.id ?? r.key}.subnet`, subnet?.at);
  return true;
}

function readGroup(body: Value): FirewallRuleCollectionGroup | string {
  const name = str(field(body, 'name')?.value);
  const priority = num(field(body, 'priority')?.value);
  if (!name || priority === undefined) return 'the group name or priority is not a literal';
  if (field(body, 'nat_rule_collection')) return 'DNAT collections are not modelled';
  const collections: FirewallRuleCollection[] = [];
  for (const type of ['network', 'application'] as const) {
    const blocks = field(body, `${type}_rule_collection`);
    if (!blocks) continue;
    const list = items(blocks.value);
    if (!list) return `the ${type} rule collections are not written as blocks`;
    for (const c of list) {
      const cName = str(field(c, 'name')?.value);
      const cPriority = num(field(c, 'priority')?.value);
      const action = oneOf(['Allow', 'Deny'] as const, str(field(c, 'action')?.value));
      const rules = items(field(c, 'rule')?.value);
      if (!cName || cPriority === undefined || !action || !rules) return `collection '${cName ?? '?'}' is not written in literals`;
      const head = { name: cName, priority: cPriority, action };
      if (type === 'network') {
        const read = rules.map(networkRule);
        if (read.some((x) => x === undefined)) return `a rule of collection '${cName}' is not written in literals`;
        collections.push({ ...head, ruleType: 'network', rules: read as FirewallNetworkRule[] });
      } else {
        const read = rules.map(applicationRule);
        if (read.some((x) => x === undefined)) return `a rule of collection '${cName}' is not written in literals`;
        collections.push({ ...head, ruleType: 'application', rules: read as FirewallApplicationRule[] });
      }
    }
  }
  return { name, priority, ruleCollections: collections };
}

function optList(rule: Value, key: string): string[] | undefined | null {
  const f = field(rule, key);
  if (!f) return undefined;
  return strings(f.value) ?? null;
}

function networkRule(rule: Value): FirewallNetworkRule | undefined {
  const name = str(field(rule, 'name')?.value);
  const sources = optList(rule, 'source_addresses');
  const protocols = strings(field(rule, 'protocols')?.value)?.map((p) => oneOf(FIREWALL_NETWORK_PROTOCOLS, p));
  const addresses = optList(rule, 'destination_addresses');
  const fqdns = optList(rule, 'destination_fqdns');
  const ports = strings(field(rule, 'destination_ports')?.value);
  if (!name || !sources || !protocols || protocols.some((p) => p === undefined) || addresses === null || fqdns === null || !ports || field(rule, 'source_ip_groups') || field(rule, 'destination_ip_groups')) return undefined;
  const description = str(field(rule, 'description')?.value);
  return { name, ...(description ? { description } : {}), sourceAddresses: sources, protocols: protocols as FirewallNetworkRule['protocols'], ...(addresses ? { destinationAddresses: addresses } : {}), ...(fqdns ? { destinationFqdns: fqdns } : {}), destinationPorts: ports };
}

function applicationRule(rule: Value): FirewallApplicationRule | undefined {
  const name = str(field(rule, 'name')?.value);
  const sources = optList(rule, 'source_addresses');
  const protocols = items(field(rule, 'protocols')?.value)?.map((p) => ({ protocolType: oneOf(FIREWALL_APPLICATION_PROTOCOLS, str(field(p, 'type')?.value)), port: num(field(p, 'port')?.value) }));
  const fqdns = optList(rule, 'destination_fqdns');
  const tags = optList(rule, 'destination_fqdn_tags');
  if (!name || !sources || !protocols || protocols.some((p) => p.protocolType === undefined || p.port === undefined) || fqdns === null || tags === null || field(rule, 'source_ip_groups') || field(rule, 'destination_urls') || field(rule, 'web_categories')) return undefined;
  const description = str(field(rule, 'description')?.value);
  return { name, ...(description ? { description } : {}), sourceAddresses: sources, protocols: protocols as FirewallApplicationRule['protocols'], ...(fqdns ? { targetFqdns: fqdns } : {}), ...(tags ? { fqdnTags: tags } : {}) };
}
